// Writes dlib's built-in HOG frontal face detector (5 FHOG filters) to a plain dlib .svm file,
// so that the Java HOG plugin can read it like any detector trained with dlib.
// Build: g++ -O1 export_frontal_face_detector.cpp -ldlib -l:liblapack.so.3 -l:libblas.so.3
#include <dlib/image_processing/frontal_face_detector.h>
#include <dlib/serialize.h>
#include <iostream>

int main(int argc, char** argv) {
    if (argc != 2) {
        std::cerr << "usage: export_frontal_face_detector OUTPUT.svm\n";
        return 2;
    }
    dlib::frontal_face_detector detector = dlib::get_frontal_face_detector();
    dlib::serialize(argv[1]) << detector;
    return 0;
}
