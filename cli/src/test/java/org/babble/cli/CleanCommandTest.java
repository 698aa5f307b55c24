package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.Gain;
import org.babble.core.audio.WavReader;
import org.babble.core.audio.WavWriter;
import org.babble.testing.SharedData;
import org.babble.testing.Signals;
import org.babble.testing.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class CleanCommandTest {
    @TempDir
    Path tmp;

    private static Map<Path, String> sha256(List<Path> files) throws IOException, NoSuchAlgorithmException {
        Map<Path, String> sums = new LinkedHashMap<>();
        for (Path file : files) {
            sums.put(
                    file,
                    HexFormat.of()
                            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(file))));
        }
        return sums;
    }

    private static List<String> names(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            return files.map(p -> p.getFileName().toString()).sorted().toList();
        }
    }

    /** A mono 16 kHz WAV of {@code seconds} of a 440 Hz sine at amplitude 0.2, written into the temp folder. */
    private Path sine(String name, double seconds) {
        Path file = tmp.resolve("in").resolve(name);
        WavWriter.write(file, AudioClip.mono(16000, Signals.sine(440, 0.2, 16000, (int) Math.round(seconds * 16000))));
        return file;
    }

    @Test
    void nightOneBecomesTwelveTenSecondClips() throws Exception {
        Path night = SharedData.require("raw/night-1.wav");
        Map<Path, String> before = sha256(List.of(night));
        Path out = tmp.resolve("OUT");
        CliRun run = CliRun.of(
                        "clean",
                        night.toString(),
                        "--segment",
                        "10s",
                        "--rate",
                        "22050",
                        "--normalize",
                        "-1dBFS",
                        "--label",
                        "night",
                        "--out",
                        out.toString())
                .expectExit(ExitCode.OK);
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            expected.add("night-1_nohash_" + i + ".wav");
        }
        assertEquals(expected.stream().sorted().toList(), names(out.resolve("night")));
        for (String name : expected) {
            AudioClip clip = WavReader.read(out.resolve("night").resolve(name)).clip();
            assertEquals(22050, clip.sampleRate(), name);
            assertEquals(1, clip.channelCount(), name);
            assertEquals(220500, clip.frames(), name);
            assertEquals(-1, 20 * Math.log10(Gain.peak(clip.channel(0))), 0.01, name + " peak");
        }
        assertTrue(run.out().contains("1 file in, 12 clips out, 0 padded, 0 dropped, 0 clipped"), run.out());
        assertEquals(before, sha256(List.of(night)), "inputs unchanged");
    }

    @Test
    void theTalksLoopOnAFolderGivesExactLengthsAndCountsClipping() throws Exception {
        Path folder = SharedData.require("cries/tired");
        List<Path> inputs;
        try (Stream<Path> files = Files.list(folder)) {
            inputs = files.sorted().toList();
        }
        Map<Path, String> before = sha256(inputs);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of(
                        "clean",
                        folder.toString(),
                        "--trim",
                        "0,10s",
                        "--gain",
                        "45dB",
                        "--rate",
                        "22050",
                        "--out",
                        out.toString())
                .expectExit(ExitCode.OK);
        List<String> written = names(out);
        assertEquals(inputs.size(), written.size(), written::toString);
        for (Path input : inputs) {
            String stem = input.getFileName().toString().replaceFirst("\\.wav$", "");
            AudioClip clip = WavReader.read(out.resolve(stem + "_nohash_0.wav")).clip();
            assertEquals(220500, clip.frames(), "exactly 10 s at 22050 Hz");
        }
        assertTrue(
                run.out()
                        .contains(inputs.size() + " files in, " + inputs.size() + " clips out, " + inputs.size()
                                + " padded"),
                "the ~7 s cries are all padded: " + run.out());
        assertTrue(run.err().contains("of samples clipped"), "45 dB clips phone recordings: " + run.err());
        assertEquals(before, sha256(inputs), "inputs unchanged");
    }

    @Test
    void aBadFileIsReportedAndTheGoodOnesAreStillWritten() throws Exception {
        Path good1 = sine("a.wav", 3);
        Path good2 = sine("b.wav", 2);
        Path bad = tmp.resolve("in").resolve("notes.wav");
        Files.writeString(bad, "this is not audio\n");
        Map<Path, String> before = sha256(List.of(good1, good2, bad));
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of("clean", tmp.resolve("in").toString(), "--duration", "1s", "--out", out.toString())
                .expectExit(ExitCode.FAILED);
        assertEquals(List.of("a_nohash_0.wav", "b_nohash_0.wav"), names(out));
        assertTrue(run.err().contains("notes.wav") && run.err().contains("not a WAV file"), run.err());
        assertTrue(
                run.out().contains("3 files in, 2 clips out, 0 padded, 0 dropped, 0 clipped (0 samples), 1 failed"),
                run.out());
        assertEquals(before, sha256(List.of(good1, good2, bad)));
    }

    @Test
    void brokenFilesFromTheFieldFailOneByOne() {
        Path odd = SharedData.require("odd");
        CliRun run = CliRun.of(
                        "clean",
                        odd.resolve("empty.wav").toString(),
                        odd.resolve("android-3gp-renamed.wav").toString(),
                        odd.resolve("short-1500ms.wav").toString(),
                        "--out",
                        tmp.resolve("out").toString())
                .expectExit(ExitCode.FAILED);
        assertTrue(run.out().contains("3 files in, 1 clip out") && run.out().contains("2 failed"), run.out());
    }

    @Test
    void segmentingPadsOrDropsTheShortLastPiece() throws Exception {
        Path in = sine("long.wav", 25);
        Path padded = tmp.resolve("padded");
        CliRun.of("clean", in.toString(), "--segment", "10s", "--duration", "10s", "--out", padded.toString())
                .expectExit(ExitCode.OK);
        assertEquals(List.of("long_nohash_0.wav", "long_nohash_1.wav", "long_nohash_2.wav"), names(padded));
        assertEquals(
                160000,
                WavReader.read(padded.resolve("long_nohash_2.wav")).clip().frames());
        Path dropped = tmp.resolve("dropped");
        CliRun run = CliRun.of("clean", in.toString(), "--segment", "10s", "--drop-short", "--out", dropped.toString())
                .expectExit(ExitCode.OK);
        assertEquals(List.of("long_nohash_0.wav", "long_nohash_1.wav"), names(dropped));
        assertTrue(run.out().contains("2 clips out, 0 padded, 1 dropped"), run.out());
    }

    @Test
    void concatJoinsInputsBeforeCutting() throws Exception {
        Path a = sine("a.wav", 5);
        Path b = sine("b.wav", 5);
        Path out = tmp.resolve("out");
        CliRun.of("clean", a.toString(), b.toString(), "--concat", "--segment", "4s", "--out", out.toString())
                .expectExit(ExitCode.OK);
        assertEquals(List.of("batch_nohash_0.wav", "batch_nohash_1.wav", "batch_nohash_2.wav"), names(out));
        assertEquals(
                32000, WavReader.read(out.resolve("batch_nohash_2.wav")).clip().frames(), "4 + 4 + 2 s");
    }

    @Test
    void quotedPatternsAreExpanded() throws Exception {
        sine("x1.wav", 1);
        sine("x2.wav", 1);
        sine("y.wav", 1);
        Path out = tmp.resolve("out");
        CliRun.of("clean", tmp.resolve("in").toString() + "/x*.wav", "--out", out.toString())
                .expectExit(ExitCode.OK);
        assertEquals(List.of("x1_nohash_0.wav", "x2_nohash_0.wav"), names(out));
    }

    @Test
    void dryRunListsButWritesNothing() throws Exception {
        Path in = sine("a.wav", 3);
        Path out = tmp.resolve("out");
        CliRun run = CliRun.of(
                        "clean", in.toString(), "--segment", "1s", "--dry-run", "--label", "x", "--out", out.toString())
                .expectExit(ExitCode.OK);
        assertFalse(Files.exists(out), "nothing written");
        assertTrue(run.out().contains("would write " + out.resolve("x").resolve("a_nohash_2.wav")), run.out());
        assertTrue(run.out().contains("3 clips would be written"), run.out());
    }

    @Test
    void sameNamesFromTwoFoldersAreRefusedNotOverwritten() throws Exception {
        sine("a.wav", 1);
        Path other = tmp.resolve("other").resolve("a.wav");
        WavWriter.write(other, AudioClip.mono(8000, new float[8000]));
        CliRun run = CliRun.of(
                        "clean",
                        tmp.resolve("in").resolve("a.wav").toString(),
                        other.toString(),
                        "--out",
                        tmp.resolve("out").toString())
                .expectExit(ExitCode.FAILED);
        assertTrue(run.err().contains("same name"), run.err());
    }

    @Test
    void anOutputThatWouldReplaceAnInputIsRefused() throws Exception {
        Path plain = sine("x.wav", 1);
        Path alreadyCut = sine("x_nohash_0.wav", 1);
        Map<Path, String> before = sha256(List.of(plain, alreadyCut));
        CliRun run = CliRun.of(
                        "clean",
                        plain.toString(),
                        alreadyCut.toString(),
                        "--gain",
                        "6dB",
                        "--out",
                        tmp.resolve("in").toString())
                .expectExit(ExitCode.FAILED);
        assertTrue(run.err().contains("is one of the inputs"), run.err());
        assertTrue(
                Files.exists(tmp.resolve("in").resolve("x_nohash_0_nohash_0.wav")), "the other input is still cleaned");
        assertEquals(before, sha256(List.of(plain, alreadyCut)), "inputs unchanged");
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(
            strings = {
                "--segment=10x",
                "--duration=-1s",
                "--gain=loud",
                "--normalize=3dBFS",
                "--trim=5s",
                "--trim=0,0s",
                "--channels=both",
                "--label=a/b",
                "--rate=12",
                "--jobs=0"
            })
    void badValuesAreUsageErrors(String option) {
        CliRun run =
                CliRun.of("clean", "x.wav", "--out", tmp.toString(), option).expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains(option.substring(0, option.indexOf('='))), "names the option: " + run.err());
    }

    @Test
    void trimAndDurationTogetherIsAUsageError() {
        CliRun run = CliRun.of("clean", "x.wav", "--out", tmp.toString(), "--trim", "0,1s", "--duration", "1s")
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("--trim and --duration"), run.err());
        CliRun.of("clean", "x.wav").expectExit(ExitCode.USAGE);
    }

    @Test
    void aFullDiskStopsTheBatchAtTheFirstFileWithOneLineNamingTheFolder() throws Exception {
        for (int i = 0; i < 20; i++) {
            sine("clip" + i + ".wav", 1);
        }
        try (SmallDisk disk = SmallDisk.mount(tmp, 96)) {
            CliRun run = CliRun.of(
                            "clean",
                            tmp.resolve("in").toString(),
                            "--out",
                            disk.folder().toString(),
                            "--jobs",
                            "1")
                    .expectExit(ExitCode.FAILED);
            assertEquals(1, run.err().lines().count(), run.err());
            assertTrue(run.err().startsWith("babble: " + disk.folder().toAbsolutePath() + ": disk full"), run.err());
            assertTrue(names(disk.folder()).size() < 20, "stopped before the end");
            assertTrue(names(disk.folder()).stream().noneMatch(n -> n.endsWith(".part")), "no half-written clip");
        }
        assertEquals(20, names(tmp.resolve("in")).size(), "inputs untouched");
    }
}
