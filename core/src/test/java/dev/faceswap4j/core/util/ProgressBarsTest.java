package dev.faceswap4j.core.util;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import me.tongfei.progressbar.ProgressBar;
import org.junit.jupiter.api.Test;

/** Without a terminal a bar is whole lines a log can hold, not a carriage-return redraw. */
class ProgressBarsTest {

    @Test
    void inALogABarIsWholeLinesWithTheCountAndAWideBar() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
                ProgressBar bar = ProgressBars.builder("convert", "frames", 1, 40, ProgressBars.Output.LOG, log).showSpeed().build()) {
            bar.stepBy(40);
        }
        String text = bytes.toString(StandardCharsets.UTF_8);
        assertFalse(text.contains("\r"), "no redraw in place: " + text);
        String last = text.strip().lines().reduce((a, b) -> b).orElse("");
        assertTrue(last.startsWith("convert 100%"), last);
        assertTrue(last.contains("40/40 frames"), last);
        int barWidth = last.indexOf(']') - last.indexOf('[') - 1;
        assertTrue(barWidth >= 20, "bar " + barWidth + " characters wide: " + last);
    }

    @Test
    void aHiddenBarPrintsNothing() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (PrintStream log = new PrintStream(bytes, true, StandardCharsets.UTF_8);
                ProgressBar bar = ProgressBars.builder("extract", "frames", 1, 5, ProgressBars.Output.HIDDEN, log).build()) {
            bar.stepBy(5);
        }
        assertEquals("", bytes.toString(StandardCharsets.UTF_8));
    }
}
