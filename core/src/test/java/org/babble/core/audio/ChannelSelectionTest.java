package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.babble.core.BabbleException;
import org.junit.jupiter.api.Test;

class ChannelSelectionTest {
    private final AudioClip stereo = new AudioClip(8000, new float[][] {{1, 0.5f}, {0, -0.5f}});

    @Test
    void mixAveragesTheChannels() {
        assertArrayEquals(
                new float[] {0.5f, 0f}, ChannelSelection.MIX.apply(stereo).channel(0));
    }

    @Test
    void oneChannelIsPickedCountingFromOne() {
        assertArrayEquals(
                new float[] {0f, -0.5f}, ChannelSelection.only(2).apply(stereo).channel(0));
    }

    @Test
    void keepLeavesTheClipAsItIs() {
        assertSame(stereo, ChannelSelection.KEEP.apply(stereo));
    }

    @Test
    void aMissingChannelIsTheFilesFault() {
        assertThrows(BabbleException.class, () -> ChannelSelection.only(3).apply(stereo));
        assertThrows(IllegalArgumentException.class, () -> ChannelSelection.only(0));
    }
}
