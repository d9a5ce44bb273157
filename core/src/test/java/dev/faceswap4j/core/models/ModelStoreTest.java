package dev.faceswap4j.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.ModelFile;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {

    @TempDir
    Path dir;

    private static final List<ModelFile> DECLARED = ModelFetcherTest.BLAZEFACE;
    private final ModelCatalog catalog = new ModelCatalog(DECLARED);

    @Test
    void missingFileNamesItAndTheFix() {
        ModelStore store = new ModelStore(dir, catalog);
        FaceswapException e = assertThrows(FaceswapException.class, () -> store.require("blazeface-front"));
        assertEquals("model file " + dir.resolve("face_detection_front_128x128.onnx") + " (blazeface-front) is missing"
                + " — run 'faceswap4j models fetch' (model-store.dir = " + dir + ")", e.getMessage());
    }

    @Test
    void checksumMismatchIsReportedNotUsed() throws IOException {
        ModelStore store = new ModelStore(dir, catalog);
        ModelFile model = catalog.byId("blazeface-front");
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
        ModelStore store = new ModelStore(dir, catalog);
        Files.writeString(store.pathOf(catalog.byId("blazeface-back")), "not a model");
        var statuses = store.verifyAll(true);
        assertEquals(DECLARED.size() + ModelCatalog.SAMPLE_PHOTOS.size(), statuses.size(), "the declared files and core's test photos");
        assertEquals(ModelStore.State.WRONG_SIZE,
                statuses.stream().filter(s -> s.model().id().equals("blazeface-back")).findFirst().orElseThrow().state());
        assertEquals(statuses.size() - 1, statuses.stream().filter(s -> s.state() == ModelStore.State.MISSING).count());
    }

    @Test
    void configuredModelFilesAreCheckedOnlyInsideAModelStore() throws IOException {
        ModelFile onnx = catalog.byId("blazeface-front");
        Path own = dir.resolve("mine").resolve(onnx.fileName());
        Files.createDirectories(own.getParent());
        Files.writeString(own, "a detector the user trained, under the same name");
        assertEquals(own, ModelStore.checkIfCatalogued(own, "x.model", catalog), "not a model store: taken as is");

        ModelStore store = new ModelStore(dir.resolve("store"), catalog);
        Files.createDirectories(store.dir());
        Files.writeString(store.pathOf(onnx), "damaged");
        store.writeSums();
        FaceswapException e = assertThrows(FaceswapException.class, () -> ModelStore.checkIfCatalogued(store.pathOf(onnx), "x.model", catalog));
        assertTrue(e.getMessage().contains("has the wrong checksum"), e.getMessage());

        Path missing = dir.resolve("nowhere.onnx");
        assertEquals("model file not found: " + missing + " (x.model) — run 'faceswap4j models fetch', or set x.model to a file you have",
                assertThrows(FaceswapException.class, () -> ModelStore.checkIfCatalogued(missing, "x.model", catalog)).getMessage());
    }

    @Test
    void sumsOfFilesNoLongerDeclaredAreKept() throws IOException {
        ModelStore withBoth = new ModelStore(dir, catalog);
        for (ModelFile model : DECLARED) {
            Files.writeString(withBoth.pathOf(model), model.id());
        }
        withBoth.writeSums();
        new ModelStore(dir, new ModelCatalog(DECLARED.subList(0, 1))).writeSums(); // the other plugin was taken out
        assertEquals(List.of(DECLARED.get(1).sha256() + "  " + DECLARED.get(1).fileName(), DECLARED.get(0).sha256() + "  " + DECLARED.get(0).fileName()),
                Files.readAllLines(dir.resolve(ModelStore.SUMS_FILE)));
    }

    @Test
    void aCatalogTakesOneFileFromTwoPluginsButNoConflicts() {
        ModelFile front = DECLARED.get(0);
        assertEquals(1 + ModelCatalog.SAMPLE_PHOTOS.size(), new ModelCatalog(List.of(front, front)).all().size(), "declared twice, kept once");

        ModelFile otherChecksum = new ModelFile(front.id(), front.fileName(), front.size(), "1".repeat(64), front.source(), front.license());
        assertTrue(assertThrows(FaceswapException.class, () -> new ModelCatalog(List.of(front, otherChecksum))).getMessage()
                .startsWith("two plugins declare model 'blazeface-front' differently"));
        ModelFile sameName = new ModelFile("mine", front.fileName(), front.size(), front.sha256(), front.source(), front.license());
        assertEquals("models 'blazeface-front' and 'mine' both want the file face_detection_front_128x128.onnx",
                assertThrows(FaceswapException.class, () -> new ModelCatalog(List.of(front, sameName))).getMessage());
        assertTrue(assertThrows(FaceswapException.class, () -> catalog.byId("nope")).getMessage()
                .endsWith("— is the plugin that declares it in plugins/?"));
    }
}
