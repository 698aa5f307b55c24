package org.babble.dataset.label;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.inference.Classifier;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Model-assisted sorting with the tiny tone model (labels {@code _silence_, low, high}): confident clips land in their
 * label's folder, doubtful and silent ones in {@code _review/}, nothing is overwritten and no clip is lost.
 */
class ModelSorterTest {
    private static final int RATE = TinyModels.SAMPLE_RATE;
    private static Classifier classifier;

    @TempDir
    Path dir;

    Path clips;
    Path out;
    /** SHA-256 of every clip as written, by file name. */
    final Map<String, byte[]> digests = new HashMap<>();

    @BeforeAll
    static void model() {
        classifier = new Classifier(
                FrozenModel.of(TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT)));
    }

    /**
     * A night's clips: two clear low tones and two clear high ones (seeds outside the training set), a quiet one, a
     * 490 Hz tone at the edge of what the model calls low (it gives it 0.73 low, the rest silence), three seconds of
     * high tone, and three seconds that are half low, half high. The long ones are windowed; the half-and-half one
     * averages its confident low and high windows to 0.60.
     */
    @BeforeEach
    void night() throws IOException {
        clips = dir.resolve("night-2");
        Files.createDirectories(clips.resolve("hour-3"));
        out = dir.resolve("data");
        write("low-1.wav", TinyModels.sound("low", 1));
        write("low-2.wav", TinyModels.sound("low", 2));
        write("high-1.wav", TinyModels.sound("high", 1));
        write("hour-3/high-2.wav", TinyModels.sound("high", 2));
        write("quiet.wav", TinyModels.sound("_silence_", 3));
        write("between.wav", tone(490, 0.25, RATE));
        write("long-high.wav", tone(1500, 0.2, 3 * RATE));
        float[] halves = tone(300, 0.2, 3 * RATE);
        float[] high = tone(1500, 0.2, 3 * RATE);
        System.arraycopy(high, 3 * RATE / 2, halves, 3 * RATE / 2, 3 * RATE / 2);
        write("hour-3/long-halves.wav", halves);
    }

    /** A tone over the faint noise floor the model was trained with. */
    private static float[] tone(double hz, double amplitude, int samples) {
        float[] tone = Signals.sine(hz, amplitude, RATE, samples);
        float[] noise = Signals.noise(0.003, 9, samples);
        for (int i = 0; i < samples; i++) {
            tone[i] += noise[i];
        }
        return tone;
    }

    private void write(String name, float[] samples) throws IOException {
        Path file = clips.resolve(name);
        WavWriter.write(file, AudioClip.mono(RATE, samples));
        digests.put(file.getFileName().toString(), VerifiedTransfer.sha256(file));
    }

    private ModelSortResult sort(double minScore, boolean move) {
        ModelSorter sorter = new ModelSorter(classifier, new ModelSortSettings(out, minScore, move));
        List<Path> inputs = sorter.clipsIn(clips);
        List<Path> handled = new ArrayList<>();
        ModelSortResult result = sorter.sortAll(inputs, handled::add);
        assertEquals(inputs, handled, "every clip is reported as handled");
        return result;
    }

    private static Map<String, SortedClip> byName(ModelSortResult result) {
        Map<String, SortedClip> named = new HashMap<>();
        result.sorted().forEach(c -> named.put(c.source().getFileName().toString(), c));
        return named;
    }

    private void assertSameBytes(String name, Path file) throws IOException {
        assertArrayEquals(digests.get(name), VerifiedTransfer.sha256(file), file + " holds " + name + " unchanged");
    }

    @Test
    void confidentClipsGoToTheirLabelFolderAndTheRestToReview() throws IOException {
        ModelSortResult result = sort(0.9, false);
        assertEquals(List.of(), result.failures());
        Map<String, SortedClip> sorted = byName(result);
        assertEquals(8, sorted.size());
        for (String name : List.of("low-1.wav", "low-2.wav")) {
            assertEquals(out.resolve("low").resolve(name), sorted.get(name).destination());
        }
        for (String name : List.of("high-1.wav", "high-2.wav", "long-high.wav")) {
            assertEquals(out.resolve("high").resolve(name), sorted.get(name).destination());
        }
        for (String name : List.of("quiet.wav", "between.wav", "long-halves.wav")) {
            assertEquals(out.resolve("_review").resolve(name), sorted.get(name).destination());
        }
        assertNull(sorted.get("low-1.wav").review());
        assertTrue(sorted.get("low-1.wav").score() >= 0.9f);

        SortedClip quiet = sorted.get("quiet.wav");
        assertEquals("_silence_", quiet.predicted());
        assertTrue(quiet.score() >= 0.9f, "confidently silent, and still for review: " + quiet);
        assertEquals(SortedClip.ReviewReason.NOT_A_LABEL, quiet.review());

        SortedClip between = sorted.get("between.wav");
        assertEquals(SortedClip.ReviewReason.BELOW_MIN_SCORE, between.review());
        assertEquals("low", between.predicted());
        assertTrue(between.score() > 0.4f && between.score() < 0.9f, "a doubtful score: " + between);

        assertEquals(1, sorted.get("low-1.wav").windows());
        assertEquals(5, sorted.get("long-high.wav").windows(), "3 s in 1 s windows every 0.5 s");
        SortedClip halves = sorted.get("long-halves.wav");
        assertEquals(SortedClip.ReviewReason.BELOW_MIN_SCORE, halves.review());
        assertTrue(halves.score() < 0.75f, "the mean over windows of two tones: " + halves);

        assertEquals(
                List.of(
                        new LabelSummary("low", 2, meanScore(result, "low")),
                        new LabelSummary("high", 3, meanScore(result, "high"))),
                result.labels());
        assertTrue(result.labels().get(0).meanScore() > 0.9);
        assertEquals(3, result.review().clips());
        assertEquals(2, result.belowMinScore());
        assertEquals(Map.of("_silence_", 1), result.notALabel());
        assertEquals(2, result.windowed());

        for (SortedClip c : result.sorted()) {
            String name = c.source().getFileName().toString();
            assertTrue(Files.exists(c.source()), "copied, not moved: " + name);
            assertSameBytes(name, c.source());
            assertSameBytes(name, c.destination());
        }
    }

    private static double meanScore(ModelSortResult result, String label) {
        return result.sorted().stream()
                .filter(c -> !c.toReview() && c.predicted().equals(label))
                .mapToDouble(SortedClip::score)
                .average()
                .orElseThrow();
    }

    @Test
    void aLowerMinimumTrustsTheDoubtfulClipButNeverSilence() {
        Map<String, SortedClip> sorted = byName(sort(0.5, false));
        assertEquals(out.resolve("low/between.wav"), sorted.get("between.wav").destination());
        assertEquals(out.resolve("_review/quiet.wav"), sorted.get("quiet.wav").destination());
    }

    @Test
    void moveRemovesEachInputOnlyOnceItsCopyIsInPlace() throws IOException {
        ModelSortResult result = sort(0.9, true);
        assertEquals(8, result.sorted().size());
        for (SortedClip c : result.sorted()) {
            assertFalse(Files.exists(c.source()), "moved: " + c.source());
            assertSameBytes(c.source().getFileName().toString(), c.destination());
        }
    }

    @Test
    void aMoveWhoseCopyFailsLeavesTheClipWhereItWas() throws IOException {
        Files.createDirectories(out);
        Files.writeString(out.resolve("high"), "a file where the high folder would go");
        ModelSortResult result = sort(0.9, true);
        assertEquals(3, result.failures().size(), "the three high clips: " + result.failures());
        for (SortFailure failure : result.failures()) {
            assertTrue(failure.message().contains("cannot copy into"), failure.message());
            assertSameBytes(failure.file().getFileName().toString(), failure.file());
        }
        assertEquals(5, result.sorted().size(), "the others were sorted");
    }

    @Test
    void neverOverwritesAFileInALabelFolder() throws IOException {
        Files.createDirectories(out.resolve("low"));
        Path earlier = Files.writeString(out.resolve("low/low-1.wav"), "last night's clip");
        Map<String, SortedClip> sorted = byName(sort(0.9, false));
        assertEquals("last night's clip", Files.readString(earlier));
        assertEquals(out.resolve("low/low-1-2.wav"), sorted.get("low-1.wav").destination());
        assertSameBytes("low-1.wav", sorted.get("low-1.wav").destination());
    }

    @Test
    void anUnreadableClipIsReportedAndLeftAloneWhileTheOthersAreSorted() throws IOException {
        Path bad = Files.writeString(clips.resolve("notes.wav"), "not audio");
        ModelSortResult result = sort(0.9, true);
        assertEquals(1, result.failures().size());
        assertEquals(bad.toAbsolutePath(), result.failures().get(0).file());
        assertTrue(
                result.failures().get(0).message().contains("not a WAV file"),
                result.failures().get(0).message());
        assertEquals("not audio", Files.readString(bad), "left where it was");
        assertEquals(8, result.sorted().size());
    }

    @Test
    void resortingTheReviewFolderLeavesDoubtfulClipsInPlace() throws IOException {
        sort(0.9, false);
        Path review = out.resolve("_review");
        ModelSorter sorter = new ModelSorter(classifier, new ModelSortSettings(out, 0.65, true));
        List<Path> inReview = sorter.clipsIn(review);
        assertEquals(3, inReview.size(), "a folder inside OUT is taken as given: " + inReview);
        Map<String, SortedClip> sorted = byName(sorter.sortAll(inReview, p -> {}));
        assertEquals(
                out.resolve("low/between.wav"), sorted.get("between.wav").destination(), "0.73 is trusted at 0.65");
        assertFalse(Files.exists(review.resolve("between.wav")));
        assertEquals(
                review.resolve("quiet.wav").toAbsolutePath(),
                sorted.get("quiet.wav").destination(),
                "stays, not copied beside itself");
        try (var left = Files.list(review)) {
            assertEquals(
                    List.of("long-halves.wav", "quiet.wav"),
                    left.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void settingsNameTheBadField() {
        IllegalArgumentException e =
                assertThrows(IllegalArgumentException.class, () -> new ModelSortSettings(out, 1.5, false));
        assertTrue(e.getMessage().startsWith("min-score:"), e.getMessage());
        assertThrows(IllegalArgumentException.class, () -> new ModelSortSettings(out, Double.NaN, false));
    }

    @Test
    void silenceUnknownAndReviewAreNoTrainingFolders() {
        assertTrue(ModelSorter.isFolderLabel("crying"));
        assertFalse(ModelSorter.isFolderLabel("_silence_"));
        assertFalse(ModelSorter.isFolderLabel("_unknown_"));
        assertFalse(ModelSorter.isFolderLabel("_review"));
        assertFalse(ModelSorter.isFolderLabel("a/b"));
    }
}
