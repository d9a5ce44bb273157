package dev.faceswap4j.api;

import com.typesafe.config.Config;
import java.nio.file.Path;

/**
 * What the host hands a {@link StageProvider} when it builds a stage: the provider's settings, its
 * model files and the host's image operations. Through it a plugin needs nothing but this
 * {@code api} (and, if it likes, the pure-Java {@code toolkit}).
 */
public interface StageContext {

    /**
     * This provider's own section of the config (its {@code reference.conf} defaults overlaid with
     * the user's values), already validated for unknown keys.
     */
    Config settings();

    /** Where {@link #settings()} sits in the whole config, e.g. {@code faceswap4j.detectors.hog}, for messages. */
    String settingsPath();

    /**
     * The model file that setting {@code key} names, checked: a file of a model store made by
     * {@code models fetch} must have its pinned checksum; any other existing file (one the user
     * trained, say) is taken as is. A missing or corrupt file fails with one line that names the
     * setting, the file and the fix.
     */
    Path modelFile(String key);

    /** Image operations of the host, so that a plugin resamples exactly as the built-in stages do. */
    ImageOps images();
}
