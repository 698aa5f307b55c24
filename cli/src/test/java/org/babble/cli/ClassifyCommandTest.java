package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** babble classify end to end with a tiny model that tells a low tone from a high one and from near-silence. */
class ClassifyCommandTest {
    private static final Pattern LABEL_WAV_LINE = Pattern.compile("(_silence_|low|high) \\(score = (\\d\\.\\d{5})\\)");

    @TempDir
    static Path dir;

    static String model;
    static String low;
    static String high;

    @BeforeAll
    static void writeModelAndClips() {
        Path file = dir.resolve("model.babble");
        FrozenModelWriter.write(file, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        model = file.toString();
        low = wav("low.wav", AudioClip.mono(TinyModels.SAMPLE_RATE, TinyModels.sound("low", 5)));
        high = wav("high.wav", AudioClip.mono(TinyModels.SAMPLE_RATE, TinyModels.sound("high", 6)));
    }

    private static String wav(String name, AudioClip clip) {
        Path file = dir.resolve(name);
        WavWriter.write(file, clip);
        return file.toString();
    }

    @Test
    void printsTheTopThreeLabelsAsLabelWavDoes() {
        CliRun run = CliRun.of("classify", "--model", model, low).expectExit(ExitCode.OK);
        List<String> lines = run.out().lines().toList();
        assertEquals(3, lines.size(), run.out());
        double previous = 1;
        for (String line : lines) {
            Matcher m = LABEL_WAV_LINE.matcher(line);
            assertTrue(m.matches(), () -> "label_wav format: " + line);
            double score = Double.parseDouble(m.group(2));
            assertTrue(score <= previous, "best first: " + run.out());
            previous = score;
        }
        assertTrue(lines.get(0).startsWith("low (score = "), run.out());
        assertEquals("", run.err(), "a clip in the model's format gives no notes");
    }

    @Test
    void graphAndWavAliasesAndHowManyLabels() {
        CliRun run = CliRun.of("classify", "--graph=" + model, "--wav=" + high, "--how_many_labels=1")
                .expectExit(ExitCode.OK);
        assertEquals(1, run.out().lines().count());
        assertTrue(run.out().startsWith("high (score = "), run.out());
    }

    @Test
    void severalFilesGetAHeaderEach() {
        CliRun run = CliRun.of("classify", "--model", model, low, high).expectExit(ExitCode.OK);
        List<String> lines = run.out().lines().toList();
        assertEquals(8, lines.size(), run.out());
        assertEquals("==> " + low + " <==", lines.get(0));
        assertTrue(lines.get(1).startsWith("low "), run.out());
        assertEquals("==> " + high + " <==", lines.get(4));
        assertTrue(lines.get(5).startsWith("high "), run.out());
    }

    @Test
    void wavDirClassifiesTheFoldersWavFilesByNameAsLabelWavDirDoes() throws IOException {
        Path clips = Files.createDirectories(dir.resolve("wav-dir"));
        Files.copy(Path.of(high), clips.resolve("a-high.wav"));
        Files.copy(Path.of(low), clips.resolve("b-low.WAV"));
        Files.writeString(clips.resolve("notes.txt"), "not a clip");
        Files.copy(
                Path.of(low), Files.createDirectories(clips.resolve("deeper")).resolve("c.wav"));
        CliRun run =
                CliRun.of("classify", "--graph=" + model, "--wav_dir=" + clips).expectExit(ExitCode.OK);
        List<String> lines = run.out().lines().toList();
        assertEquals(8, lines.size(), run.out());
        assertEquals("==> " + clips.resolve("a-high.wav") + " <==", lines.get(0));
        assertTrue(lines.get(1).startsWith("high "), run.out());
        assertEquals("==> " + clips.resolve("b-low.WAV") + " <==", lines.get(4));
        assertTrue(lines.get(5).startsWith("low "), run.out());
    }

    @Test
    void aWavDirWithoutWavFilesIsOneLine() throws IOException {
        Path empty = Files.createDirectories(dir.resolve("no-wavs"));
        CliRun run = CliRun.of("classify", "--model", model, "--wav-dir", empty.toString())
                .expectExit(ExitCode.FAILED);
        assertEquals(
                List.of("babble: " + empty + ": folder holds no .wav files (subfolders are not read, as in"
                        + " label_wav_dir.py) — check the path, or name the files or a pattern instead"),
                run.err().lines().toList());
        CliRun missing = CliRun.of(
                        "classify",
                        "--model",
                        model,
                        "--wav-dir",
                        dir.resolve("absent").toString())
                .expectExit(ExitCode.FAILED);
        assertTrue(missing.err().contains("absent: no such folder"), missing.err());
    }

    @Test
    void csvHasOneRowPerFileWithAllScores() {
        CliRun run = CliRun.of("classify", "--model", model, "--format", "csv", low, high)
                .expectExit(ExitCode.OK);
        List<String> lines = run.out().lines().toList();
        assertEquals("file,top_label,score,_silence_,low,high", lines.get(0));
        assertEquals(3, lines.size());
        String[] row = lines.get(2).split(",");
        assertEquals(high, row[0]);
        assertEquals("high", row[1]);
        assertEquals(row[2], row[5], "the top score is the high column");
        double sum = Double.parseDouble(row[3]) + Double.parseDouble(row[4]) + Double.parseDouble(row[5]);
        assertEquals(1.0, sum, 1e-4, "softmax scores");
    }

    @Test
    void jsonHasOneObjectPerLine() throws IOException {
        CliRun run = CliRun.of("classify", "--model", model, "--format", "json", low, high)
                .expectExit(ExitCode.OK);
        List<String> lines = run.out().lines().toList();
        assertEquals(2, lines.size(), run.out());
        JsonNode first = new ObjectMapper().readTree(lines.get(0));
        assertEquals(low, first.get("file").asText());
        assertEquals("low", first.get("top_label").asText());
        assertEquals(
                first.get("score").asDouble(), first.get("scores").get("low").asDouble(), 1e-9);
    }

    @Test
    void failUnlessExitsThreeWhenTheTopLabelDiffers() {
        CliRun.of("classify", "--model", model, "--fail-unless", "low", low).expectExit(ExitCode.OK);
        CliRun run = CliRun.of("classify", "--model", model, "--fail-unless", "low", high)
                .expectExit(ExitCode.CHECK_FAILED);
        assertTrue(run.out().startsWith("high (score"), "results are still printed: " + run.out());
    }

    @Test
    void failUnlessWithALabelTheModelLacksIsAUsageError() {
        CliRun run = CliRun.of("classify", "--model", model, "--fail-unless", "crying", low)
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("no such label"), run.err());
    }

