package dev.faceswap4j.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * {@code models fetch} then {@code models verify} into the default store, as on a fresh machine:
 * npm and Debian downloads, and the dlib exporter built with g++ against libdlib-dev.
 * Later test suites read their models and test photos from this store.
 */
@Tag("network")
class ModelsFetchIT {

    @Test
    void fetchThenVerify() throws Exception {
        Launcher.Result fetch = Launcher.run(Launcher.stagedDistribution(), 900, "models", "fetch");
        assertEquals(0, fetch.exit(), fetch.err());
        assertTrue(fetch.out().contains("12 files in "), fetch.out());

        Launcher.Result again = Launcher.run(Launcher.stagedDistribution(), 300, "models", "fetch");
        assertEquals(0, again.exit(), again.err());
        assertTrue(again.out().lines().filter(l -> l.startsWith("present ")).count() == 12, "idempotent:\n" + again.out());

        Launcher.Result verify = Launcher.run(Launcher.stagedDistribution(), 300, "models", "verify");
        assertEquals(0, verify.exit(), verify.out() + verify.err());
        assertTrue(verify.out().contains("all 12 files verified"), verify.out());
    }
}
