package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.file.Path;
import org.babble.core.BabbleException;

/**
 * Any bytes a file can hold either decode to a clip no larger than the file allows or fail with one
 * {@link BabbleException}; never another exception, an out-of-memory error or a hang. The seeds (under
 * {@code src/test/resources/.../WavReaderFuzzTestInputs}) include the lying headers of issue 16.
 */
class WavReaderFuzzTest {
    private static final Path NAME = Path.of("fuzz.wav");

    @FuzzTest(maxDuration = "10s")
    void decodesOrRefuses(byte[] bytes) {
        try {
            DecodedWav wav = WavReader.decode(NAME, bytes);
            AudioClip clip = wav.clip();
            assertTrue((long) clip.frames() * clip.channelCount() <= bytes.length, "no more samples than bytes");
            assertTrue(SampleRates.plausible(clip.sampleRate()), "a plausible rate");
            Resampler.resample(clip, 16000);
        } catch (BabbleException expected) {
            assertTrue(expected.getMessage().startsWith(NAME + ": "), "names the file");
        }
    }
}