    @Test
    void labelsFileMustMatchTheModel() throws IOException {
        Path good = Files.write(dir.resolve("good_labels.txt"), List.of("_silence_", "low", "high"));
        CliRun.of("classify", "--model", model, "--labels", good.toString(), low)
                .expectExit(ExitCode.OK);
        Path bad = Files.write(dir.resolve("conv_labels.txt"), List.of("_silence_", "_unknown_", "low", "high"));
        CliRun run = CliRun.of("classify", "--model", model, "--labels", bad.toString(), low)
                .expectExit(ExitCode.FAILED);
        assertTrue(
                run.err()
                        .startsWith("babble: " + bad + ": labels [_silence_, _unknown_, low, high] differ from the"
                                + " model's [_silence_, low, high]"),
                run.err());
        assertEquals("", run.out());
    }

    @Test
    void aMissingLabelsFileSaysWhereTrainingWritesOne() {
        Path absent = dir.resolve("copied").resolve("conv_labels.txt");
        CliRun run = CliRun.of("classify", "--graph", model, "--labels", absent.toString(), "--wav", low)
                .expectExit(ExitCode.FAILED);
        assertEquals(
                List.of("babble: " + absent + ": no such labels file — babble train writes labels.txt and TF's"
                        + " conv_labels.txt into its train dir: copy one from there, or leave out --labels (the model carries its"
                        + " labels)"),
                run.err().lines().toList());
    }

    @Test
    void aBadFileFailsButTheOthersAreClassified() throws IOException {
        Path text = Files.writeString(dir.resolve("notes.wav"), "not audio");
        CliRun run = CliRun.of("classify", "--model", model, low, text.toString(), high)
                .expectExit(ExitCode.FAILED);
        assertTrue(run.out().contains("==> " + high + " <==\nhigh (score"), run.out());
        assertTrue(run.err().contains(text + ": not a WAV file"), run.err());
        assertTrue(run.err().contains("1 of 3 files could not be classified"), run.err());
        assertTrue(!run.err().contains("at org."), "no stack trace");
    }

