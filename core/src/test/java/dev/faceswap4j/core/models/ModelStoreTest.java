package dev.faceswap4j.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @TempDir
    Path dir;

    @Test
    void missingFileNamesItAndTheFix() {
        ModelStore store = new ModelStore(dir);
        FaceswapException e = assertThrows(FaceswapException.class, () -> store.require(ModelCatalog.BLAZEFACE_FRONT));
        assertEquals("model file " + dir.resolve("face_detection_front_128x128.onnx") + " (blazeface-front) is missing"
                + " — run 'faceswap4j models fetch' (model-store.dir = " + dir + ")", e.getMessage());
    }

    @Test
    void checksumMismatchIsReportedNotUsed() throws IOException {
        ModelStore store = new ModelStore(dir);
        ModelFile model = ModelCatalog.byId(ModelCatalog.BLAZEFACE_FRONT);
        Files.write(store.pathOf(model), new byte[(int) model.size()]); // right size, wrong bytes
        FaceswapException e = assertThrows(FaceswapException.class, () -> store.require(model.id()));
        assertTrue(e.getMessage().startsWith("model file " + store.pathOf(model) + " (blazeface-front) has the wrong checksum (SHA-256 "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("expected " + model.sha256() + ") — run 'faceswap4j models fetch' to replace it"), e.getMessage());
        assertFalse(e.getMessage().contains("\n"));
        assertEquals(ModelStore.State.WRONG_CHECKSUM, store.check(model, true).state());
    }

    @Test
    void verifyReportsEveryFile() throws IOException {
        ModelStore store = new ModelStore(dir);
        Files.writeString(store.pathOf(ModelCatalog.byId(ModelCatalog.BLAZEFACE_BACK)), "not a model");
        var statuses = store.verifyAll(true);
        assertEquals(ModelCatalog.all().size(), statuses.size());
        assertEquals(ModelStore.State.WRONG_SIZE,
                statuses.stream().filter(s -> s.model().id().equals(ModelCatalog.BLAZEFACE_BACK)).findFirst().orElseThrow().state());
        assertEquals(ModelCatalog.all().size() - 1, statuses.stream().filter(s -> s.state() == ModelStore.State.MISSING).count());
    }

    @Test
    void configuredModelFilesAreCheckedOnlyInsideAModelStore() throws IOException {
        ModelFile svm = ModelCatalog.byId(ModelCatalog.FRONTAL_FACE_DETECTOR);
        Path own = dir.resolve("mine").resolve(svm.fileName());
        Files.createDirectories(own.getParent());
        Files.writeString(own, "a detector the user trained, under the same name");
        assertEquals(own, ModelStore.checkIfCatalogued(own), "not a model store: taken as is");

        ModelStore store = new ModelStore(dir.resolve("store"));
        Files.createDirectories(store.dir());
        Files.writeString(store.pathOf(svm), "damaged");
        store.writeSums();
        FaceswapException e = assertThrows(FaceswapException.class, () -> ModelStore.checkIfCatalogued(store.pathOf(svm)));
        assertTrue(e.getMessage().contains("has the wrong checksum"), e.getMessage());

        Path missing = dir.resolve("nowhere.svm");
        assertEquals("model file not found: " + missing,
                assertThrows(FaceswapException.class, () -> ModelStore.checkIfCatalogued(missing)).getMessage());
    }

    @Test
    void catalogIdsAndFileNamesAreUnique() {
        assertEquals(ModelCatalog.all().size(), ModelCatalog.all().stream().map(ModelFile::id).distinct().count());
        assertEquals(ModelCatalog.all().size(), ModelCatalog.all().stream().map(ModelFile::fileName).distinct().count());
        assertThrows(FaceswapException.class, () -> ModelCatalog.byId("nope"));
    }
}
