package dev.faceswap4j.toolkit;

/** Turning library exceptions into the one-line messages users get. */
public final class Messages {

    private Messages() {}

    /**
     * The first line of a throwable's message (native libraries often add a stack of their own), never "null": a file
     * that ends early says so, another exception without a message gives its type. The caller names the file.
     */
    public static String firstLine(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e instanceof java.io.EOFException ? "the file ends early (truncated?)" : e.getClass().getSimpleName();
        }
        String first = message.lines().findFirst().orElse(message);
        // Jackson hides the text it read behind "Source: REDACTED (`StreamReadFeature...` disabled)"; keep its line and column.
        first = first.replaceAll("Source: REDACTED \\(`[^`]*` disabled\\); ", "");
        // JavaCV appends its own advice on FFmpeg's logging and setFormat(), which is not the user's.
        return first.replace(" (Has setFormat() been called?)", "").replace(" (For more details, make sure FFmpegLogCallback.set() has been called.)", "");
    }
}
