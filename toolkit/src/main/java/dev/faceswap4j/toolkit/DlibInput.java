package dev.faceswap4j.toolkit;

import dev.faceswap4j.api.FaceswapException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Reads dlib's binary serialization ({@code dlib/serialize.h}, {@code dlib/float_details.h}) from a
 * file held in memory.
 *
 * <p>Integers are "packed": a control byte whose low nibble is the count of little-endian bytes
 * that follow and whose bit 7 marks a negative value. A float is a packed 64-bit mantissa and a
 * packed 16-bit exponent (value = mantissa·2^exponent; exponents 32000..32002 mean +inf, -inf, NaN).
 * A matrix is its negated row and column counts, then its elements row by row; a std::vector is
 * its size, then its elements.
 */
public final class DlibInput {

    private static final int EXPONENT_INF = 32000;
    private static final int EXPONENT_NEG_INF = 32001;
    private static final int EXPONENT_NAN = 32002;

    private final byte[] data;
    private final Path source;
    private int pos;

    public DlibInput(byte[] data, Path source) {
        this.data = data;
        this.source = source;
    }

    public static DlibInput open(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new FaceswapException("model file not found: " + file + " — run 'faceswap4j models fetch'");
        }
        try {
            return new DlibInput(Files.readAllBytes(file), file);
        } catch (IOException e) {
            throw new FaceswapException("cannot read " + file + ": " + Messages.firstLine(e), e);
        }
    }

    public int position() {
        return pos;
    }

    public boolean atEnd() {
        return pos == data.length;
    }

    /** A one-line error that names the file, the byte offset and what was expected there. */
    public FaceswapException error(String what) {
        return new FaceswapException(source + " is not a valid dlib file: " + what + " at byte " + pos);
    }

    /** A packed signed or unsigned integer of up to 8 bytes. */
    public long readLong() {
        if (pos >= data.length) {
            throw error("unexpected end of file");
        }
        int control = data[pos++] & 0xFF;
        if ((control & 0x70) != 0) {
            throw error("bad integer control byte 0x" + Integer.toHexString(control));
        }
        int size = control & 0x0F;
        if (size > 8 || pos + size > data.length) {
            throw error(size > 8 ? "integer wider than 8 bytes" : "unexpected end of file");
        }
        long value = 0;
        for (int i = size - 1; i >= 0; i--) {
            value = (value << 8) | (data[pos + i] & 0xFF);
        }
        pos += size;
        return (control & 0x80) != 0 ? -value : value;
    }

    public int readInt() {
        long value = readLong();
        if (value < Integer.MIN_VALUE || value > Integer.MAX_VALUE) {
            throw error("integer " + value + " out of range");
        }
        return (int) value;
    }

    /** A non-negative count (a std::vector size or an index) that must not exceed {@code max}. */
    public int readCount(long max, String what) {
        long value = readLong();
        if (value < 0 || value > max) {
            throw error(what + " " + value + " out of range [0, " + max + "]");
        }
        return (int) value;
    }

    /** A float: dlib writes floats and doubles alike, and a float's mantissa is exact in a double. */
    public float readFloat() {
        return (float) readDouble();
    }

    public double readDouble() {
        long mantissa = readLong();
        long exponent = readLong();
        if (exponent == EXPONENT_INF) {
            return Double.POSITIVE_INFINITY;
        }
        if (exponent == EXPONENT_NEG_INF) {
            return Double.NEGATIVE_INFINITY;
        }
        if (exponent == EXPONENT_NAN) {
            return Double.NaN;
        }
        if (exponent < Short.MIN_VALUE || exponent > Short.MAX_VALUE) {
            throw error("floating point exponent " + exponent + " out of range");
        }
        return Math.scalb((double) mantissa, (int) exponent);
    }

    /** A {@code matrix<float>}: returns its elements row by row and checks the expected column count. */
    public float[] readFloatMatrix(int expectedCols, long maxElements) {
        long rows = readLong();
        long cols = readLong();
        // dlib writes negated sizes; an older format wrote them positive.
        rows = Math.abs(rows);
        cols = Math.abs(cols);
        if (expectedCols >= 0 && cols != expectedCols) {
            throw error("matrix with " + cols + " columns where " + expectedCols + " were expected");
        }
        if (rows * cols > maxElements) {
            throw error("matrix of " + rows + "x" + cols + " is too large");
        }
        float[] values = new float[(int) (rows * cols)];
        for (int i = 0; i < values.length; i++) {
            values[i] = readFloat();
        }
        return values;
    }
}
