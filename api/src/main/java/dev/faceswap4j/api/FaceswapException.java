package dev.faceswap4j.api;

/**
 * A problem the user can fix: bad input, a missing model, a config typo. Its message is one line that
 * names the file or setting and the problem; the CLI prints it as is, without a stack trace.
 */
public class FaceswapException extends RuntimeException {

    public FaceswapException(String message) {
        super(message);
    }

    public FaceswapException(String message, Throwable cause) {
        super(message, cause);
    }
}
