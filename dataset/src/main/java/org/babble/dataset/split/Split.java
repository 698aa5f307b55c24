package org.babble.dataset.split;

/** The three partitions of a data set, named as TensorFlow's speech_commands names them. */
public enum Split {
    TRAINING("training"),
    VALIDATION("validation"),
    TESTING("testing");

    private final String tfName;

    Split(String tfName) {
        this.tfName = tfName;
    }

    /**
     * This split's offset among random streams drawn once per split ({@link org.babble.dataset.random.Seeds#mix}):
     * written out, not the declaration order, so reordering the constants cannot change a seeded run.
     */
    public int streamOffset() {
        return switch (this) {
            case TRAINING -> 0;
            case VALIDATION -> 1;
            case TESTING -> 2;
        };
    }

    /** The name TF uses ({@code training}, {@code validation}, {@code testing}). */
    public String tfName() {
        return tfName;
    }

    /** The split with the given TF name, case-insensitive. */
    public static Split ofName(String name) {
        for (Split split : values()) {
            if (split.tfName.equalsIgnoreCase(name)) {
                return split;
            }
        }
        throw new IllegalArgumentException("no split named " + name + " (training, validation, testing)");
    }
}
