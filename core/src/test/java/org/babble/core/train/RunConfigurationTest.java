package org.babble.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.babble.core.features.FeatureSettings;
import org.babble.core.train.RunConfiguration.AugmentOn;
import org.babble.core.train.RunConfiguration.Augmentation;
import org.babble.core.train.RunConfiguration.Mix;
import org.junit.jupiter.api.Test;

/** The run configuration: checked in one place, and kept whole by the checkpoint, older checkpoints still read. */
class RunConfigurationTest {
    private static final FeatureSettings FEATURES = FeatureSettings.defaults(16000, 1000);
    private static final TrainSettings TRAINING = TrainSettings.defaults().withSeed(9);
    private static final Augmentation AUGMENTATION =
            new Augmentation(6, 0.25, 0.1, 3, 0.2, AugmentOn.BANDS, 2, 1, 3, new Mix(0.4, List.of("noise"), -5, 15));

    @Test
    void aCheckpointKeepsTheWholeConfiguration() throws Exception {
        RunConfiguration run = new RunConfiguration(TRAINING, FEATURES, AUGMENTATION);
        CheckpointState state = new CheckpointState(30, 0, List.of("_silence_", "_unknown_", "a"), run, 0.75, 20);

        CheckpointState read =
                Checkpoint.JSON.readValue(Checkpoint.JSON.writeValueAsBytes(state), CheckpointState.class);

        assertEquals(state, read);
        assertEquals(TRAINING, read.trainSettings());
        assertEquals(FEATURES, read.featureSettings());
        assertTrue(read.configuration().isComplete());
    }

    @Test
    void aCheckpointWrittenBeforeTheConfigurationReadsWithoutItsAugmentation() throws Exception {
        ObjectNode old = Checkpoint.JSON.createObjectNode();
        old.put("step", 30).put("phase", 0).put("bestValidationAccuracy", 0.75).put("bestStep", 20);
        old.set("labels", Checkpoint.JSON.valueToTree(List.of("_silence_", "_unknown_", "a")));
        old.set("featureSettings", Checkpoint.JSON.valueToTree(FEATURES));
        old.set("trainSettings", Checkpoint.JSON.valueToTree(TRAINING));

        CheckpointState read = Checkpoint.JSON.treeToValue(old, CheckpointState.class);

        assertEquals(TRAINING, read.trainSettings());
        assertEquals(FEATURES, read.featureSettings());
        assertFalse(read.configuration().isComplete());
        assertNull(read.configuration().augmentation());
    }

    @Test
    void eachBadAugmentationNamesItsFieldAndRange() {
        IllegalArgumentException pause = assertThrows(
                IllegalArgumentException.class,
                () -> new Augmentation(0, 0, 0, 0, 1.5, AugmentOn.AUDIO, 0, 0, 0, Mix.NONE));
        assertEquals("invalid run configuration augmentation.pauseProbability (0 to 1): 1.5", pause.getMessage());
        IllegalArgumentException shift = assertThrows(
                IllegalArgumentException.class,
                () -> new Augmentation(0, 0, 0, 0, 0, AugmentOn.AUDIO, 2, 0, 0, Mix.NONE));
        assertTrue(shift.getMessage().contains("frequencyShiftBands (mel bands only"), shift.getMessage());
        IllegalArgumentException mix =
                assertThrows(IllegalArgumentException.class, () -> new Mix(0.5, List.of(), 0, 20));
        assertTrue(mix.getMessage().contains("augmentation.mix.labels"), mix.getMessage());
    }

    @Test
    void aLongerRunDiffersOnlyInItsSteps() {
        RunConfiguration run = new RunConfiguration(TRAINING, FEATURES, AUGMENTATION);
        RunConfiguration longer = run.withSteps(List.of(400, 300), TRAINING.learningRates());
        assertEquals(List.of(400, 300), longer.training().howManyTrainingSteps());
        assertEquals(run, longer.withSteps(TRAINING.howManyTrainingSteps(), TRAINING.learningRates()));
    }
}
