package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.testing.SharedData;
import org.babble.testing.Signals;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code babble stats}: sox's report per file, bad files reported in one line without stopping the others. */
class StatsCommandTest {
    @TempDir
    Path dir;

    private Path tone;
    private Path notAudio;

    @BeforeEach
    void files() throws IOException {
        tone = dir.resolve("tone.wav");
        // half-scale 1 kHz at 16 kHz: peak exactly -6.02 dBFS, RMS -9.03 dBFS
        WavWriter.write(tone, AudioClip.mono(16000, Signals.sine(1000, 0.5, 16000, 16000)));
        notAudio = dir.resolve("notes.wav");
        Files.writeString(notAudio, "shopping list: nappies\n");
    }

    @Test
    void printsSoxsReportForOneFile() {
        CliRun run = CliRun.of("stats", tone.toString()).expectExit(0);
        assertTrue(run.out().startsWith("DC offset "), run.out());
        assertTrue(run.out().contains("Pk lev dB      -6.02\n"), run.out());
        assertTrue(run.out().contains("RMS lev dB     -9.03\n"), run.out());
        assertTrue(run.out().contains("Num samples    16.0k\n"), run.out());
        assertTrue(run.out().contains("Sample rate    16000\n"), run.out());
        assertEquals("", run.err());
    }

    @Test
    void aBadFileIsReportedInOneLineAndTheGoodOneStillMeasured() {
        CliRun run = CliRun.of("stats", notAudio.toString(), tone.toString()).expectExit(ExitCode.FAILED);
        assertTrue(run.out().contains("== " + tone + " (16-bit PCM, 1 ch, 16000 Hz)"), run.out());
        assertTrue(run.out().contains("Pk lev dB      -6.02"), run.out());
        assertFalse(run.out().contains(notAudio.toString()), "results only on stdout");
        List<String> errLines = Arrays.asList(run.err().split("\n"));
        List<String> aboutBad =
                errLines.stream().filter(l -> l.contains(notAudio.toString())).toList();
        assertEquals(
                List.of("babble: " + notAudio + ": not a WAV file: it looks like a text file (\"shopping list:"
                        + " nappies\") — convert it to WAV first (e.g. ffmpeg -i IN -c:a pcm_s16le OUT.wav)"),
                aboutBad);
        assertEquals(
                List.of("babble: stats: 1 of 2 files failed"),
                errLines.stream().filter(l -> !l.contains(notAudio.toString())).toList());
        assertFalse(run.err().contains("Exception") || run.err().contains("\tat "), "no stack trace: " + run.err());
    }

    @Test
    void jsonParsesAndCarriesTheFiguresAndTheFailures() throws IOException {
        CliRun run = CliRun.of("stats", "--format", "json", tone.toString(), notAudio.toString())
                .expectExit(ExitCode.FAILED);
        JsonNode doc = new ObjectMapper().readTree(run.out());
        JsonNode report = doc.get("files").get(0);
        assertEquals(tone.toString(), report.get("file").asText());
        assertEquals(16000, report.get("sampleRate").asInt());
        assertEquals(1, report.get("channels").asInt());
        assertEquals(16000, report.get("samples").asLong());
        assertEquals(-6.0206, report.get("overall").get("peakLevelDb").asDouble(), 1e-3);
        assertEquals(-9.0309, report.get("overall").get("rmsLevelDb").asDouble(), 1e-3);
        assertEquals(1, report.get("perChannel").size());
        assertEquals(notAudio.toString(), doc.get("failures").get(0).get("file").asText());
        assertTrue(doc.get("failures").get(0).get("problem").asText().startsWith("not a WAV file"));
    }

    @Test
    void csvHasAnOverallRowAndOneRowPerChannel() {
        CliRun run = CliRun.of(
                        "stats",
                        "--format",
                        "csv",
                        SharedData.require("raw/night-1.wav").toString())
                .expectExit(0);
        List<String> lines = run.out().lines().toList();
        assertEquals(4, lines.size(), run.out());
        assertTrue(lines.get(1).contains(",overall,48000,5760000,120.0,"), lines.get(1));
        assertTrue(lines.get(3).contains(",2,48000,"), lines.get(3));
    }

    @Test
    void stereoNightMatchesSoxsLayout() {
        CliRun run = CliRun.of("stats", SharedData.require("raw/night-1.wav").toString())
                .expectExit(0);
        // sox 14.4.2: sox ../shared/data/raw/night-1.wav -n stats
        assertTrue(
                run.out()
                        .startsWith("             Overall     Left      Right\n"
                                + "DC offset  -0.000020 -0.000020 -0.000020\n"),
                run.out());
        assertTrue(run.out().contains("RMS lev dB    -15.03    -15.03    -15.03\n"), run.out());
        assertTrue(run.out().contains("Pk count        9.50        10         9\n"), run.out());
    }

    @Test
    void aFileThatIsNotThereIsABadFileToo() {
        CliRun run = CliRun.of("stats", dir.resolve("missing.wav").toString()).expectExit(ExitCode.FAILED);
        assertEquals("babble: " + dir.resolve("missing.wav") + ": no such file — check the path\n", run.err());
    }

    @Test
    void noFileIsAUsageError() {
        CliRun.of("stats").expectExit(ExitCode.USAGE);
    }
}
