package dev.faceswap4j.core.image;

import dev.faceswap4j.api.ChannelOrder;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.api.Image;
import dev.faceswap4j.toolkit.Messages;
import java.awt.image.BufferedImage;
import java.awt.image.DataBufferByte;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;

/** Reading still images into the pipeline's {@link Image} (BGR, like OpenCV). */
public final class Images {

    private Images() {}

    /** Reads a JPEG/PNG/BMP file as BGR; fails with one line naming the file when it cannot. */
    public static Image readBgr(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FaceswapException("image not found: " + file);
        }
        BufferedImage decoded;
        try {
            decoded = ImageIO.read(file.toFile());
        } catch (IOException | RuntimeException e) {
            throw new FaceswapException("cannot decode image " + file + ": " + Messages.firstLine(e), e);
        }
        if (decoded == null) {
            throw new FaceswapException("cannot decode image " + file + ": not a format this reader knows (JPEG, PNG, BMP)");
        }
        return toBgr(decoded);
    }

    public static Image toBgr(BufferedImage source) {
        BufferedImage bgr = source;
        if (source.getType() != BufferedImage.TYPE_3BYTE_BGR) {
            bgr = new BufferedImage(source.getWidth(), source.getHeight(), BufferedImage.TYPE_3BYTE_BGR);
            bgr.getGraphics().drawImage(source, 0, 0, null);
        }
        byte[] data = ((DataBufferByte) bgr.getRaster().getDataBuffer()).getData();
        // TYPE_3BYTE_BGR stores B, G, R per pixel, which is our BGR layout.
        return new Image(bgr.getWidth(), bgr.getHeight(), ChannelOrder.BGR, data);
    }
}
