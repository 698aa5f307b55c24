package org.babble.core.model;

import java.util.Arrays;
import java.util.Locale;
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
    TC_RESNET("tc_resnet", new TcResnetDesign(TcResnetDesign.DEFAULT_STAGES)),
    /** babble's default for longer clips: the same network ending in a max pool, so a burst counts wherever it is. */
    TC_RESNET_MAX("tc_resnet_max", new TcResnetDesign(TcResnetDesign.DEFAULT_STAGES, PoolingType.MAX)),
    CONV("conv", new TfConv()),
    LOW_LATENCY_CONV("low_latency_conv", new TfLowLatencyConv()),
    SINGLE_FC("single_fc", new TfSingleFc()),
    TINY_CONV("tiny_conv", new TfTinyConv());

    public static final Architecture DEFAULT = TC_RESNET;

    private final String flagName;
    // Not provably immutable to the checker, as NetworkDesign is an interface, but every design is a stateless
    // description: final fields of immutable lists and enums, no setters (see NetworkDesign).
    @SuppressWarnings("ImmutableEnumChecker")
    private final NetworkDesign design;

    Architecture(String flagName, NetworkDesign design) {
        this.flagName = flagName;
        this.design = design;
    }

    /** The spelling used on the command line and in checkpoints. */
    public String flagName() {
        return flagName;
    }

    public FeatureLayout layout() {
        return design.layout();
    }

    public MultiLayerConfiguration configure(ModelShape shape, long seed, double dropoutRate, IUpdater optimizer) {
        return design.configure(shape, seed, dropoutRate, optimizer);
    }

    public InputType inputType(ModelShape shape) {
        return BatchLayout.inputType(layout(), shape);
    }

    /** Forward-pass multiply-adds for one clip of {@code shape}. */
    public long multiplyAddsPerClip(ModelShape shape) {
        return NetworkCost.multiplyAddsPerClip(
                configure(shape, 0, 0, new org.nd4j.linalg.learning.config.Adam()), inputType(shape));
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
