package dev.faceswap4j.djl.recognition;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.faceswap4j.api.FaceswapException;
import dev.faceswap4j.toolkit.Messages;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The weights of a TF.js layers/graph model: {@code *-weights_manifest.json} names each tensor, its
 * shape and (optional) quantisation; the binary shards it lists hold the values back to back, in
 * manifest order. uint8/uint16 quantised values are restored as {@code q·scale + min}.
 */
public final class TfjsWeights {

    /** One tensor: its TF shape and float values in TF's row-major order. */
    public record Tensor(int[] shape, float[] values) {}

    private TfjsWeights() {}

    public static Map<String, Tensor> read(Path manifest) {
        JsonNode groups;
        try {
            groups = new ObjectMapper().readTree(manifest.toFile());
        } catch (IOException e) {
            throw new FaceswapException("cannot read TF.js weights manifest " + manifest + ": " + Messages.firstLine(e), e);
        }
        Map<String, Tensor> tensors = new LinkedHashMap<>();
        for (JsonNode group : groups) {
            ByteBuffer data = shards(manifest, group.path("paths"));
            for (JsonNode weight : group.path("weights")) {
                String name = weight.path("name").asText();
                int[] shape = new int[weight.path("shape").size()];
                int count = 1;
                for (int i = 0; i < shape.length; i++) {
                    shape[i] = weight.path("shape").get(i).asInt();
                    count *= shape[i];
                }
                try {
                    tensors.put(name, new Tensor(shape, values(weight, data, count)));
                } catch (RuntimeException e) {
                    throw new FaceswapException("TF.js weights " + manifest + ": tensor " + name + ": " + e.getMessage(), e);
                }
            }
            if (data.hasRemaining()) {
                throw new FaceswapException("TF.js weights " + manifest + ": " + data.remaining() + " bytes left after the last tensor"
                        + " (the binary does not match its manifest)");
            }
        }
        return tensors;
    }

    private static ByteBuffer shards(Path manifest, JsonNode paths) {
        try (var out = new ByteArrayOutputStream()) {
            for (JsonNode path : paths) {
                Path shard = manifest.resolveSibling(path.asText());
                try (InputStream in = Files.newInputStream(shard)) {
                    in.transferTo(out);
                }
            }
            return ByteBuffer.wrap(out.toByteArray()).order(ByteOrder.LITTLE_ENDIAN);
        } catch (IOException e) {
            throw new FaceswapException("cannot read the weights listed in " + manifest + ": " + Messages.firstLine(e), e);
        }
    }

    private static float[] values(JsonNode weight, ByteBuffer data, int count) {
        float[] values = new float[count];
        JsonNode quantization = weight.get("quantization");
        if (quantization == null) {
            if (!"float32".equals(weight.path("dtype").asText())) {
                throw new IllegalArgumentException("unsupported dtype " + weight.path("dtype").asText());
            }
            data.asFloatBuffer().get(values);
            data.position(data.position() + 4 * count);
            return values;
        }
        double scale = quantization.path("scale").asDouble();
        double min = quantization.path("min").asDouble();
        switch (quantization.path("dtype").asText()) {
            case "uint8" -> {
                for (int i = 0; i < count; i++) {
                    values[i] = (float) ((data.get() & 0xff) * scale + min);
                }
            }
            case "uint16" -> {
                for (int i = 0; i < count; i++) {
                    values[i] = (float) ((data.getShort() & 0xffff) * scale + min);
                }
            }
            default -> throw new IllegalArgumentException("unsupported quantisation " + quantization.path("dtype").asText());
        }
        return values;
    }
}
