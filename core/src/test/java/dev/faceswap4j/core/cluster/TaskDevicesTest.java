package dev.faceswap4j.core.cluster;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import org.junit.jupiter.api.Test;

/** A task given GPU 1 points the stages that may use a GPU at it, in each runtime's spelling; CPU stages stay. */
class TaskDevicesTest {

    private static final Config CONF = ConfigFactory.parseString("""
            faceswap4j {
              models.autoencoder.device = auto
              models.faceswap-gan.device = gpu
              embedders.face-api.device = cpu
              detectors.cnn.device = auto
              detectors.hog { upsample = 0 }
            }
            """);

    @Test
    void aTasksGpuGoesToEveryStageThatMayUseOne() {
        Config conf = TaskDevices.apply(CONF, new TaskSlot("attempt-7", 1, 1));
        assertEquals("gpu:1", conf.getString("faceswap4j.models.autoencoder.device"));
        assertEquals("gpu:1", conf.getString("faceswap4j.models.faceswap-gan.device"));
        assertEquals("cpu", conf.getString("faceswap4j.embedders.face-api.device"), "a stage the user put on the CPU stays there");
        assertEquals("cuda:1", conf.getString("faceswap4j.detectors.cnn.device"), "ONNX Runtime's spelling");
    }

    @Test
    void aTaskWithoutAGpuLeavesTheSettings() {
        assertSame(CONF, TaskDevices.apply(CONF, new TaskSlot("attempt-8", 2, -1)));
    }
}
