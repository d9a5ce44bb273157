package dev.faceswap4j.core.testing;

import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.core.models.ModelCatalog;
import dev.faceswap4j.core.models.ModelFetcher;
import dev.faceswap4j.core.models.ModelStore;
import java.nio.file.Path;
import java.util.List;

/**
 * Model files and real test photos for tests, from the default model store. A file that is not
 * there yet is fetched (with its checksum checked) once, so a clean CI machine needs no manual step.
 * A plugin's tests pass the file its provider declares ({@code HogDetectorProvider.FRONTAL_FACE_DETECTOR}).
 */
public final class TestModels {

    private TestModels() {}

    public static synchronized Path require(ModelFile model) {
        ModelStore store = new ModelStore(ModelStore.defaultDir(), new ModelCatalog(List.of(model)));
        if (store.check(model, false).state() != ModelStore.State.OK) {
            new ModelFetcher(store, false).fetch(List.of(model), false);
        }
        return store.require(model.id());
    }

    /** The face-api demo photo {@code sample<n>.jpg}, n = 1..6: group photos with about 20 real faces. */
    public static Path samplePhoto(int n) {
        return require(ModelCatalog.SAMPLE_PHOTOS.get(n - 1));
    }
}
