package dev.faceswap4j.api;

/** Which identity a swap model turns a face into. */
public enum Direction {
    /** A face of identity A is rendered as identity B. */
    A_TO_B,
    /** A face of identity B is rendered as identity A. */
    B_TO_A;

    /** Parses the CLI/config spelling, {@code a-to-b} or {@code b-to-a}. */
    public static Direction parse(String text) {
        return switch (text.trim().toLowerCase(java.util.Locale.ROOT)) {
            case "a-to-b" -> A_TO_B;
            case "b-to-a" -> B_TO_A;
            default -> throw new FaceswapException("unknown direction '" + text + "'; use a-to-b or b-to-a");
        };
    }
}
