package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.RunInfo;
import org.babble.core.monitor.store.RunRecorder;
import org.babble.core.monitor.store.Verdicts;
import org.babble.testing.Signals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code babble label --review}: the detections monitor kept, sorted by a verdict file into the data folder (right ones
 * to their label, wrong ones to {@code _hard_negative_/}), copied unless {@code --move}, the kept audio left intact.
 */
class LabelReviewTest {
    @TempDir
    Path dir;

    Path kept;
    Path data;

    @BeforeEach
    void keepThreeEpisodes() {
        kept = dir.resolve("kept");
        data = dir.resolve("data");
        // As monitor --keep-audio writes them: kept/<label>/<episode>_nohash_<piece>.wav
        clip("crying", "20261120T210008_nohash_0.wav", 1);
        clip("crying", "20261120T210008_nohash_1.wav", 2);
        clip("crying", "20261120T213000_nohash_0.wav", 3);
        clip("crying", "20261120T220000_nohash_0.wav", 4);
        clip("laughing", "20261120T230000_nohash_0.wav", 5);
    }

    private void clip(String label, String name, long seed) {
        WavWriter.write(kept.resolve(label).resolve(name), AudioClip.mono(8000, Signals.noise(0.1, seed, 800)));
    }

    /** label --review over the kept clips with these verdict rows, sorting into the data folder. */
    private CliRun review(String verdictRows, String... more) throws IOException {
        Path verdicts = dir.resolve("verdicts.csv");
        Files.writeString(verdicts, verdictRows);
        List<String> args = new java.util.ArrayList<>(List.of(
                "label", "--review", kept.toString(), "--verdicts", verdicts.toString(), "--out", data.toString()));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new));
    }

    private List<String> files(Path folder) throws IOException {
        if (!Files.isDirectory(folder)) {
            return List.of();
        }
        try (Stream<Path> list = Files.list(folder)) {
            return list.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    @Test
    void wrongDetectionsBecomeHardNegativesAndRightOnesJoinTheirLabel() throws IOException {
        byte[] original = Files.readAllBytes(kept.resolve("crying/20261120T210008_nohash_0.wav"));
        CliRun run = review("file,verdict\n20261120T210008,wrong\ncrying/20261120T213000_nohash_0.wav,right\n"
                        + "20261120T230000_nohash_0.wav,wrong\n")
                .expectExit(0);
        assertEquals(
                List.of("20261120T210008_nohash_0.wav", "20261120T210008_nohash_1.wav", "20261120T230000_nohash_0.wav"),
                files(data.resolve("_hard_negative_")));
        assertEquals(List.of("20261120T213000_nohash_0.wav"), files(data.resolve("crying")));
        assertEquals(List.of(), files(data.resolve("laughing")));
        assertArrayEquals(original, Files.readAllBytes(data.resolve("_hard_negative_/20261120T210008_nohash_0.wav")));
        assertEquals(4, files(kept.resolve("crying")).size(), "copied, not moved: the kept audio is intact");
        assertTrue(run.out().contains("1 clip without a verdict"), run.out());
    }

    @Test
    void moveTakesThemOutOfTheKeptFolderAndANamedLabelReplacesTheHardNegativeFolder() throws IOException {
        review("20261120T220000,n\n", "--move", "--hard-negative-label", "noise")
                .expectExit(0);
        assertEquals(List.of("20261120T220000_nohash_0.wav"), files(data.resolve("noise")));
        assertEquals(3, files(kept.resolve("crying")).size());
    }

    @Test
    void aVerdictThatNamesNoClipIsOneLineAndTheOthersAreStillSorted() throws IOException {
        CliRun run = review("nosuch,wrong\n20261120T220000,wrong\n").expectExit(ExitCode.FAILED);
        assertTrue(run.err().contains("line 1: 'nosuch' names no clip"), run.err());
        assertEquals(List.of("20261120T220000_nohash_0.wav"), files(data.resolve("_hard_negative_")));
    }

    @Test
    void aVerdictOtherThanRightOrWrongNamesItsLine() throws IOException {
        CliRun run = review("20261120T220000,maybe\n").expectExit(ExitCode.FAILED);
        assertTrue(run.err().contains("line 1: verdict 'maybe' is neither right nor wrong"), run.err());
        assertTrue(Files.notExists(data));
        CliRun.of("label", "--review", kept.toString(), "--out", data.toString())
                .expectExit(ExitCode.USAGE);
    }

    @Test
    void theVerdictsGivenOnTheWebPageSortTheKeptAudioStraightFromTheDatabase() throws IOException {
        Path db = dir.resolve("babble.db");
        Instant t0 = Instant.parse("2026-11-20T21:00:08Z");
        try (MonitorDatabase database = MonitorDatabase.openForWriting(db)) {
            RunRecorder run = database.startRun(
                    new RunInfo("m.babble", List.of("_silence_", "_unknown_", "crying", "laughing"), "", "{}", t0));
            long wrong = run.openEpisode("crying", t0, 0.9);
            run.keptAudio(
                    wrong,
                    List.of(
                            kept.resolve("crying/20261120T210008_nohash_0.wav"),
                            kept.resolve("crying/20261120T210008_nohash_1.wav")));
            long right = run.openEpisode("laughing", t0.plusSeconds(60), 0.9);
            run.keptAudio(right, List.of(kept.resolve("laughing/20261120T230000_nohash_0.wav")));
            run.openEpisode("crying", t0.plusSeconds(120), 0.9); // no verdict: stays where it is
            run.finish(t0.plusSeconds(180), "end of input");
        }
        CliRun none = CliRun.of(
                        "label", "--review", kept.toString(), "--verdicts", db.toString(), "--out", data.toString())
                .expectExit(ExitCode.FAILED);
        assertTrue(none.err().contains("no episode with kept audio has a verdict"), none.err());
        try (MonitorDatabase database = MonitorDatabase.openForReviewing(db)) {
            Verdicts.mark(database, 1, org.babble.core.monitor.store.Verdict.FALSE_ALARM, t0);
            Verdicts.mark(database, 2, org.babble.core.monitor.store.Verdict.RIGHT, t0);
        }
        Path moved = dir.resolve("kept-moved");
        Files.move(kept, moved); // the folder may move between the night and the review
        CliRun.of("label", "--review", moved.toString(), "--verdicts", db.toString(), "--out", data.toString())
                .expectExit(0);
        assertEquals(
                List.of("20261120T210008_nohash_0.wav", "20261120T210008_nohash_1.wav"),
                files(data.resolve("_hard_negative_")));
        assertEquals(List.of("20261120T230000_nohash_0.wav"), files(data.resolve("laughing")));
        assertEquals(List.of(), files(data.resolve("crying")));
    }
}
