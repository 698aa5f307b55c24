package org.babble.core.onnx;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.onnxruntime.NodeInfo;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtSession;
import ai.onnxruntime.TensorInfo;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.FloatBuffer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.frozen.Provenance;
import org.babble.core.frozen.TcResnetForwardPass;
import org.babble.core.frozen.TcResnetWeights;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * An exported network runs in ONNX Runtime, the runtime other tools use, and gives the scores babble's own forward
 * pass gives; the file says what its input is and which label each output is.
 */
class OnnxExportTest {
    /** 250 ms at 16 kHz with TF's 30/10 ms windows: 23 frames of 40 MFCCs. */
    private static final FeatureSettings FEATURES = FeatureSettings.defaults(16000, 250);

    private static final List<String> LABELS = List.of("crying", "laughing", "_silence_");

    private static final ModelMetadata METADATA = new ModelMetadata(
            LABELS,
            FEATURES,
            FeatureLayout.CHANNELS,
            null,
            new Provenance("data", 3, List.of(), null, null, "2026-12-03", "test", "linux", "amd64"));

    /**
     * Stages chosen to exercise every padding case of "Same": odd and even kernels, strides that do and do not divide
     * the length, a kernel of one and one longer than what is left.
     */
    private static TcResnetWeights randomNetwork(TcResnetWeights.Pooling pooling, long seed) {
        Random random = new Random(seed);
        int[][] shapes = {{3, 1, 12}, {4, 2, 16}, {1, 1, 16}, {9, 3, 10}, {2, 2, 8}};
        List<TcResnetWeights.Stage> stages = new ArrayList<>();
        int in = FEATURES.binsPerFrame();
        for (int[] s : shapes) {
            stages.add(new TcResnetWeights.Stage(
                    s[0], s[1], in, s[2], gaussian(random, s[0] * in * s[2], 0.3), gaussian(random, s[2], 0.1)));
            in = s[2];
        }
        return new TcResnetWeights(
                FEATURES.binsPerFrame(),
                stages,
                pooling,
                LABELS.size(),
                gaussian(random, in * LABELS.size(), 0.5),
                gaussian(random, LABELS.size(), 0.2));
    }

    private static float[] gaussian(Random random, int size, double scale) {
        float[] values = new float[size];
        for (int i = 0; i < size; i++) {
            values[i] = (float) (random.nextGaussian() * scale);
        }
        return values;
    }

    private static OrtSession session(TcResnetWeights weights) throws OrtException {
        byte[] onnx = OnnxExport.model(weights, METADATA).toByteArray();
        return OrtEnvironment.getEnvironment().createSession(onnx, new OrtSession.SessionOptions());
    }

    @ParameterizedTest
    @EnumSource(TcResnetWeights.Pooling.class)
    void onnxRuntimeGivesTheScoresOfBabblesForwardPass(TcResnetWeights.Pooling pooling) throws OrtException {
        TcResnetWeights weights = randomNetwork(pooling, 17);
        int frames = FEATURES.frameCount();
        int perClip = frames * FEATURES.binsPerFrame();
        int clips = 6;
        float[] features = gaussian(new Random(5), clips * perClip, 1.0);
        float[][] onnx;
        try (OrtSession session = session(weights);
                OnnxTensor input = OnnxTensor.createTensor(
                        OrtEnvironment.getEnvironment(),
                        FloatBuffer.wrap(features),
                        new long[] {clips, frames, FEATURES.binsPerFrame()});
                OrtSession.Result result = session.run(Map.of(OnnxExport.INPUT, input))) {
            onnx = (float[][]) result.get(OnnxExport.OUTPUT).orElseThrow().getValue();
        }
        TcResnetForwardPass babble = new TcResnetForwardPass(weights, frames);
        assertEquals(clips, onnx.length);
        double undecided = 0;
        for (int c = 0; c < clips; c++) {
            float[] expected = babble.scores(features, c * perClip);
            assertArrayEquals(expected, onnx[c], 1e-5f, "clip " + c);
            for (float score : expected) {
                undecided = Math.max(undecided, Math.min(score, 1 - score));
            }
        }
        // scores pinned at 0 and 1 would agree whatever the graph did: some must be far from both
        assertTrue(undecided > 0.1, "scores spread: " + undecided);
    }

    @Test
    void theFileDeclaresItsInputAndOutputShapes() throws OrtException {
        try (OrtSession session = session(randomNetwork(TcResnetWeights.Pooling.MAX, 1))) {
            NodeInfo input = session.getInputInfo().get(OnnxExport.INPUT);
            assertArrayEquals(
                    new long[] {-1, FEATURES.frameCount(), FEATURES.binsPerFrame()},
                    ((TensorInfo) input.getInfo()).getShape(),
                    "batch first and free, then frames, then bins");
            NodeInfo output = session.getOutputInfo().get(OnnxExport.OUTPUT);
            assertArrayEquals(new long[] {-1, LABELS.size()}, ((TensorInfo) output.getInfo()).getShape());
        }
    }

    @Test
    void theMetadataHoldsTheLabelsInOutputOrderAndTheFeatureSettings() throws Exception {
        try (OrtSession session = session(randomNetwork(TcResnetWeights.Pooling.AVERAGE, 2))) {
            Map<String, String> properties = session.getMetadata().getCustomMetadata();
            ObjectMapper json = new ObjectMapper();
            assertEquals(LABELS, List.of(json.readValue(properties.get(OnnxExport.LABELS), String[].class)));
            assertEquals(FEATURES, json.readValue(properties.get(OnnxExport.FEATURES), FeatureSettings.class));
            assertEquals("babble", session.getMetadata().getProducerName());
        }
    }
}
