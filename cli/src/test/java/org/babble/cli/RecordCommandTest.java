package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.WavReader;
import org.babble.core.capture.CaptureDevices;
import org.babble.testing.SharedData;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecordCommandTest {
    @TempDir
    Path dir;

    private static List<Path> wavs(Path folder) throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.filter(p -> p.toString().endsWith(".wav")).sorted().toList();
        }
    }

    @Test
    void replayingA24BitNightGivesSixChunksThatJoinBackExactly() throws IOException {
        Path night = SharedData.require("raw/night-2-24bit.wav");
        Path out = dir.resolve("out");
        CliRun run = CliRun.of(
                        "record",
                        "--from",
                        night.toString(),
                        "--speed",
                        "max",
                        "--chunk",
                        "10s",
                        "--out",
                        out.toString(),
                        "--start-time",
                        "2026-11-21T03:58:24")
                .expectExit(ExitCode.OK);
        List<Path> chunks = wavs(out);
        assertEquals(6, chunks.size(), run.err());
        assertEquals("2026-11-21T03-58-24.wav", chunks.get(0).getFileName().toString());
        assertEquals("2026-11-21T03-59-14.wav", chunks.get(5).getFileName().toString());
        assertEquals(
                chunks.stream().map(Path::toString).toList(), run.out().lines().toList(), "stdout lists the chunks");

        float[] source = WavReader.read(night).clip().channel(0);
        float[] joined = new float[source.length];
        int at = 0;
        for (Path chunk : chunks) {
            DecodedWav decoded = WavReader.read(chunk);
            assertEquals(24, decoded.format().bitsPerSample(), chunk + " keeps 24 bits");
            assertEquals(44100, decoded.format().sampleRate());
            AudioClip clip = decoded.clip();
            System.arraycopy(clip.channel(0), 0, joined, at, clip.frames());
            at += clip.frames();
        }
        assertEquals(source.length, at, "no frame lost or added");
        assertArrayEquals(source, joined, "the chunks' samples are the source's samples");
    }

    @Test
    void keepLeavesTheNewestChunksAndTheUsersFiles() throws IOException {
        Path night = SharedData.require("raw/night-2-24bit.wav");
        Path out = Files.createDirectories(dir.resolve("keep"));
        Files.write(out.resolve("my-recording.wav"), new byte[] {1});
        CliRun.of(
                        "record",
                        "--from",
                        night.toString(),
                        "--speed",
                        "max",
                        "--chunk",
                        "10s",
                        "--out",
                        out.toString(),
                        "--start-time",
                        "2026-11-21T03:58:24",
                        "--keep",
                        "2",
                        "--count",
                        "4")
                .expectExit(ExitCode.OK);
        assertEquals(
                List.of("2026-11-21T03-58-44.wav", "2026-11-21T03-58-54.wav", "my-recording.wav"),
                wavs(out).stream().map(p -> p.getFileName().toString()).toList());
    }

    @Test
    void withoutAMicrophoneItSaysSoPlainly() {
        assumeTrue(
                CaptureDevices.list().isEmpty(),
                "this machine has a capture device; the no-device path cannot be seen");
        CliRun run = CliRun.of("record", "--out", dir.resolve("x").toString()).expectExit(ExitCode.FAILED);
        assertTrue(run.err().startsWith("babble: no capture device found"), run.err());
        assertTrue(run.err().contains("--from FILE"), "says what to do: " + run.err());
        assertEquals(1, run.err().lines().count(), "one line, no stack trace: " + run.err());
        assertFalse(Files.exists(dir.resolve("x").resolve("2026")), "nothing written");
        CliRun list = CliRun.of("record", "--list-devices").expectExit(ExitCode.FAILED);
        assertTrue(list.err().startsWith("babble: no capture device found"), list.err());
    }

    @Test
    void badCommandLinesAreUsageErrors() {
        assertTrue(CliRun.of("record").expectExit(ExitCode.USAGE).err().contains("--out"));
        assertTrue(CliRun.of("record", "--out", dir.toString(), "--from", "x.wav", "--speed", "2")
                .expectExit(ExitCode.USAGE)
                .err()
                .contains("--speed"));
        assertTrue(CliRun.of("record", "--out", dir.toString(), "--chunk", "0s")
                .expectExit(ExitCode.USAGE)
                .err()
                .contains("chunk"));
        assertTrue(CliRun.of("record", "--out", dir.toString(), "--chunk", "ten")
                .expectExit(ExitCode.USAGE)
                .err()
                .contains("not a duration"));
    }

    @Test
    void aMissingReplayFileIsOneClearLine() {
        CliRun run = CliRun.of("record", "--from", dir.resolve("nope.wav").toString(), "--out", dir.toString())
                .expectExit(ExitCode.FAILED);
        assertTrue(run.err().startsWith("babble: " + dir.resolve("nope.wav") + ": no such file"), run.err());
    }
}
