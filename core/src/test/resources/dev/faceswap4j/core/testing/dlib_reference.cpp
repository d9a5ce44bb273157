// Reference output of dlib 19.24 for the parity tests: runs dlib's HOG frontal face detector and
// its 68-point shape predictor on a BMP image and prints, per face:
//   face LEFT TOP RIGHT BOTTOM SCORE
//   parts X0 Y0 X1 Y1 ... (68 integer points, as dlib returns them)
// the single-threaded time per face of the shape predictor over REPEAT runs, and the mean time of
// one detection over DETECT_REPEAT runs (default 1):
//   landmarks_ms_per_face T
//   detect_ms T
// Usage: dlib_reference SHAPE_PREDICTOR.dat IMAGE.bmp UPSAMPLE REPEAT [DETECT_REPEAT]
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/image_processing/shape_predictor.h>
#include <dlib/image_io.h>
#include <dlib/image_transforms.h>
#include <chrono>
#include <cstdio>
#include <cstdlib>

int main(int argc, char** argv) {
    if (argc != 5 && argc != 6) {
        std::fprintf(stderr, "usage: dlib_reference SHAPE_PREDICTOR.dat IMAGE.bmp UPSAMPLE REPEAT [DETECT_REPEAT]\n");
        return 2;
    }
    dlib::shape_predictor predictor;
    dlib::deserialize(argv[1]) >> predictor;
    dlib::array2d<dlib::rgb_pixel> image;
    dlib::load_bmp(image, argv[2]);
    const int upsample = std::atoi(argv[3]);
    const int repeat = std::atoi(argv[4]);
    const int detect_repeat = argc == 6 ? std::atoi(argv[5]) : 1;

    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    dlib::array2d<dlib::rgb_pixel> scaled;
    dlib::assign_image(scaled, image);
    for (int i = 0; i < upsample; ++i) dlib::pyramid_up(scaled);
    std::vector<dlib::rect_detection> detections;
    auto t0 = std::chrono::steady_clock::now();
    for (int i = 0; i < detect_repeat; ++i) detector(scaled, detections, 0.0);
    auto t1 = std::chrono::steady_clock::now();
    std::printf("detect_ms %.3f\n", std::chrono::duration<double, std::milli>(t1 - t0).count() / detect_repeat);

    dlib::pyramid_down<2> down;
    std::vector<dlib::rectangle> boxes;
    for (const auto& d : detections) {
        dlib::rectangle box = d.rect;
        for (int i = 0; i < upsample; ++i) box = down.rect_down(box);
        boxes.push_back(box);
        dlib::full_object_detection shape = predictor(image, box);
        std::printf("face %ld %ld %ld %ld %.6f\nparts", box.left(), box.top(), box.right(), box.bottom(), d.detection_confidence);
        for (unsigned long i = 0; i < shape.num_parts(); ++i) std::printf(" %ld %ld", shape.part(i).x(), shape.part(i).y());
        std::printf("\n");
    }
    if (!boxes.empty() && repeat > 0) {
        long sink = 0;
        auto s0 = std::chrono::steady_clock::now();
        for (int r = 0; r < repeat; ++r)
            for (const auto& box : boxes) sink += predictor(image, box).part(30).x();
        auto s1 = std::chrono::steady_clock::now();
        std::printf("landmarks_ms_per_face %.4f\n", std::chrono::duration<double, std::milli>(s1 - s0).count() / (repeat * boxes.size()));
        std::fprintf(stderr, "checksum %ld\n", sink);
    }
    return 0;
}
