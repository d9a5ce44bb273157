package dev.faceswap4j.api;

import java.util.Objects;

/**
 * One file the pipeline needs, pinned by size and SHA-256.
 *
 * @param id stable name used in code and messages, e.g. {@code dlib-shape-predictor-68}
 * @param fileName path relative to the model store folder
 * @param license what a user must know before using the file
 */
public record ModelFile(String id, String fileName, long size, String sha256, ModelSource source, String license) {

    public ModelFile {
        Objects.requireNonNull(id, "id is null");
        Objects.requireNonNull(fileName, "fileName is null");
        Objects.requireNonNull(source, "source is null");
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("bad sha256 for " + id);
        }
    }
}
