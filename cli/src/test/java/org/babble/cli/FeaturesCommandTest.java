package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import javax.imageio.ImageIO;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.Resampler;
import org.babble.core.audio.WavReader;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureExtractors;
import org.babble.core.features.FeatureLayout;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.frozen.ModelMetadata;
import org.babble.testing.SharedData;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FeaturesCommandTest {
    @TempDir
    Path dir;

    private Path chirpWav() {
        Path wav = dir.resolve("chirp.wav");
        WavWriter.write(wav, AudioClip.mono(16000, Signals.chirp(200, 7000, 0.5, 16000, 16000)));
        return wav;
    }

    private static BufferedImage png(Path file) throws IOException {
        BufferedImage image = ImageIO.read(file.toFile());
        assertNotNull(image, file + " is not a readable PNG");
        return image;
    }

    @Test
    void drawsMfccsOfAOneSecondClipAsABlockHeatmap() throws IOException {
        Path png = dir.resolve("spec.png");
        CliRun run = CliRun.of("features", chirpWav().toString(), "--out", png.toString())
                .expectExit(ExitCode.OK);
        // 98 frames x 40 coefficients; blocks of 7 x 8 px bring it to at least 600 x 320
        BufferedImage image = png(png);
        assertEquals(98 * 7, image.getWidth());
        assertEquals(40 * 8, image.getHeight());
        assertTrue(run.out().contains("98 frames x 40 bins (mfcc)"), run.out());
    }

    @Test
    void spectrogramViewPutsARisingChirpLowLeftAndHighRight() throws IOException {
        Path png = dir.resolve("chirp.png");
        CliRun.of("features", chirpWav().toString(), "--out", png.toString(), "--preprocess", "spectrogram")
                .expectExit(ExitCode.OK);
        BufferedImage image = png(png);
        assertEquals(98 * 7, image.getWidth());
        assertEquals(257 * 2, image.getHeight(), "257 bins, two pixels each");
        // the loudest row of the first column is near the bottom (200 Hz), of the last column near the top (7 kHz)
        assertTrue(brightestRow(image, 0) > 514 - 40, "start of chirp near the bottom");
        assertTrue(brightestRow(image, image.getWidth() - 1) < 514 - 400, "end of chirp near the top");
    }

    @Test
    void everyPreprocessRendersAndTheClipCanBePadded() throws IOException {
        for (String preprocess : new String[] {"logmel", "average"}) {
            Path png = dir.resolve(preprocess + ".png");
            CliRun run = CliRun.of(
                            "features",
                            chirpWav().toString(),
                            "--out",
                            png.toString(),
                            "--preprocess",
                            preprocess,
                            "--clip-duration-ms",
                            "1500",
                            "--upper-frequency",
                            "8000")
                    .expectExit(ExitCode.OK);
            assertTrue(run.err().contains("padded 1.00 s to the model's 1.50 s clip"), run.err());
            int bins = preprocess.equals("average") ? 43 : 40;
            assertEquals(148 * 5, png(png).getWidth(), preprocess + ": 148 frames of 5 px");
            assertEquals(bins * 8, png(png).getHeight(), preprocess);
        }
    }

    @Test
    void aRealCryRendersAtItsOwnRate() throws IOException {
        Path cry = SharedData.require("nursery/crying/esc1-211527_nohash_A.wav");
        Path png = dir.resolve("cry.png");
        CliRun.of("features", cry.toString(), "--out", png.toString()).expectExit(ExitCode.OK);
        assertEquals(499 * 2, png(png).getWidth(), "5 s at 22050 Hz: 1 + (110250 - 661) / 220 = 499 frames of 2 px");
    }

    @Test
    void aFileThatIsNotWavIsOneLineAndExitOne() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio at all\n");
        Path png = dir.resolve("never.png");
        CliRun run =
                CliRun.of("features", text.toString(), "--out", png.toString()).expectExit(ExitCode.FAILED);
        assertTrue(run.err().startsWith("babble: ") && run.err().contains("notes.wav"), run.err());
        assertEquals(1, run.err().strip().lines().count(), run.err());
        assertFalse(Files.exists(png), "no image for a failed clip");
    }

    @Test
    void anotherSampleRateResamplesWithANote() throws IOException {
        Path png = dir.resolve("x.png");
        CliRun run = CliRun.of("features", chirpWav().toString(), "--out", png.toString(), "--sample-rate", "22050")
                .expectExit(ExitCode.OK);
        assertTrue(run.err().contains("resampled 16000 Hz to the model's 22050 Hz"), run.err());
        assertEquals(98 * 7, png(png).getWidth(), "1 s at 22050 Hz: 98 frames");
    }

    @Test
    void impossibleSettingsAreAUsageErrorNamingTheField() {
        CliRun run = CliRun.of(
                "features",
                chirpWav().toString(),
                "--out",
                dir.resolve("x.png").toString(),
                "--upper-frequency",
                "9000");
        assertEquals(ExitCode.USAGE, run.exitCode());
        assertTrue(run.err().contains("upperFrequencyHz"), run.err());
        assertNotEquals("", run.err());
    }

    private static int brightestRow(BufferedImage image, int x) {
        int best = 0;
        int bestLevel = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            int rgb = image.getRGB(x, y);
            int level = ((rgb >> 16) & 0xFF) + ((rgb >> 8) & 0xFF);
            if (level > bestLevel) {
                bestLevel = level;
                best = y;
            }
        }
        return best;
    }

    @Test
    void wavToFeaturesFlagsWriteTheMfccsAsACArrayThatReadsBackToTheSameValues() throws IOException {
        Path c = dir.resolve("chirp.cc");
        Path wav = chirpWav();
        CliRun run = CliRun.of("features", "--input_wav=" + wav, "--output_c_file=" + c)
                .expectExit(ExitCode.OK);
        assertEquals(c + ": 98 frames x 40 bins (mfcc) as a C array\n", run.out());
        String source = Files.readString(c);
        assertTrue(source.contains("const int g_chirp_width = 40;\nconst int g_chirp_height = 98;\n"), source);
        String body = source.substring(source.indexOf("g_chirp_data[] = {") + 18, source.lastIndexOf("};"));
        String[] written = body.trim().split(",\\s*");
        float[][] expected = FeatureExtractors.create(new FeatureSettings(
                        16000,
                        1000,
                        30,
                        10,
                        40,
                        FeatureSettings.Preprocess.MFCC,
                        20,
                        FeatureSettings.defaultUpperFrequencyHz(16000),
                        40))
                .extract(WavReader.read(wav).clip().mixdown()); // the 16-bit samples the file holds
        assertEquals(98 * 40, written.length - (written[written.length - 1].isBlank() ? 1 : 0));
        for (int i = 0; i < 98 * 40; i++) {
            float value = expected[i / 40][i % 40];
            assertEquals(value, Float.parseFloat(written[i]), 1e-5 * Math.max(1, Math.abs(value)), "value " + i);
        }
    }

    @Test
    void theNpyArrayHoldsTheFloatsThemselvesUnderAHeaderNumPyReads() throws IOException {
        Path npy = dir.resolve("chirp.npy");
        Path wav = chirpWav();
        CliRun run = CliRun.of("features", wav.toString(), "--output-npy", npy.toString())
                .expectExit(ExitCode.OK);
        assertEquals(npy + ": 98 frames x 40 bins (mfcc) as a NumPy array\n", run.out());
        ByteBuffer bytes = ByteBuffer.wrap(Files.readAllBytes(npy)).order(ByteOrder.LITTLE_ENDIAN);
        byte[] magic = new byte[8];
        bytes.get(magic);
        assertArrayEquals(new byte[] {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y', 1, 0}, magic, "format 1.0");
        int headerLength = bytes.getShort();
        byte[] header = new byte[headerLength];
        bytes.get(header);
        String text = new String(header, StandardCharsets.US_ASCII);
        assertEquals("{'descr': '<f4', 'fortran_order': False, 'shape': (98, 40), }", text.trim());
        assertTrue(text.endsWith("\n"), text);
        assertEquals(0, (10 + headerLength) % 64, "the data starts on a 64-byte boundary");
        float[][] expected = FeatureExtractors.create(FeatureSettings.defaults(16000, 1000))
                .extract(WavReader.read(wav).clip().mixdown());
        assertEquals(98 * 40 * 4, bytes.remaining());
        for (int i = 0; i < 98 * 40; i++) {
            assertEquals(expected[i / 40][i % 40], bytes.getFloat(), "value " + i + ", bit for bit");
        }
    }

    @Test
    void withAModelItDrawsExactlyWhatTheModelIsFed() throws IOException {
        // a model trained on 8 kHz mono 1-s clips, normalised per clip; the clip is 0.8 s of 16 kHz stereo
        ModelMetadata tones = TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT);
        FeatureSettings modelFeatures = tones.featureSettings().withNormalization(FeatureSettings.Normalization.MEAN);
        Path model = dir.resolve("model.babble");
        FrozenModelWriter.write(
                model,
                TinyModels.tones(),
                new ModelMetadata(
                        tones.labels(),
                        modelFeatures,
                        tones.featureLayout(),
                        tones.trainSettings(),
                        tones.provenance(),
                        tones.operatingPoint(),
                        tones.configuration()));
        Path wav = dir.resolve("stereo.wav");
        WavWriter.write(wav, new AudioClip(16000, new float[][] {
            Signals.chirp(200, 3000, 0.4, 16000, 12800), Signals.noise(0.05, 9, 12800)
        }));
        Path c = dir.resolve("stereo.cc");
        CliRun run = CliRun.of("features", "--model", model.toString(), wav.toString(), "--output-c-file", c.toString())
                .expectExit(ExitCode.OK);
        assertTrue(run.err().contains("mixed 2 channels down to mono"), run.err());
        assertTrue(run.err().contains("resampled 16000 Hz to the model's 8000 Hz"), run.err());
        assertTrue(run.err().contains("padded 0.80 s to the model's 1.00 s clip"), run.err());

        // what the model gets, computed step by step from the file
        float[] mono = Resampler.resample(WavReader.read(wav).clip().mixdown(), 16000, 8000);
        float[] fed = new float[modelFeatures.featureSize()];
        FeatureExtractors.create(modelFeatures).extract(Arrays.copyOf(mono, 8000), fed, 0);
        String source = Files.readString(c);
        String body = source.substring(source.indexOf("g_stereo_data[] = {") + 19, source.lastIndexOf("};"));
        String[] written = body.trim().split(",\\s*");
        assertEquals(fed.length, written.length);
        for (int i = 0; i < fed.length; i++) {
            assertEquals(fed[i], Float.parseFloat(written[i]), 1e-5 * Math.max(1, Math.abs(fed[i])), "value " + i);
        }
    }

    @Test
    void aFeatureFlagIsRefusedWithAModelRatherThanIgnored() {
        Path model = dir.resolve("model.babble");
        FrozenModelWriter.write(model, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        CliRun run = CliRun.of(
                        "features",
                        "--model",
                        model.toString(),
                        chirpWav().toString(),
                        "--out",
                        dir.resolve("x.png").toString(),
                        "--window_stride_ms",
                        "10")
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("cannot be given with --model"), run.err());
    }

    @Test
    void theCArrayIsNamedAfterTheClipAsWavToFeaturesNamesIt() {
        assertEquals("yes_f2e59fea_nohash_1", FeatureCArray.variableBase("yes_f2e59fea_nohash_1.wav"));
        assertEquals("night_1_24bit", FeatureCArray.variableBase("night-1 24bit.wav"));
    }

    @Test
    void withoutAnOutputOrAClipItIsAUsageError() {
        CliRun run = CliRun.of("features", chirpWav().toString()).expectExit(ExitCode.USAGE);
        assertTrue(
                run.err().contains("give --out PNG, --output_c_file FILE, --output-npy FILE, or several"), run.err());
        CliRun none =
                CliRun.of("features", "--out", dir.resolve("x.png").toString()).expectExit(ExitCode.USAGE);
        assertTrue(none.err().contains("give one clip: CLIP or --input_wav"), none.err());
    }
}
