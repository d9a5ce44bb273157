package dev.faceswap4j.djl;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The one line that says why device = auto took the CPU, for each way it can happen. */
class TorchFlavorTest {

    /** CI has no GPU: the CPU libtorch is loaded, and the reason names what the build bundles (-Pcuda adds cu124). */
    @Test
    void theClassPathBundlesTheCpuLibtorch() {
        TorchFlavor flavor = TorchFlavor.of(PyTorchEngines.pytorch());
        assertTrue(flavor.bundled().contains("cpu"), flavor.bundled().toString());
        assertTrue(flavor.describe().startsWith("cpu (bundled "), flavor.describe());
        boolean cudaBuild = flavor.bundled().stream().anyMatch(f -> f.startsWith("cu"));
        assertTrue(flavor.whyCpu().startsWith(cudaBuild ? "the CUDA libtorch is in the distribution" : "this distribution has the CPU libtorch only"),
                flavor.whyCpu());
        assertEquals(cudaBuild, flavor.gpuPossible(), "the CPU line is logged at INFO only where a GPU could have been meant");
    }

    @Test
    void eachReasonNamesItsCause() {
        assertNull(new TorchFlavor(List.of("cu124", "cpu"), null, true, 1).whyCpu(), "a GPU: no reason needed");
        assertTrue(new TorchFlavor(List.of("cu124", "cpu"), null, false, 0).whyCpu().startsWith("the CUDA libtorch is in the distribution, but DJL took the CPU one"));
        assertTrue(new TorchFlavor(List.of("cu124"), null, true, 0).whyCpu().startsWith("libtorch has CUDA but sees no GPU"));
        assertTrue(new TorchFlavor(List.of("cpu"), "/opt/libtorch/lib", false, 0).whyCpu().contains("/opt/libtorch/lib is a CPU build"));
    }
}
