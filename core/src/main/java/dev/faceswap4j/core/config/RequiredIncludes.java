package dev.faceswap4j.core.config;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigIncludeContext;
import com.typesafe.config.ConfigIncluder;
import com.typesafe.config.ConfigIncluderFile;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigParseable;
import dev.faceswap4j.api.FaceswapException;
import java.io.File;
import java.nio.file.Path;

/**
 * {@code include} statements of the user's config that must find their file. HOCON skips a missing include without a
 * word (only {@code include required(...)} fails), so a misspelt {@code include "comon.conf"} would drop its settings
 * silently; here it is an error naming the file looked for.
 */
final class RequiredIncludes implements ConfigIncluder, ConfigIncluderFile {

    private final Path folder;
    private final ConfigIncluder fallback;

    /** For the includes of a config file in {@code folder}, where a relative include is looked for first. */
    RequiredIncludes(Path folder) {
        this(folder, null);
    }

    private RequiredIncludes(Path folder, ConfigIncluder fallback) {
        this.folder = folder;
        this.fallback = fallback;
    }

    @Override
    public ConfigIncluder withFallback(ConfigIncluder fallback) {
        return new RequiredIncludes(folder, fallback);
    }

    @Override
    public ConfigObject include(ConfigIncludeContext context, String what) {
        ConfigObject included = fallback.include(context, what);
        // Typesafe returns an empty object for a missing file: tell it from an empty file by parsing strictly.
        ConfigParseable file = included.isEmpty() ? context.relativeTo(what) : null;
        if (file != null) {
            try {
                file.parse(context.parseOptions().setAllowMissing(false));
            } catch (ConfigException.IO missing) {
                // Typesafe looks beside the including file, then on the class path.
                throw missing(what, folder.resolve(what) + " nor a class path resource " + what);
            }
        }
        return included;
    }

    @Override
    public ConfigObject includeFile(ConfigIncludeContext context, File file) {
        if (!file.isFile()) {
            throw missing("file(\"" + file + "\")", folder.resolve(file.toPath()).toString());
        }
        return ((ConfigIncluderFile) fallback).includeFile(context, file);
    }

    private static FaceswapException missing(String what, String lookedFor) {
        return new FaceswapException("config error: include " + (what.startsWith("file(") ? what : "\"" + what + "\"") + " finds no file (no "
                + lookedFor + ")");
    }
}