    /** Issue 16's reproduction: a 44-byte header claiming 2147483647 Hz once took 4 GB and a stack trace. */
    private Path lyingRate() throws IOException {
        ByteBuffer header = ByteBuffer.allocate(44).order(ByteOrder.LITTLE_ENDIAN);
        header.put("RIFF".getBytes(StandardCharsets.US_ASCII))
                .putInt(36)
                .put("WAVEfmt ".getBytes(StandardCharsets.US_ASCII))
                .putInt(16)
                .putShort((short) 1)
                .putShort((short) 1)
                .putInt(Integer.MAX_VALUE)
                .putInt(0)
                .putShort((short) 2)
                .putShort((short) 16)
                .put("data".getBytes(StandardCharsets.US_ASCII))
                .putInt(0);
        return Files.write(dir.resolve("tiny.wav"), header.array());
    }

    @Test
    void aHeaderLyingAboutItsRateIsOneLineAndTheBatchGoesOn() throws IOException {
        Path tiny = lyingRate();
        CliRun run = CliRun.of("classify", "--model", model, low, tiny.toString(), high)
                .expectExit(ExitCode.FAILED);
        assertTrue(run.out().contains("==> " + low + " <==") && run.out().contains("==> " + high + " <=="), run.out());
        assertEquals(2, run.err().lines().count(), run.err());
        assertTrue(run.err().startsWith("babble: " + tiny + ": damaged header: it says 2147483647 Hz"), run.err());
    }

    @Test
    void brokenFilesAreRefusedBeforeTheModelIsRead() throws IOException {
        CliRun run = CliRun.of(
                        "classify",
                        "--model",
                        dir.resolve("absent.babble").toString(),
                        lyingRate().toString())
                .expectExit(ExitCode.FAILED);
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("tiny.wav: damaged header"), run.err());
    }

    @Test
    void missingModelSaysSoInOneLine() {
        CliRun run = CliRun.of(
                        "classify", "--model", dir.resolve("absent.babble").toString(), low)
                .expectExit(ExitCode.FAILED);
        assertEquals(1, run.err().lines().count(), run.err());
        assertTrue(run.err().contains("no such model file"), run.err());
    }

    @Test
    void otherFormatsAreConvertedWithOneNoteEach() {
        float[] tone = Signals.sine(TinyModels.HIGH_HZ, 0.3, 16000, 16000);
        String a = wav("stereo-a.wav", new AudioClip(16000, new float[][] {tone, tone}));
        String b = wav("stereo-b.wav", new AudioClip(16000, new float[][] {tone, tone}));
        CliRun run = CliRun.of("classify", "--model", model, a, b).expectExit(ExitCode.OK);
        assertTrue(run.out().contains("==> " + b + " <==\nhigh (score"), run.out());
        assertEquals(
                List.of(
                        "babble: note: " + a + ": mixed 2 channels down to mono",
                        "babble: note: " + a + ": resampled 16000 Hz to the model's 8000 Hz",
                        "babble: note: 1 more file was mixed down",
                        "babble: note: 1 more file was resampled"),
                run.err().lines().toList());
    }

    @Test
    void longRecordingsAreWindowedAndSmoothedIntoEpisodes() {
        int rate = TinyModels.SAMPLE_RATE;
        float[] night = Signals.noise(0.003, 5, 20 * rate);
        float[] cry = Signals.sine(1500, 0.25, rate, 4 * rate);
        System.arraycopy(cry, 0, night, 12 * rate, cry.length);
        String file = wav("night.wav", AudioClip.mono(rate, night));
        CliRun run = CliRun.of("classify", "--model", model, file).expectExit(ExitCode.OK);
        List<String> lines = run.out().lines().toList();
        assertEquals("==> " + file + " <==", lines.get(0));
        assertEquals(1 + 39 + 1 + 1, lines.size(), "39 windows of 1 s every 0.5 s over 20 s: " + run.out());
        assertTrue(lines.get(1).matches("00:00:00\\.0  _silence_ \\(score = \\d\\.\\d{5}\\)"), lines.get(1));
        assertEquals("episodes:", lines.get(40));
        Matcher episode = Pattern.compile(
                        "high 00:00:(\\d\\d\\.\\d)\u201300:00:(\\d\\d\\.\\d) \\(peak [01]\\.\\d\\d\\)")
                .matcher(lines.get(41));
        assertTrue(episode.matches(), lines.get(41));
        assertEquals(12.0, Double.parseDouble(episode.group(1)), 1.0, "starts with the tone at 12 s");
        assertEquals(16.0, Double.parseDouble(episode.group(2)), 1.0, "ends with the tone at 16 s");

        CliRun.of("classify", "--model", model, "--fail-unless", "_silence_", file)
                .expectExit(ExitCode.CHECK_FAILED);
    }
}
