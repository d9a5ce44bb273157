package dev.faceswap4j.toolkit;

/** Turning library exceptions into the one-line messages users get. */
public final class Messages {

    private Messages() {}

    /** The first line of a throwable's message (native libraries often add a stack of their own), or its type. */
    public static String firstLine(Throwable e) {
        String message = e.getMessage() == null ? e.toString() : e.getMessage();
        return message.lines().findFirst().orElse(message);
    }
}
