package org.babble.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.babble.core.BabbleException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a {@code --start_checkpoint} path means; resolving only names a file, reading it is Checkpoint's job. */
class CheckpointFolderTest {
    @TempDir
    Path dir;

    Path train;

    @BeforeEach
    void aTrainDir() throws Exception {
        train = Files.createDirectories(dir.resolve("training"));
        for (String name :
                new String[] {"ckpt-900.zip", "ckpt-1000.zip", "ckpt-1100.zip", "ckpt-1200.zip", "best.zip"}) {
            Files.writeString(train.resolve(name), "");
        }
    }

    @Test
    void aTensorFlowCheckpointNameMeansBabblesCheckpointOfThatStep() {
        Path step = train.resolve("ckpt-1200.zip");
        for (String tf : new String[] {
            "conv.ckpt-1200",
            "conv.ckpt-1200.index",
            "conv.ckpt-1200.meta",
            "conv.ckpt-1200.data-00000-of-00001",
            "tc_resnet_max.ckpt-1200",
            "ckpt-1200"
        }) {
            assertEquals(step, CheckpointFolder.resolve(train.resolve(tf), true), tf);
            assertEquals(step, CheckpointFolder.resolve(train.resolve(tf), false), tf);
        }
    }

    @Test
    void aRelativeNameWithoutAFolderIsLookedUpHere() {
        Path relative = Path.of("conv.ckpt-1200");
        BabbleException e = assertThrows(BabbleException.class, () -> CheckpointFolder.resolve(relative, true));
        assertTrue(e.getMessage().contains("no checkpoint of step 1200"), e.getMessage());
    }

    @Test
    void aMissingStepListsTheStepsTheFolderHolds() {
        BabbleException e = assertThrows(
                BabbleException.class, () -> CheckpointFolder.resolve(train.resolve("conv.ckpt-450"), true));
        assertTrue(
                e.getMessage()
                        .contains("conv.ckpt-450: no checkpoint of step 450 in " + train
                                + "; it holds steps 900, 1000, 1100, 1200, best.zip — pass one of those steps (training keeps only the latest"
                                + " few), or the folder " + train + " for its best checkpoint"),
                e.getMessage());
    }

    @Test
    void aStepInAnEmptyOrMissingFolderSaysSo() {
        BabbleException e = assertThrows(
                BabbleException.class,
                () -> CheckpointFolder.resolve(dir.resolve("elsewhere").resolve("conv.ckpt-450"), true));
        assertTrue(e.getMessage().contains("holds no checkpoints"), e.getMessage());
    }

    @Test
    void aFolderMeansItsBestOrItsLatestAndOtherNamesAreNotCheckpoints() {
        assertEquals(train.resolve("best.zip"), CheckpointFolder.resolve(train, true));
        assertEquals(train.resolve("ckpt-1200.zip"), CheckpointFolder.resolve(train, false));
        BabbleException e =
                assertThrows(BabbleException.class, () -> CheckpointFolder.resolve(train.resolve("graph.pb"), true));
        assertTrue(e.getMessage().contains("no such checkpoint"), e.getMessage());
    }
}
