package org.babble.core.onnx;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.BabbleException;
import org.babble.core.BabbleVersion;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.frozen.TcResnetWeights;
import org.babble.core.io.AtomicFiles;
import org.babble.core.model.layers.TemporalWindow;
import org.babble.core.onnx.proto.Onnx.GraphProto;
import org.babble.core.onnx.proto.Onnx.ModelProto;
import org.babble.core.onnx.proto.Onnx.OperatorSetIdProto;
import org.babble.core.onnx.proto.Onnx.StringStringEntryProto;

/**
 * Writes a babble model's network as an ONNX model: features in, the same softmax scores out. It is written from the
 * plain weights the Java forward pass runs (batch norm already folded into each convolution), so the file holds only
 * standard operators every ONNX runtime has: Transpose, Conv, Relu, a global pool, Flatten, Gemm and Softmax. The
 * feature front end stays outside the file; its settings and the labels are the model's metadata properties, the
 * same JSON a {@code model.babble} holds, so a caller has one place to read them from.
 */
public final class OnnxExport {
    /** ONNX IR version 8 with opset 17: read by every ONNX Runtime since 1.12 (2022). */
    static final long IR_VERSION = 8;

    static final long OPSET = 17;

    /** The graph's input: features of a batch of clips, frames first, as babble computes them. */
    public static final String INPUT = "features";

    /** The graph's output: one softmax score per label, in the order of {@link #LABELS}. */
    public static final String OUTPUT = "scores";

    /** Metadata key of the labels, a JSON array in output order. */
    public static final String LABELS = "babble.labels";

    /** Metadata key of the feature settings, the JSON object a {@code model.babble} stores as featureSettings. */
    public static final String FEATURES = "babble.featureSettings";

    /** Metadata key of the calibrated operating point (smoothing and thresholds), when the model has one. */
    public static final String OPERATING_POINT = "babble.operatingPoint";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OnnxExport() {}

    /**
     * Writes {@code model} to {@code target} (through a temporary file); {@code source} names the model in messages.
     *
     * @throws BabbleException when the model's network is not one the plain forward pass runs
     */
    public static void write(Path source, FrozenModel model, Path target) {
        TcResnetWeights weights = model.plainNetwork()
                .orElseThrow(() -> new BabbleException(
                        source,
                        "ONNX export covers the tc_resnet networks babble trains by default; this model's network"
                                + " is one of TensorFlow's speech_commands designs",
                        "train with the default --model-architecture (tc_resnet or tc_resnet_max) to export"));
        AtomicFiles.write(target, model(weights, model.metadata()).toByteArray());
    }

    /** The ONNX model of {@code weights}, with {@code metadata}'s labels and feature settings as properties. */
    static ModelProto model(TcResnetWeights weights, ModelMetadata metadata) {
        FeatureSettings features = metadata.featureSettings();
        ModelProto.Builder model = ModelProto.newBuilder()
                .setIrVersion(IR_VERSION)
                .addOpsetImport(OperatorSetIdProto.newBuilder().setDomain("").setVersion(OPSET))
                .setProducerName("babble")
                .setProducerVersion(BabbleVersion.get())
                .setDocString("babble sound classifier for " + metadata.labels() + ": input '" + INPUT
                        + "' [batch, frames, bins] as babble computes features (metadata " + FEATURES + "), output '"
                        + OUTPUT + "' [batch, labels] softmax scores (metadata " + LABELS + ")")
                .setGraph(graph(weights, features.frameCount(), metadata.labels()));
        properties(metadata)
                .forEach((key, value) -> model.addMetadataProps(
                        StringStringEntryProto.newBuilder().setKey(key).setValue(value)));
        return model.build();
    }

    private static GraphProto graph(TcResnetWeights weights, int frames, List<String> labels) {
        OnnxGraph graph = new OnnxGraph("babble", "temporal convolutions over feature bins as channels");
        String x = graph.input(
                INPUT,
                "per-clip features, frames first",
                OnnxGraph.Dimension.named("batch"),
                OnnxGraph.Dimension.of(frames),
                OnnxGraph.Dimension.of(weights.bins()));
        x = graph.op("Transpose", List.of(OnnxGraph.ints("perm", 0, 2, 1)), x); // [batch, bins, frames]
        int length = frames;
        List<TcResnetWeights.Stage> stages = weights.stages();
        for (int i = 0; i < stages.size(); i++) {
            TcResnetWeights.Stage stage = stages.get(i);
            TemporalWindow window = new TemporalWindow(stage.kernel(), stage.stride(), length);
            String w = graph.constant(
                    "stage" + i + ".weight", outInKernel(stage), stage.out(), stage.in(), stage.kernel());
            String b = graph.constant("stage" + i + ".bias", stage.bias(), stage.out());
            x = graph.op(
                    "Conv",
                    List.of(
                            OnnxGraph.ints("kernel_shape", stage.kernel()),
                            OnnxGraph.ints("strides", stage.stride()),
                            OnnxGraph.ints("pads", window.padBefore(), window.padAfter())),
                    x,
                    w,
                    b);
            x = graph.op("Relu", x);
            length = window.outFrames();
        }
        x = graph.op(weights.pooling() == TcResnetWeights.Pooling.MAX ? "GlobalMaxPool" : "GlobalAveragePool", x);
        x = graph.op("Flatten", List.of(OnnxGraph.integer("axis", 1)), x);
        String dense = graph.constant("output.weight", weights.dense(), weights.pooledChannels(), weights.labels());
        String bias = graph.constant("output.bias", weights.denseBias(), weights.labels());
        x = graph.op("Gemm", x, dense, bias);
        String scores = graph.named("Softmax", OUTPUT, List.of(OnnxGraph.integer("axis", 1)), x);
        graph.output(
                scores,
                "softmax scores in the order of " + labels,
                OnnxGraph.Dimension.named("batch"),
                OnnxGraph.Dimension.of(weights.labels()));
        return graph.build();
    }

    /** A stage's weights from the forward pass's {@code [kernel][in][out]} to ONNX Conv's {@code [out][in][kernel]}. */
    private static float[] outInKernel(TcResnetWeights.Stage stage) {
        int kernel = stage.kernel();
        int in = stage.in();
        int out = stage.out();
        float[] source = stage.weights();
        float[] w = new float[source.length];
        for (int j = 0; j < kernel; j++) {
            for (int c = 0; c < in; c++) {
                for (int o = 0; o < out; o++) {
                    w[(o * in + c) * kernel + j] = source[(j * in + c) * out + o];
                }
            }
        }
        return w;
    }

    private static Map<String, String> properties(ModelMetadata metadata) {
        Map<String, String> properties = new LinkedHashMap<>();
        try {
            properties.put(LABELS, JSON.writeValueAsString(metadata.labels()));
            properties.put(FEATURES, JSON.writeValueAsString(metadata.featureSettings()));
            if (metadata.operatingPoint() != null) {
                properties.put(OPERATING_POINT, JSON.writeValueAsString(metadata.operatingPoint()));
            }
            properties.put("babble.provenance", JSON.writeValueAsString(metadata.provenance()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("model metadata that Jackson cannot write", e);
        }
        properties.put(
                "babble.input",
                INPUT + ": float32 [batch, " + metadata.featureSettings().frameCount() + " frames, "
                        + metadata.featureSettings().binsPerFrame()
                        + " bins], frames first, per clip as babble features writes it");
        return properties;
    }
}
