package dev.faceswap4j.core.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigValue;
import dev.faceswap4j.api.FaceswapException;

/**
 * Whole-number settings, read strictly. Typesafe's {@code getInt} cuts {@code 2.5} to 2 and {@code getLong} takes
 * {@code 99999999999999999999} for {@code Long.MAX_VALUE}, both without a word; here each is one line naming the setting
 * and where it was set.
 */
public final class WholeNumbers {

    private WholeNumbers() {}

    /** {@code key} of {@code section} (found at {@code sectionPath}, for the message) as an int. */
    public static int intOf(Config section, String sectionPath, String key) {
        long value = longOf(section, sectionPath, key);
        if (value != (int) value) {
            throw notWhole(section, sectionPath, key, " from " + Integer.MIN_VALUE + " to " + Integer.MAX_VALUE);
        }
        return (int) value;
    }

    /** {@code key} of {@code section} (found at {@code sectionPath}, for the message) as a long. */
    public static long longOf(Config section, String sectionPath, String key) {
        Number number;
        try {
            number = section.getNumber(key);
        } catch (ConfigException.WrongType e) {
            throw notWhole(section, sectionPath, key, "");
        }
        if (number instanceof Integer || number instanceof Long) {
            return number.longValue();
        }
        double value = number.doubleValue();
        if (value != Math.rint(value)) {
            throw notWhole(section, sectionPath, key, "");
        }
        if (!(Math.abs(value) < 0x1p63)) {
            throw notWhole(section, sectionPath, key, " up to " + Long.MAX_VALUE);
        }
        return (long) value;
    }

    private static FaceswapException notWhole(Config section, String sectionPath, String key, String range) {
        ConfigValue value = section.getValue(key);
        return new FaceswapException(sectionPath + "." + key + " = " + value.render() + " (" + ConfigLoader.describe(value.origin())
                + ") must be a whole number" + range);
    }
}
