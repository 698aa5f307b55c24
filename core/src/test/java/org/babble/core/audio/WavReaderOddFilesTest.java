package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.babble.core.BabbleException;
import org.babble.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every file in {@code ../shared/data/odd/} either decodes to exactly the samples sox decodes, or fails with the message
 * babble intends. {@link #everyOddFileIsCovered()} fails when a file is added there without a case here.
 */
class WavReaderOddFilesTest {

    /**
     * What sox decodes. Computed once (sox 14.4.2, numpy 2.4) with, per file:
     * {@code soxi -c F; soxi -r F; sox F -t f64 - | numpy.frombuffer(dtype='<f8').reshape(-1, channels)}, then
     * {@code a[idx, c]}, {@code a[:, c].sum()} and {@code (a[:, c]**2).sum()}; indices 0, 1, 1000, n//2, n-1.
     */
    record Golden(
            String file,
            int frames,
            int channels,
            int rate,
            int[] indices,
            double[][] values,
            double[] sums,
            double[] sumSquares) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Golden> decodable() {
        return Stream.of(
                new Golden(
                        "pcm8-unsigned.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {{0.0078125, 0.0, 0.0078125, 0.0390625, 0.0}},
                        new double[] {-0.734375},
                        new double[] {635.3642578125}),
                new Golden(
                        "pcm24-6ch-extensible.wav",
                        48000,
                        6,
                        48000,
                        new int[] {0, 1, 1000, 24000, 47999},
                        new double[][] {
                            {
                                -0.00047194957733154297,
                                -0.000638127326965332,
                                0.0004546642303466797,
                                0.0019698143005371094,
                                -0.0890272855758667
                            },
                            {
                                -0.00047194957733154297,
                                -0.000638127326965332,
                                0.0004546642303466797,
                                0.0019698143005371094,
                                -0.0890272855758667
                            },
                            {
                                -0.00047194957733154297,
                                -0.000638127326965332,
                                0.0004546642303466797,
                                0.0019698143005371094,
                                -0.0890272855758667
                            },
                            {
                                -0.00047194957733154297,
                                -0.000638127326965332,
                                0.0004546642303466797,
                                0.0019698143005371094,
                                -0.0890272855758667
                            },
                            {
                                -0.00047194957733154297,
                                -0.000638127326965332,
                                0.0004546642303466797,
                                0.0019698143005371094,
                                -0.0890272855758667
                            },
                            {
                                -0.00047194957733154297,
                                -0.000638127326965332,
                                0.0004546642303466797,
                                0.0019698143005371094,
                                -0.0890272855758667
                            }
                        },
                        new double[] {
                            5.7036895751953125,
                            5.7036895751953125,
                            5.7036895751953125,
                            5.7036895751953125,
                            5.7036895751953125,
                            5.7036895751953125
                        },
                        new double[] {
                            25.970033570033962,
                            25.970033570033962,
                            25.970033570033962,
                            25.970033570033962,
                            25.970033570033962,
                            25.970033570033962
                        }),
                new Golden(
                        "pcm32.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {
                            {-0.00048828125, -0.000457763671875, 0.000213623046875, 0.0367431640625, 0.00103759765625}
                        },
                        new double[] {-0.34576416015625},
                        new double[] {633.3563670702279}),
                new Golden(
                        "float32.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {
                            {-0.00048828125, -0.000457763671875, 0.000213623046875, 0.0367431640625, 0.00103759765625}
                        },
                        new double[] {-0.34576416015625},
                        new double[] {633.3563670702279}),
                new Golden(
                        "float64.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {
                            {-0.00048828125, -0.000457763671875, 0.000213623046875, 0.0367431640625, 0.00103759765625}
                        },
                        new double[] {-0.34576416015625},
                        new double[] {633.3563670702279}),
                new Golden(
                        "alaw.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {{-0.000244140625, -0.000244140625, 0.000244140625, 0.0361328125, 0.001220703125}
                        },
                        new double[] {13.22998046875},
                        new double[] {634.0472282171249}),
                new Golden(
                        "mulaw.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {
                            {-0.00048828125, -0.00048828125, 0.000244140625, 0.0360107421875, 0.001220703125}
                        },
                        new double[] {-0.8985595703125},
                        new double[] {634.3328266590834}),
                new Golden(
                        "odd-chunk-before-data.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {
                            {
                                -0.005706787109375,
                                -0.0050048828125,
                                0.005767822265625,
                                0.001434326171875,
                                0.010650634765625
                            }
                        },
                        new double[] {-15.56390380859375},
                        new double[] {28.800569398328662}),
                new Golden(
                        "data-size-lies.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {
                            {-0.00048828125, -0.000457763671875, 0.000213623046875, 0.0367431640625, 0.00103759765625}
                        },
                        new double[] {-0.34576416015625},
                        new double[] {633.3563670702279}),
                new Golden(
                        "truncated-data.wav",
                        14978,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 7489, 14977},
                        new double[][] {
                            {
                                -0.00048828125,
                                -0.000457763671875,
                                0.000213623046875,
                                -0.017913818359375,
                                -0.00140380859375
                            }
                        },
                        new double[] {-0.300994873046875},
                        new double[] {0.566104426048696}),
                new Golden(
                        "digital-silence.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {{3.0517578125e-05, 3.0517578125e-05, -3.0517578125e-05, 3.0517578125e-05, 0.0}},
                        new double[] {-0.0045166015625},
                        new double[] {2.549588680267334e-05}),
                new Golden(
                        "clipped-hot.wav",
                        110250,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 55125, 110249},
                        new double[][] {
                            {
                                -0.015472412109375,
                                -0.01446533203125,
                                0.006744384765625,
                                0.999969482421875,
                                0.032806396484375
                            }
                        },
                        new double[] {447.0106506347656},
                        new double[] {57262.98648234736}),
                new Golden(
                        "short-1500ms.wav",
                        33075,
                        1,
                        22050,
                        new int[] {0, 1, 1000, 16537, 33074},
                        new double[][] {
                            {-0.00048828125, -0.000457763671875, 0.000213623046875, -0.01739501953125, 0.063262939453125
                            }
                        },
                        new double[] {-0.9813232421875},
                        new double[] {33.27897118963301}));
    }

    /** The broken files: what babble says, and (in the comment) what sox 14.4.2 says instead. */
    record Broken(String file, List<String> messageParts) {
        @Override
        public String toString() {
            return file;
        }
    }

    static Stream<Broken> broken() {
        return Stream.of(
                // sox: "WAVE: RIFF header not found". babble names the container and how to convert it.
                new Broken(
                        "android-3gp-renamed.wav",
                        List.of("not a WAV file", "a 3GP/MP4 container (3gp4)", "convert it to WAV first")),
                // sox: "WAVE: RIFF header not found". babble says the file is empty.
                new Broken("empty.wav", List.of("empty file (0 bytes)")),
                // sox: "WAVE: RIFF header not found". babble says it is text and quotes its start.
                new Broken("text-not-audio.wav", List.of("not a WAV file", "a text file (\"this is not audio\")")),
                // sox: "WAVE file is in unsupported Microsoft Official Unknown format" (it reads past the end as a
                // format tag). babble says the header is cut short, which is what happened.
                new Broken("truncated-header.wav", List.of("truncated header", "fmt chunk is cut short", "damaged")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("decodable")
    void decodesTheSamplesSoxDecodes(Golden golden) {
        DecodedWav wav = WavReader.read(SharedData.require("odd/" + golden.file()));
        AudioClip clip = wav.clip();
        assertEquals(golden.frames(), clip.frames(), "frames");
        assertEquals(golden.channels(), clip.channelCount(), "channels");
        assertEquals(golden.rate(), clip.sampleRate(), "sample rate");
        for (int c = 0; c < golden.channels(); c++) {
            float[] samples = clip.channel(c);
            for (int k = 0; k < golden.indices().length; k++) {
                int i = golden.indices()[k];
                assertEquals(golden.values()[c][k], samples[i], 1e-9, "channel " + c + " sample " + i);
            }
            double sum = 0;
            double sumSquares = 0;
            for (float s : samples) {
                sum += s;
                sumSquares += (double) s * s;
            }
            assertEquals(golden.sums()[c], sum, 1e-6, "channel " + c + " sum");
            assertEquals(golden.sumSquares()[c], sumSquares, 1e-6, "channel " + c + " sum of squares");
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("broken")
    void failsWithAMessageThatSaysWhatTheFileIs(Broken broken) {
        Path file = SharedData.require("odd/" + broken.file());
        BabbleException e = assertThrows(BabbleException.class, () -> WavReader.read(file));
        assertTrue(e.getMessage().startsWith(file + ": "), () -> "names the file: " + e.getMessage());
        for (String part : broken.messageParts()) {
            assertTrue(e.getMessage().contains(part), () -> "expected '" + part + "' in: " + e.getMessage());
        }
    }

    /**
     * The header claims 0xFFFFFFF0 data bytes (soxi reports 13:31:35); sox reads the 110250 frames that are there and
     * warns "Premature EOF". babble does the same and says how much it read.
     */
    @Test
    void aDataSizeThatLiesReadsWhatIsThereWithAWarning() {
        DecodedWav wav = WavReader.read(SharedData.require("odd/data-size-lies.wav"));
        assertEquals(110250, wav.clip().frames());
        assertTrue(wav.format().extensible(), "WAVE_FORMAT_EXTENSIBLE 32-bit PCM");
        assertEquals(
                List.of("data chunk claims 4294967280 bytes but only 441000 follow (recording cut off?);"
                        + " read the 110250 frames (5.000 s) that are there"),
                wav.warnings());
    }

    /** Cut off after 30000 bytes: sox warns "Premature EOF" and reads 14978 samples, as babble does. */
    @Test
    void truncatedDataReadsWhatIsThereWithAWarning() {
        DecodedWav wav = WavReader.read(SharedData.require("odd/truncated-data.wav"));
        assertEquals(14978, wav.clip().frames());
        assertEquals(1, wav.warnings().size());
        assertTrue(
                wav.warnings().get(0).contains("claims 220500 bytes but only 29956 follow"), wav.warnings()::toString);
    }

    @Test
    void wellFormedFilesHaveNoWarnings() {
        assertEquals(
                List.of(),
                WavReader.read(SharedData.require("odd/odd-chunk-before-data.wav"))
                        .warnings());
        assertEquals(
                List.of(),
                WavReader.read(SharedData.require("odd/pcm24-6ch-extensible.wav"))
                        .warnings());
    }

    @Test
    void reportsTheStoredFormat() {
        Path odd = SharedData.require("odd"); // outside assertAll, which would turn the skip into a failure
        assertAll(
                () -> assertEquals(
                        new WavFormat(SampleEncoding.PCM, 8, 1, 22050, false),
                        WavReader.read(odd.resolve("pcm8-unsigned.wav")).format()),
                () -> assertEquals(
                        new WavFormat(SampleEncoding.PCM, 24, 6, 48000, true),
                        WavReader.read(odd.resolve("pcm24-6ch-extensible.wav")).format()),
                () -> assertEquals(
                        new WavFormat(SampleEncoding.FLOAT, 64, 1, 22050, false),
                        WavReader.read(odd.resolve("float64.wav")).format()),
                () -> assertEquals(
                        new WavFormat(SampleEncoding.ALAW, 8, 1, 22050, false),
                        WavReader.read(odd.resolve("alaw.wav")).format()),
                () -> assertEquals(
                        new WavFormat(SampleEncoding.MULAW, 8, 1, 22050, false),
                        WavReader.read(odd.resolve("mulaw.wav")).format()));
    }

    @Test
    void everyOddFileIsCovered() throws Exception {
        Path odd = SharedData.require("odd");
        java.util.Set<String> covered = new java.util.TreeSet<>();
        decodable().forEach(g -> covered.add(g.file()));
        broken().forEach(b -> covered.add(b.file()));
        java.util.Set<String> present = new java.util.TreeSet<>();
        try (Stream<Path> files = java.nio.file.Files.list(odd)) {
            files.forEach(f -> present.add(f.getFileName().toString()));
        }
        assertEquals(present, covered);
    }
}
