package dev.faceswap4j.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.core.testing.TestFaces;
import dev.faceswap4j.core.testing.TestModels;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading a folder of aligned faces, and refusing what is not one. */
class FaceSetTest {

    @TempDir
    Path dir;

    @Test
    void readsTheCropsExtractListed() throws Exception {
        Path crops = TestFaces.sampleCrops();
        long pngs;
        try (Stream<Path> files = Files.list(crops)) {
            pngs = files.filter(p -> p.toString().endsWith(".png")).count();
        }
        FaceSet faces = FaceSet.read(crops);
        assertEquals(pngs, faces.size());
        assertTrue(faces.size() >= 18, "sample photos hold about 20 faces, got " + faces.size());
        assertEquals(256, faces.cropSize());
    }

    @Test
    void ignoresImagesExtractDidNotWrite() throws Exception {
        Path copy = Files.createDirectories(dir.resolve("faces"));
        try (Stream<Path> files = Files.list(TestFaces.sampleCrops())) {
            for (Path file : files.toList()) {
                Files.copy(file, copy.resolve(file.getFileName()));
            }
        }
        int before = FaceSet.read(copy).size();
        Files.copy(TestModels.samplePhoto(1), copy.resolve("holiday.jpg"));
        assertEquals(before, FaceSet.read(copy).size());
    }

    @Test
    void refusesAPhotoThatIsNotAnAlignedCrop() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("photos"));
        Files.copy(TestModels.samplePhoto(1), folder.resolve("group.jpg"));
        FaceswapException e = assertThrows(FaceswapException.class, () -> FaceSet.read(folder));
        assertTrue(e.getMessage().contains("group.jpg") && e.getMessage().contains("not a square aligned crop"), e.getMessage());
    }

    @Test
    void refusesCropsOfDifferentSizes() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("mixed"));
        ImageIO.write(new BufferedImage(256, 256, BufferedImage.TYPE_3BYTE_BGR), "png", folder.resolve("a.png").toFile());
        ImageIO.write(new BufferedImage(128, 128, BufferedImage.TYPE_3BYTE_BGR), "png", folder.resolve("b.png").toFile());
        FaceswapException e = assertThrows(FaceswapException.class, () -> FaceSet.read(folder));
        assertTrue(e.getMessage().contains("b.png") && e.getMessage().contains("128 px"), e.getMessage());
    }

    @Test
    void namesAnEmptyOrMissingFolder() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        assertTrue(assertThrows(FaceswapException.class, () -> FaceSet.read(empty)).getMessage().contains("holds no face images"));
        assertTrue(assertThrows(FaceswapException.class, () -> FaceSet.read(dir.resolve("nope"))).getMessage().contains("does not exist"));
    }

    @Test
    void namesACorruptImage() throws Exception {
        Path folder = Files.createDirectories(dir.resolve("corrupt"));
        Files.write(folder.resolve("face.png"), new byte[] {(byte) 0x89, 'P', 'N', 'G', 1, 2, 3});
        FaceswapException e = assertThrows(FaceswapException.class, () -> FaceSet.read(folder));
        assertTrue(e.getMessage().contains("face.png"), e.getMessage());
    }
}
