package org.babble.core.model;

import java.util.Arrays;
import java.util.Locale;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.babble.core.BabbleException;
import org.babble.core.features.FeatureLayout;
import org.deeplearning4j.nn.conf.MultiLayerConfiguration;
import org.deeplearning4j.nn.conf.inputs.InputType;
import org.deeplearning4j.nn.conf.layers.PoolingType;
import org.nd4j.linalg.learning.config.IUpdater;

/**
 * The networks {@code --model_architecture} can name: TF speech_commands' four (so the tutorial's commands work) and
 * babble's faster, more accurate default.
 */
public enum Architecture {
    /** babble's default for words: temporal convolutions over bins-as-channels, batch norm, dropout, average pool. */
    TC_RESNET("tc_resnet", FeatureLayout.CHANNELS, () -> new TcResnetDesign(TcResnetDesign.DEFAULT_STAGES)),
    /** babble's default for longer clips: the same network ending in a max pool, so a burst counts wherever it is. */
    TC_RESNET_MAX(
            "tc_resnet_max",
            FeatureLayout.CHANNELS,
            () -> new TcResnetDesign(TcResnetDesign.DEFAULT_STAGES, PoolingType.MAX)),
    CONV("conv", FeatureLayout.IMAGE, () -> new TfConv()),
    LOW_LATENCY_CONV("low_latency_conv", FeatureLayout.IMAGE, () -> new TfLowLatencyConv()),
    SINGLE_FC("single_fc", FeatureLayout.FLAT, () -> new TfSingleFc()),
    TINY_CONV("tiny_conv", FeatureLayout.IMAGE, () -> new TfTinyConv());

    public static final Architecture DEFAULT = TC_RESNET;

    private final String flagName;
    private final FeatureLayout layout;
    /**
     * Made when a network is configured, not when the enum is: a design's classes are DL4J's, and the runtime without
     * natives reads architectures from model metadata without having DL4J at all (hence lambdas, not constructor
     * references, which the JVM would resolve, loading the design's class, when the enum is initialised). Not provably immutable to the
     * checker, but every design is a stateless description (see NetworkDesign).
     */
    @SuppressWarnings("ImmutableEnumChecker")
    private final Supplier<NetworkDesign> design;

    Architecture(String flagName, FeatureLayout layout, Supplier<NetworkDesign> design) {
        this.flagName = flagName;
        this.layout = layout;
        this.design = design;
    }

    /** The spelling used on the command line and in checkpoints. */
    public String flagName() {
        return flagName;
    }

    /** How a batch of features is shaped for this network (the same as its design's). */
    public FeatureLayout layout() {
        return layout;
    }

    public MultiLayerConfiguration configure(ModelShape shape, long seed, double dropoutRate, IUpdater optimizer) {
        return design().configure(shape, seed, dropoutRate, optimizer);
    }

    NetworkDesign design() {
        return design.get();
    }

    public InputType inputType(ModelShape shape) {
        return BatchLayout.inputType(layout(), shape);
    }

    /** Forward-pass multiply-adds for one clip of {@code shape}. */
    public long multiplyAddsPerClip(ModelShape shape) {
        return NetworkCost.multiplyAddsPerClip(this, shape);
    }

    /** The architecture called {@code name}, or a message listing those that exist. */
    public static Architecture parse(String name) {
        String wanted = name.trim().toLowerCase(Locale.ROOT);
        for (Architecture a : values()) {
            if (a.flagName.equals(wanted)) {
                return a;
            }
        }
        throw new BabbleException(
                "unknown model architecture '" + name + "'",
                "use one of "
                        + Arrays.stream(values()).map(Architecture::flagName).collect(Collectors.joining(", ")));
    }
}
