package org.babble.core.frozen;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URISyntaxException;
import java.nio.file.Path;
import org.babble.core.features.FeatureLayout;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.Test;

/**
 * A model file written by format version 1 (by {@link ReferenceModelMaker}, committed) must keep loading and scoring
 * the same in every later version.
 */
class ReferenceModelTest {

    private static Path reference() throws URISyntaxException {
        return Path.of(
                ReferenceModelTest.class.getResource("reference-v1.babble").toURI());
    }

    @Test
    void versionOneFileStillLoadsWithItsMetadata() throws URISyntaxException {
        FrozenModel model = FrozenModelReader.read(reference());
        assertEquals(TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT), model.metadata());
    }

    @Test
    void versionOneFileStillScoresAsItDid() throws URISyntaxException {
        FrozenModel model = FrozenModelReader.read(reference());
        float[][] ramp = new float[49][20];
        for (int f = 0; f < 49; f++) {
            for (int k = 0; k < 20; k++) {
                ramp[f][k] = (f - k) / 10f;
            }
        }
        // printed by the version that wrote the file (2026-11-21, babble 0.1.0-SNAPSHOT)
        assertArrayEquals(new float[] {0.26983556f, 0.30752635f, 0.42263815f}, model.scores(ramp), 1e-6f);
    }
}
