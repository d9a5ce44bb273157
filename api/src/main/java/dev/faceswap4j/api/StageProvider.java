package dev.faceswap4j.api;

import com.typesafe.config.Config;

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

    /**
     * Builds the stage.
     *
     * @param settings this provider's own section of the config (its {@code reference.conf} defaults
     *     overlaid with the user's values), already validated for unknown keys
     */
    T create(Config settings);
}
