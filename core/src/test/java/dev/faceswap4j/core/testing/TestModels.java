package dev.faceswap4j.core.testing;

import dev.faceswap4j.core.models.ModelCatalog;
import dev.faceswap4j.core.models.ModelFetcher;
import dev.faceswap4j.core.models.ModelStore;
import java.nio.file.Path;
import java.util.List;

/**
 * Model files and real test photos for tests, from the default model store. A file that is not
 * there yet is fetched (with its checksum checked) once, so a clean CI machine needs no manual step.
 */
public final class TestModels {

    private TestModels() {}

    public static synchronized Path require(String id) {
        ModelStore store = new ModelStore(ModelStore.defaultDir());
        if (store.check(ModelCatalog.byId(id), false).state() != ModelStore.State.OK) {
            new ModelFetcher(store, false).fetch(List.of(ModelCatalog.byId(id)), false);
        }
        return store.require(id);
    }

    /** The face-api demo photo {@code sample<n>.jpg}, n = 1..6: group photos with about 20 real faces. */
    public static Path samplePhoto(int n) {
        return require(ModelCatalog.sampleId(n));
    }
}
