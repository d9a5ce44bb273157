package dev.faceswap4j.api;

import java.util.List;

/**
 * A named, lazily constructed stage implementation, found with {@link java.util.ServiceLoader}.
 *
 * <p>Discovery must stay cheap: a provider's constructor loads no model and no native library;
 * that happens in {@link #create}.
 *
 * @param <T> the stage it creates
 */
public interface StageProvider<T> {

    /** The name a user writes in the config, e.g. {@code hog}; lower case, stable across versions. */
    String name();

    /** One line for {@code faceswap4j plugins}. */
    String description();

    /** Builds the stage from its settings and model files ({@link StageContext}). */
    T create(StageContext context);

    /**
     * The model files this provider's stages may need, with their source and pinned checksum:
     * {@code faceswap4j models fetch} obtains those of every provider it finds, so a plugin jar
     * brings its own files. Declaring them costs nothing: nothing is read or downloaded here.
     */
    default List<ModelFile> modelFiles() {
        return List.of();
    }
}
