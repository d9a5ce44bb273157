package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** The CLI in-process: exit codes and the one-line errors. No plugin is on this module's test class path. */
class CliTest {

    @TempDir
    Path dir;

    private record Run(int exit, String out, String err) {}

    private static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = Main.newCommandLine();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int exit = cli.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    @Test
    void pluginsListsEveryStageKind() {
        Run run = run("plugins");
        assertEquals(0, run.exit(), run.err());
        assertTrue(run.out().contains("detector (faceswap4j.detector = hog)"), run.out());
        assertTrue(run.out().contains("landmarks (faceswap4j.landmarks = dlib)"), run.out());
        assertTrue(run.out().contains("model (faceswap4j.model = autoencoder)"), run.out());
    }

    @Test
    void everyCommandExplainsItselfWithHelp() {
        for (String command : Main.newCommandLine().getSubcommands().keySet()) {
            Run run = run(command, "--help");
            assertEquals(0, run.exit(), command + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: faceswap4j " + command), command + ": " + run.out());
        }
    }

    @Test
    void unknownPluginIsOneLineAndExitTwo() {
        Run run = run("detect", "--set", "detector=hgo", dir.resolve("face.jpg").toString());
        assertEquals(Main.USER_ERROR, run.exit());
        assertEquals("error: unknown detector 'hgo' (faceswap4j.detector, --set detector=hgo); available: none"
                + " — is the plugin jar in plugins/? run 'faceswap4j plugins'\n", run.err());
    }

    @Test
    void configTypoIsOneLineAndExitTwo() {
        Run run = run("plugins", "--set", "detectr=cnn");
        assertEquals(Main.USER_ERROR, run.exit());
        assertEquals("error: unknown config key faceswap4j.detectr (--set detectr=cnn), did you mean faceswap4j.detector?"
                + " — see 'faceswap4j plugins' for the settings each plugin takes\n", run.err());
    }

    @Test
    void verifyOfAnEmptyStoreFailsAndSaysHowToFix() {
        Run run = run("models", "verify", "--set", "model-store.dir=\"" + dir + "\"");
        assertEquals(1, run.exit());
        assertTrue(run.out().contains("missing  " + dir.resolve("shape_predictor_68_face_landmarks.dat")), run.out());
        // No plugin on this class path: core's landmark model and test photos only (the distribution's 12: ModelsFetchIT).
        assertTrue(run.out().endsWith("7 of 7 files missing or corrupt in " + dir + " — run 'faceswap4j models fetch'\n"), run.out());
    }

    @Test
    void extractChecksThePluginsBeforeReadingAnyFrame() {
        Run run = run("extract", "--input", dir.resolve("in.mp4").toString(), "--output", dir.resolve("faces").toString(),
                "--set", "landmarks=dlib", "--set", "detector=nope");
        assertEquals(Main.USER_ERROR, run.exit());
        assertTrue(run.err().startsWith("error: unknown detector 'nope' (faceswap4j.detector, --set detector=nope)"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    /** An earlier before | after sheet is an output too: kept, and said so before any frame is read, without --overwrite. */
    @Test
    void convertKeepsAnEarlierBeforeAfterSheet() throws IOException {
        Path input = Files.writeString(dir.resolve("in.mp4"), "not read");
        Path sheet = Files.writeString(dir.resolve("out-before-after.png"), "an earlier sheet");
        Run run = run("convert", "-i", input.toString(), "-m", dir.resolve("model").toString(), "-o", dir.resolve("out.mp4").toString());
        assertEquals(Main.USER_ERROR, run.exit());
        assertEquals("error: output " + sheet + " already exists; pass --overwrite or choose another name\n", run.err());
        assertEquals("an earlier sheet", Files.readString(sheet));
    }

    @Test
    void extractNeedsInputAndOutput() {
        Run run = run("extract", "--input", "x.mp4");
        assertEquals(2, run.exit());
        assertEquals("error: Missing required option: '--output=FACES_DIR' (see 'faceswap4j extract --help')\n", run.err());
    }

    @Test
    void unknownSubcommandIsAUsageError() {
        Run run = run("extrakt");
        assertEquals(2, run.exit());
        assertTrue(run.err().startsWith("error: Unmatched argument at index 0: 'extrakt'; did you mean extract"), run.err());
        assertTrue(run.err().endsWith("? (see 'faceswap4j --help')\n"), run.err());
        assertEquals(1, run.err().lines().count(), run.err());
    }

    /** A value of the wrong type is one line naming the option, not the 24 lines of the usage after it. */
    @Test
    void aBadOptionValueIsOneLineAndExitTwo() {
        Run run = run("train", "-A", "a", "-B", "b", "-m", "m", "--iterations", "abc");
        assertEquals(Main.USER_ERROR, run.exit());
        assertEquals("error: Invalid value for option '--iterations': 'abc' is not a long (see 'faceswap4j train --help')\n", run.err());
    }

    /** --help works on every command and subcommand, required options or not, and prints its usage on stdout. */
    @Test
    void helpWorksOnEveryCommand() {
        List<List<String>> commands = new ArrayList<>();
        Main.newCommandLine().getSubcommands().forEach((name, command) -> {
            commands.add(List.of(name));
            command.getSubcommands().keySet().forEach(sub -> commands.add(List.of(name, sub)));
        });
        assertTrue(commands.size() >= 14, commands.toString());
        for (List<String> command : commands) {
            List<String> args = new ArrayList<>(command);
            args.add("--help");
            Run run = run(args.toArray(String[]::new));
            assertEquals(0, run.exit(), args + ": " + run.err());
            assertTrue(run.out().startsWith("Usage: faceswap4j " + String.join(" ", command)), args + ": " + run.out());
            assertEquals("", run.err(), args.toString());
        }
    }
}
