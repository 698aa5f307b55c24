package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.WavReader;
import org.babble.core.audio.WavWriter;
import org.babble.testing.SharedData;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelCommandTest {
    @TempDir
    Path dir;

    /** Clips per label folder. */
    private static Map<String, Integer> counts(Path out) throws IOException {
        Map<String, Integer> counts = new TreeMap<>();
        try (Stream<Path> files = Files.walk(out)) {
            files.filter(p -> p.getFileName().toString().endsWith(".wav"))
                    .forEach(p -> counts.merge(p.getParent().getFileName().toString(), 1, Integer::sum));
        }
        return counts;
    }

    /** What the CSV says: each row gives floor((length - clip) / hop) + 1 clips, none when shorter than a clip. */
    private static Map<String, Integer> expectedFrom(Path csv, double clip, double hop) throws IOException {
        Map<String, Integer> expected = new TreeMap<>();
        for (String line :
                Files.readAllLines(csv).subList(1, Files.readAllLines(csv).size())) {
            String[] f = line.split(",");
            double length = Double.parseDouble(f[1]) - Double.parseDouble(f[0]);
            int n = length < clip ? 0 : (int) Math.floor((length - clip) / hop + 1e-9) + 1;
            expected.merge(f[2], n, Integer::sum);
        }
        return expected;
    }

    @Test
    void cuttingNightOneByItsCsvGivesTheCountsTheCsvDescribes() throws IOException {
        Path csv = SharedData.require("raw/night-1.csv");
        Path wav = SharedData.require("raw/night-1.wav");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(
                        "label",
                        "--annotations",
                        csv.toString(),
                        wav.toString(),
                        "--clip",
                        "5s",
                        "--out",
                        out.toString())
                .expectExit(ExitCode.OK);
        Map<String, Integer> expected = expectedFrom(csv, 5, 5);
        assertEquals(
                Map.of("crying", 5, "laughing", 3, "noise", 4, "room_empty", 12), expected, "the CSV as read here");
        assertEquals(expected, counts(out));
        assertTrue(run.out().contains("room_empty     12"), run.out());
        DecodedWav clip = WavReader.read(out.resolve("crying/night-1_nohash_7.wav"));
        assertEquals(48000 * 5, clip.clip().frames());
        assertEquals(2, clip.format().channels(), "the recording's channels are kept");
        assertEquals(16, clip.format().bitsPerSample());
    }

    @Test
    void hopAndMonoAndJson() throws IOException {
        Path csv = SharedData.require("raw/night-1.csv");
        Path wav = SharedData.require("raw/night-1.wav");
        Path out = dir.resolve("hop");
        CliRun run = CliRun.of(
                        "label",
                        "--annotations",
                        csv.toString(),
                        wav.toString(),
                        "--clip",
                        "5s",
                        "--hop",
                        "2.5s",
                        "--channels",
                        "1",
                        "--out",
                        out.toString(),
                        "--format",
                        "json")
                .expectExit(ExitCode.OK);
        Map<String, Integer> expected = expectedFrom(csv, 5, 2.5);
        assertEquals(expected, counts(out));
        assertTrue(run.out().startsWith("{\"labels\":{\"room_empty\":" + expected.get("room_empty")), run.out());
        assertEquals(
                1,
                WavReader.read(out.resolve("room_empty/night-1_nohash_0.wav"))
                        .format()
                        .channels());
    }

    @Test
    void remaindersAreReportedNotSilentlyLost() throws IOException {
        Path wav = dir.resolve("night.wav");
        WavWriter.write(wav, AudioClip.mono(8000, Signals.noise(0.1, 5, 8000 * 10)));
        Path csv = Files.writeString(dir.resolve("night.txt"), "0\t3.5\tcrying\n3.5\t4\tnoise\n");
        CliRun run = CliRun.of(
                        "label",
                        "--annotations",
                        csv.toString(),
                        wav.toString(),
                        "--clip",
                        "1s",
                        "--out",
                        dir.resolve("out").toString())
                .expectExit(ExitCode.OK);
        assertEquals(Map.of("crying", 3), counts(dir.resolve("out")));
        assertTrue(run.err().contains("1.0 s of annotated audio left unused"), run.err());
        assertTrue(run.err().contains("1 range(s) shorter than a clip gave none (lines 2)"), run.err());
    }

    @Test
    void interactiveFromPipedKeysWithUndoAndResume() throws IOException {
        Path clips = dir.resolve("clips");
        for (String name : List.of("one", "two", "three")) {
            WavWriter.write(clips.resolve(name + ".wav"), AudioClip.mono(16000, Signals.sine(440, 0.2, 16000, 8000)));
        }
        Path out = dir.resolve("data");
        String[] args = {
            "label",
            "--interactive",
            clips.toString(),
            "--labels",
            "crying,room_empty",
            "--out",
            out.toString(),
            "--no-play"
        };
        CliRun first = CliRun.withStdin("1\nu\n2\nq\n", args);
        first.expectExit(ExitCode.OK);
        assertEquals(Map.of("room_empty", 1), counts(out));
        assertTrue(
                first.err().lines().anyMatch(l -> l.strip().matches("level [\u2581-\u2588]{60}")),
                "sparkline: " + first.err());
        assertTrue(first.err().contains("2 clip(s) left"), first.err());
        CliRun second = CliRun.withStdin("1\n1\n", args).expectExit(ExitCode.OK);
        assertTrue(second.err().contains("resuming: 1 decided before, 2 to go"), second.err());
        assertEquals(Map.of("crying", 2, "room_empty", 1), counts(out));
        assertTrue(second.out().contains("(remaining)      0"), second.out());
        assertTrue(Files.exists(clips.resolve("one.wav")), "inputs are copied, not moved");
    }

    @Test
    void usageErrors() {
        assertTrue(CliRun.of("label", "--out", dir.toString())
                .expectExit(ExitCode.USAGE)
                .err()
                .contains("--annotations"));
        CliRun.of("label", "--annotations", "a.csv", "--out", dir.toString()).expectExit(ExitCode.USAGE);
        CliRun.of("label", "--interactive", dir.toString(), "--out", dir.toString())
                .expectExit(ExitCode.USAGE);
        CliRun.of("label", "--interactive", dir.toString(), "--labels", "a/b", "--out", dir.toString())
                .expectExit(ExitCode.USAGE);
        CliRun.of("label", "--annotations", "a.csv", "x.wav", "--channels", "2", "--out", dir.toString())
                .expectExit(ExitCode.USAGE);
    }

    @Test
    void aMissingAnnotationsFileIsOneClearLine() {
        CliRun run = CliRun.of(
                        "label", "--annotations", dir.resolve("no.csv").toString(), "x.wav", "--out", dir.toString())
                .expectExit(ExitCode.FAILED);
        assertTrue(run.err().startsWith("babble: " + dir.resolve("no.csv") + ": no such file"), run.err());
    }
}
