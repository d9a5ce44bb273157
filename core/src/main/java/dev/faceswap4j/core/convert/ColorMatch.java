package dev.faceswap4j.core.convert;

import dev.faceswap4j.api.FaceswapException;
import java.util.Locale;

/** How the swapped face's colours are brought to the frame's before blending. */
public enum ColorMatch {
    /** Keep the model's colours. */
    NONE,
    /** Reinhard transfer: per Lab channel, the face's mean and standard deviation inside the mask become the frame's. */
    MEAN_STD_LAB,
    /** Per BGR channel, the face's histogram inside the mask is mapped onto the frame's. */
    HIST_MATCH;

    public static ColorMatch parse(String text) {
        for (ColorMatch mode : values()) {
            if (mode.configName().equals(text.trim().toLowerCase(Locale.ROOT))) {
                return mode;
            }
        }
        throw new FaceswapException("unknown convert.color '" + text + "'; use none, mean-std-lab or hist-match");
    }

    public String configName() {
        return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }
}
