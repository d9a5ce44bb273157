package dev.faceswap4j.core.models;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.ModelSource.NpmPackage;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The files {@code models fetch} obtains: those the stage providers found declare
 * ({@link dev.faceswap4j.api.StageProvider#modelFiles()}), plus core's own real test photos.
 * Ids and file names are unique; two providers may declare the same file.
 */
public final class ModelCatalog {

    private static final String FACE_API_NPM = "@vladmandic/face-api@1.7.15";
    private static final String FACE_API_URL = "https://registry.npmjs.org/@vladmandic/face-api/-/face-api-1.7.15.tgz";
    private static final String FACE_API_SHA256 = "0d77fffeef362ef9c0939cf6c567f3a2e8e177f114fa257a3270cbd2e509b031";
    private static final List<String> SAMPLE_SHA256 = List.of(
            "8ecae4b267b2d3169e06e00c7dee97097aa2a94635d45216f7732a5f4943cb51",
            "7d2b60ae6f13bf30f422e04df87451081a02c83de469056f25afb44b7000c691",
            "8eb081c9efb14370fa94d9feab9e5fbeafd19a627491853a80c2bf67f7ffa936",
            "729efa5923061d40eb4ed5f267a18cc7b8ba6f852bb2757b16d8b7e4937476fc",
            "6d45095ebb182d8f975c0790e0e4eefd86fbb40609cf4b271776d92e12662938",
            "9baad80f9d5e306fb9b8c0913d44445f1e95848df317530efb03d0934c57ba87");
    private static final long[] SAMPLE_SIZES = {144516, 181758, 221049, 210824, 166400, 302445};

    /** face-api's demo photos (group photos, about 20 real faces each): the tests' faces and the photo demo. */
    public static final List<ModelFile> SAMPLE_PHOTOS = samplePhotos();

    private final List<ModelFile> files;

    /** A catalog of {@code declared} (duplicates of the same file dropped) and the sample photos. */
    public ModelCatalog(List<ModelFile> declared) {
        Map<String, ModelFile> byId = new LinkedHashMap<>();
        Map<String, String> idByFileName = new LinkedHashMap<>();
        List<ModelFile> all = new ArrayList<>(declared);
        all.addAll(SAMPLE_PHOTOS);
        for (ModelFile file : all) {
            ModelFile earlier = byId.putIfAbsent(file.id(), file);
            if (earlier != null && !earlier.equals(file)) {
                throw new FaceswapException("two plugins declare model '" + file.id() + "' differently: "
                        + earlier.fileName() + " " + earlier.sha256() + " and " + file.fileName() + " " + file.sha256());
            }
            String owner = idByFileName.putIfAbsent(file.fileName(), file.id());
            if (owner != null && !owner.equals(file.id())) {
                throw new FaceswapException("models '" + owner + "' and '" + file.id() + "' both want the file " + file.fileName());
            }
        }
        this.files = List.copyOf(byId.values());
    }

    private static List<ModelFile> samplePhotos() {
        List<ModelFile> photos = new ArrayList<>();
        for (int i = 1; i <= SAMPLE_SHA256.size(); i++) {
            NpmPackage member = new NpmPackage(FACE_API_NPM, FACE_API_URL, FACE_API_SHA256, "package/demo/sample" + i + ".jpg");
            photos.add(new ModelFile(sampleId(i), "samples/sample" + i + ".jpg", SAMPLE_SIZES[i - 1], SAMPLE_SHA256.get(i - 1),
                    member, "face-api demo photo (MIT package); used as real test faces"));
        }
        return List.copyOf(photos);
    }

    /** Id of the face-api demo photo {@code sample<n>.jpg}, n = 1..6. */
    public static String sampleId(int n) {
        return "sample-photo-" + n;
    }

    public List<ModelFile> all() {
        return files;
    }

    public ModelFile byId(String id) {
        return files.stream().filter(f -> f.id().equals(id)).findFirst()
                .orElseThrow(() -> new FaceswapException("unknown model '" + id + "'; known: "
                        + String.join(", ", files.stream().map(ModelFile::id).toList())
                        + " — is the plugin that declares it in plugins/?"));
    }
}
