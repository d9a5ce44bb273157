package dev.faceswap4j.core.video;

import dev.faceswap4j.api.FaceswapException;
import java.util.Locale;

/**
 * A span of an input's frames, {@code FROM:TO} with TO excluded: frame numbers ({@code 0:240}) or
 * shares of the input ({@code 0:80%}, {@code 80%:}); an empty side is the start or the end. So a
 * model can be trained on the first 80 % of a clip and judged on the rest it never saw.
 */
public record FrameRange(Bound from, Bound to) {

    /** Every frame. */
    public static final FrameRange ALL = new FrameRange(null, null);

    /** One side of the range: a frame number, or a percentage of the frame count. */
    public record Bound(double value, boolean percent) {
        int resolve(int frameCount, String text) {
            if (!percent) {
                return (int) value;
            }
            if (frameCount <= 0) {
                throw new FaceswapException("frame range " + text + " is in percent, but the input does not say how many frames it has; use frame numbers");
            }
            return (int) Math.round(value / 100.0 * frameCount);
        }

        @Override
        public String toString() {
            return percent ? trim(value) + "%" : Integer.toString((int) value);
        }
    }

    /** Parses {@code FROM:TO}; blank or {@code all} is every frame. */
    public static FrameRange parse(String text) {
        String spec = text == null ? "" : text.strip();
        if (spec.isEmpty() || spec.equalsIgnoreCase("all")) {
            return ALL;
        }
        int colon = spec.indexOf(':');
        if (colon < 0 || colon != spec.lastIndexOf(':')) {
            throw new FaceswapException("frame range '" + text + "' is not FROM:TO (frame numbers or percentages, e.g. 0:80% or 80%:)");
        }
        FrameRange range = new FrameRange(bound(spec.substring(0, colon), text), bound(spec.substring(colon + 1), text));
        if (range.from != null && range.to != null && range.from.percent == range.to.percent && range.to.value <= range.from.value) {
            throw new FaceswapException("frame range '" + text + "' is empty: TO must be after FROM");
        }
        return range;
    }

    private static Bound bound(String side, String text) {
        String s = side.strip();
        if (s.isEmpty()) {
            return null;
        }
        boolean percent = s.endsWith("%");
        String number = percent ? s.substring(0, s.length() - 1).strip() : s;
        double value;
        try {
            value = percent ? Double.parseDouble(number) : Integer.parseInt(number);
        } catch (NumberFormatException e) {
            throw new FaceswapException("frame range '" + text + "': '" + s + "' is neither a frame number nor a percentage");
        }
        if (value < 0 || (percent && value > 100)) {
            throw new FaceswapException("frame range '" + text + "': '" + s + "' is out of range");
        }
        return new Bound(value, percent);
    }

    public boolean isAll() {
        return from == null && to == null;
    }

    /** First frame index in the range. */
    public int first(int frameCount) {
        return from == null ? 0 : from.resolve(frameCount, toString());
    }

    /** First frame index past the range; {@link Integer#MAX_VALUE} for "to the end". */
    public int end(int frameCount) {
        return to == null ? Integer.MAX_VALUE : to.resolve(frameCount, toString());
    }

    /** Frames of an input of {@code frameCount} frames that fall in the range (0 when the count is unknown). */
    public int count(int frameCount) {
        if (frameCount <= 0) {
            return 0;
        }
        return Math.max(0, Math.min(frameCount, end(frameCount)) - Math.min(frameCount, first(frameCount)));
    }

    @Override
    public String toString() {
        return isAll() ? "all" : (from == null ? "" : from.toString()) + ":" + (to == null ? "" : to.toString());
    }

    private static String trim(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : String.format(Locale.ROOT, "%s", value);
    }
}
