package org.babble.dataset.batch;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.babble.core.BabbleException;
import org.babble.dataset.augment.MixSettings;
import org.babble.dataset.index.Example;
import org.babble.dataset.split.Split;
import org.junit.jupiter.api.Test;

class MixPartnersTest {
    private static final List<Example> TRAINING = training();

    private static List<Example> training() {
        List<Example> out = new ArrayList<>();
        out.add(new Example(null, 0, "_silence_", "_silence_", Split.TRAINING));
        String[] folders = {"crying", "noise", "room_empty"};
        for (int i = 0; i < 30; i++) {
            String folder = folders[i % 3];
            out.add(new Example(Path.of(folder, "s" + i + "_nohash_0.wav"), 2 + i % 3, folder, folder, Split.TRAINING));
        }
        return out;
    }

    @Test
    void aClipIsMixedOnlyWithBackgroundClipsOfAnotherFolder() {
        MixPartners partners = new MixPartners(new MixSettings(1, 0, 20, List.of("noise", "room_empty")), TRAINING);
        SplittableRandom random = new SplittableRandom(1);
        Set<String> underCrying = new HashSet<>();
        for (int position = 1; position < TRAINING.size(); position++) {
            for (int t = 0; t < 20; t++) {
                MixPartners.Partner p = partners.draw(position, 100, random);
                String own = TRAINING.get(position).folder();
                String under = TRAINING.get(p.position()).folder();
                assertNotEquals(own, under);
                assertTrue(under.equals("noise") || under.equals("room_empty"), under);
                assertTrue(
                        p.mix().snrDb() >= 0 && p.mix().snrDb() <= 20,
                        "" + p.mix().snrDb());
                assertTrue(p.mix().offset() >= 0 && p.mix().offset() < 100);
                if (own.equals("crying")) {
                    underCrying.add(under);
                }
            }
        }
        assertEquals(Set.of("noise", "room_empty"), underCrying);
    }

    @Test
    void theProbabilityIsTheShareMixedAndSilenceIsNeverMixed() {
        MixPartners partners = new MixPartners(new MixSettings(0.3, 0, 20, List.of("room_empty")), TRAINING);
        SplittableRandom random = new SplittableRandom(2);
        int mixed = 0;
        for (int t = 0; t < 2000; t++) {
            mixed += partners.draw(1, 100, random).position() >= 0 ? 1 : 0;
            assertEquals(-1, partners.draw(0, 100, random).position());
        }
        assertEquals(0.3, mixed / 2000.0, 0.04);
        assertEquals(-1, partners.draw(3, 100, random).position(), "room_empty has no other background folder");
    }

    @Test
    void backgroundFoldersWithoutTrainingClipsAreRefused() {
        assertThrows(
                BabbleException.class,
                () -> new MixPartners(new MixSettings(0.5, 0, 20, List.of("kitchen")), TRAINING));
        assertEquals(
                -1,
                new MixPartners(MixSettings.NONE, TRAINING)
                        .draw(1, 100, new SplittableRandom(3))
                        .position());
    }
}
