package org.babble.core.inference;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.babble.core.audio.AudioClip;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModel;
import org.babble.core.prep.Note;
import org.babble.core.recognition.Episode;
import org.babble.core.recognition.EpisodeDetector;
import org.babble.core.recognition.RecognitionSettings;
import org.babble.testing.Signals;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Classification of tones by a tiny trained model: clip handling, notes, windows and episodes. */
class ClassifierTest {
    private static Classifier classifier;

    @BeforeAll
    static void loadModel() {
        classifier = new Classifier(
                FrozenModel.of(TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT)));
    }

    private static String top(float[] scores) {
        return RankedLabel.top(TinyModels.LABELS, scores, 1).get(0).label();
    }

    @Test
    void aHopOfSeveralStridesIsAWholeNumberOfThemSoWindowsShareFrames() {
        // the tone model: 8 kHz, features every 20 ms (160 samples)
        assertEquals(4000, classifier.hopSamples(500), "already 25 strides");
        assertEquals(4160, classifier.hopSamples(510), "4080 samples is 25.5 strides: 26");
        assertEquals(80, classifier.hopSamples(10), "shorter than a stride: as asked");
    }

    @Test
    void classifiesTonesItWasNotTrainedOn() {
        for (String label : TinyModels.LABELS) {
            for (long seed = 1; seed <= 5; seed++) {
                ClipScores result =
                        classifier.classify(AudioClip.mono(TinyModels.SAMPLE_RATE, TinyModels.sound(label, seed)));
                assertEquals(label, top(result.scores()), label + " seed " + seed);
                assertEquals(List.of(), result.notes(), "a clip in the model's format needs no note");
            }
        }
    }

    @Test
    void stereoAtAnotherRateIsMixedDownAndResampledWithNotes() {
        int rate = 16000;
        float[] tone = Signals.sine(TinyModels.HIGH_HZ, 0.3, rate, rate);
        ClipScores result = classifier.classify(new AudioClip(rate, new float[][] {tone, tone.clone()}));
        assertEquals("high", top(result.scores()));
        assertEquals(
                List.of(Note.Kind.MIXED_DOWN, Note.Kind.RESAMPLED),
                result.notes().stream().map(Note::kind).toList());
        assertEquals(
                "resampled 16000 Hz to the model's 8000 Hz",
                result.notes().get(1).text());
    }

    @Test
    void shortClipsArePaddedAndSlightlyLongOnesCut() {
        float[] short_ = Signals.sine(TinyModels.LOW_HZ, 0.3, TinyModels.SAMPLE_RATE, 6000);
        ClipScores padded = classifier.classify(AudioClip.mono(TinyModels.SAMPLE_RATE, short_));
        assertEquals("low", top(padded.scores()));
        assertEquals(
                "padded 0.75 s to the model's 1.00 s clip",
                padded.notes().get(0).text());

        AudioClip longer = AudioClip.mono(
                TinyModels.SAMPLE_RATE, Signals.sine(TinyModels.LOW_HZ, 0.3, TinyModels.SAMPLE_RATE, 12000));
        assertFalse(classifier.needsWindows(longer), "1.5 clips is still cut");
        assertEquals(Note.Kind.CUT, classifier.classify(longer).notes().get(0).kind());
    }

    @Test
    void windowsCoverTheRecordingEveryHopWithTheTailAligned() {
        assertArrayEquals(new long[] {0, 500, 1000, 1500, 2000, 2500}, Classifier.windowStarts(3500, 1000, 500));
        assertArrayEquals(new long[] {0, 500, 1000, 1500, 2000, 2500, 2700}, Classifier.windowStarts(3700, 1000, 500));
        assertArrayEquals(new long[] {0}, Classifier.windowStarts(800, 1000, 500));
    }

    @Test
    void windowScoresMatchClassifyingEachWindowAlone() {
        float[] samples = recording();
        AudioClip clip = AudioClip.mono(TinyModels.SAMPLE_RATE, samples);
        WindowedScores windows = classifier.classifyWindows(clip, 500, done -> {});
        WindowScores fifth = windows.windows().get(5);
        assertEquals(2500, fifth.startMs());
        assertEquals(3500, fifth.endMs());
        float[] alone = classifier
                .classify(AudioClip.mono(
                        TinyModels.SAMPLE_RATE, java.util.Arrays.copyOfRange(samples, 2500 * 8, 3500 * 8)))
                .scores();
        assertArrayEquals(alone, fifth.scores(), 1e-5f, "batched and single inference agree");
    }

    @Test
    void episodesOfASynthesisedNightMatchItsGroundTruth() {
        AudioClip clip = AudioClip.mono(TinyModels.SAMPLE_RATE, recording());
        assertTrue(classifier.needsWindows(clip));
        WindowedScores result = classifier.classifyWindows(clip, 500, done -> {});
        EpisodeDetector detector = new EpisodeDetector(TinyModels.LABELS, RecognitionSettings.forWindows(1000, 500));
        for (WindowScores w : result.windows()) {
            detector.add(w.startMs(), w.endMs(), w.scores());
        }
        List<Episode> episodes = detector.finish();
        assertEquals(
                List.of("low", "high"), episodes.stream().map(Episode::label).toList(), episodes.toString());
        // ground truth: low 4.0-8.0 s, high 11.0-14.0 s; windows are 1 s every 0.5 s, so edges are within a window
        assertEquals(4000, episodes.get(0).startMs(), 1000);
        assertEquals(8000, episodes.get(0).endMs(), 1000);
        assertEquals(11000, episodes.get(1).startMs(), 1000);
        assertEquals(14000, episodes.get(1).endMs(), 1000);
        assertTrue(episodes.get(1).peak() > 0.8, episodes.toString());
    }

    /** 18 s: quiet, a low tone 4-8 s, quiet, a high tone 11-14 s, quiet. */
    private static float[] recording() {
        int rate = TinyModels.SAMPLE_RATE;
        float[] out = Signals.noise(0.003, 99, 18 * rate);
        add(out, Signals.sine(310, 0.3, rate, 4 * rate), 4 * rate);
        add(out, Signals.sine(1450, 0.2, rate, 3 * rate), 11 * rate);
        return out;
    }

    private static void add(float[] target, float[] part, int at) {
        for (int i = 0; i < part.length; i++) {
            target[at + i] += part[i];
        }
    }

    @Test
    void progressCountsEveryWindow() {
        List<Integer> steps = new ArrayList<>();
        WindowedScores result =
                classifier.classifyWindows(AudioClip.mono(TinyModels.SAMPLE_RATE, recording()), 250, steps::add);
        assertEquals(
                result.windows().size(),
                steps.stream().mapToInt(Integer::intValue).sum());
    }
}
