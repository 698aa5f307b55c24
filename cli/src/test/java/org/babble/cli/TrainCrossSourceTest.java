package org.babble.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.testing.Signals;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code train --cross-source 3} on a folder whose recordings are told apart by design: each "recording" of low and
 * high is a tone at its own pitch, so a fold's model meets pitches it never heard; hum is one recording. The split is
 * TF's hash of the recording's name, and these names put two or more recordings of each class in validation and test.
 * A single fully connected layer is enough to tell these tones apart and keeps the four trainings to seconds.
 */
class TrainCrossSourceTest {
    private static final int RATE = 8000;
    private static final Pattern ROW = Pattern.compile("(?m)^(\\S+)\\s+(unseen recordings|same recording)\\s+(\\d+)\\s+"
            + "(\\d+)\\s+([0-9.]+)\\s+([0-9.]+)\\s+([0-9.]+)$");

    @TempDir
    static Path dir;

    @BeforeAll
    static void writeRecordings() {
        write("low", pitches(250, 12), 4);
        write("high", pitches(1300, 12), 4);
        write("hum", new double[] {110}, 36);
    }

    /** {@code count} pitches a few percent apart, from {@code lowestHz} up: one per recording. */
    private static double[] pitches(double lowestHz, int count) {
        double[] hz = new double[count];
        for (int i = 0; i < count; i++) {
            hz[i] = lowestHz * Math.pow(1.03, i);
        }
        return hz;
    }

    private static void write(String label, double[] pitches, int clips) {
        for (int source = 0; source < pitches.length; source++) {
            for (int i = 0; i < clips; i++) {
                float[] tone = Signals.sine(pitches[source] * (1 + 0.01 * i), 0.3, RATE, RATE);
                float[] noise = Signals.noise(0.01, 31L * source + i, RATE);
                for (int s = 0; s < tone.length; s++) {
                    tone[s] += noise[s];
                }
                WavWriter.write(
                        dir.resolve("data").resolve(label).resolve(label + "-" + source + "_nohash_" + i + ".wav"),
                        AudioClip.mono(RATE, tone));
            }
        }
    }

    /** The quick single_fc training of this folder into {@code trainDir}, with {@code more} flags. */
    private static CliRun train(String trainDir, String... more) {
        List<String> args = new ArrayList<>(List.of(
                "train",
                "--data_dir",
                dir.resolve("data").toString(),
                "--wanted_words",
                "low,high,hum",
                "--sample_rate",
                String.valueOf(RATE),
                "--model_architecture",
                "single_fc",
                "--how_many_training_steps",
                "60,20",
                "--eval_step_interval",
                "40",
                "--batch_size",
                "32",
                "--train_dir",
                dir.resolve(trainDir).toString(),
                "--validation_percentage",
                "20",
                "--testing_percentage",
                "20",
                "--quiet"));
        args.addAll(List.of(more));
        return CliRun.of(args.toArray(String[]::new)).expectExit(ExitCode.OK);
    }

    @Test
    void eachClassSaysHowItWasTestedAndWhatToRecordNext() throws Exception {
        CliRun run = train("train", "--cross-source", "3");
        String out = run.out();
        assertTrue(out.contains("Cross-source (3 folds, 3 of them trained)"), out);
        Matcher rows = ROW.matcher(out);
        int seen = 0;
        while (rows.find()) {
            seen++;
            String label = rows.group(1);
            double recall = Double.parseDouble(rows.group(5));
            switch (label) {
                case "low", "high" -> {
                    assertTrue(
                            rows.group(2).equals("unseen recordings")
                                    && rows.group(3).equals("12")
                                    && rows.group(4).equals("48"),
                            rows.group());
                    // a tone a few percent off the pitches it heard is mostly still low or high: 1.00 and 0.79–0.81
                    // measured (the highest unheard pitches go to silence)
                    assertTrue(recall >= 0.7, rows.group());
                }
                case "hum" ->
                    assertTrue(
                            rows.group(2).equals("same recording")
                                    && rows.group(3).equals("1"),
                            rows.group());
                default -> throw new AssertionError("unexpected row " + rows.group());
            }
        }
        assertTrue(seen == 3, out);
        assertTrue(out.contains("advice: hum: one recording only — record hum on another day"), out);
        assertTrue(out.contains("advice: low: "), out);
        for (int fold = 1; fold <= 3; fold++) {
            assertTrue(
                    Files.isRegularFile(dir.resolve("train/cross-source/fold-" + fold + "/best.zip")), "fold " + fold);
        }
    }

    @Test
    void evaluateRepeatsTheRunsCrossSourceFromItsCheckpointAndSaysItInJson() throws Exception {
        CliRun trained = train("train-xs", "--cross-source", "3");
        Path tmp = Path.of(System.getProperty("java.io.tmpdir"));
        List<Path> before = scratchFolders(tmp);
        CliRun evaluated = CliRun.of(
                        "evaluate",
                        "--model",
                        dir.resolve("train-xs").toString(),
                        "--data_dir",
                        dir.resolve("data").toString(),
                        "--cross-source",
                        "3",
                        "--format",
                        "json",
                        "--quiet")
                .expectExit(ExitCode.OK);
        JsonNode json = new ObjectMapper().readTree(evaluated.out());
        assertEquals(3, json.get("folds").asInt());
        assertEquals(3, json.get("trained_folds").asInt());
        Matcher rows = ROW.matcher(trained.out());
        int matched = 0;
        for (JsonNode c : json.get("classes")) {
            assertTrue(rows.find(), trained.out());
            assertEquals(rows.group(1), c.get("label").asText());
            assertEquals(rows.group(2), c.get("tested_on").asText());
            assertEquals(Integer.parseInt(rows.group(4)), c.get("clips").asInt());
            // the same configuration and seed train the same fold models: train's table to its three decimals
            assertEquals(Double.parseDouble(rows.group(5)), c.get("recall").asDouble(), 5e-4, c.toString());
            assertEquals(Double.parseDouble(rows.group(7)), c.get("f1").asDouble(), 5e-4, c.toString());
            assertTrue(c.get("advice").asText().startsWith(c.get("label").asText() + ": "), c.toString());
            matched++;
        }
        assertEquals(3, matched);
        assertEquals(5, json.get("unseen_confusion").get("labels").size(), "silence, unknown and the three words");
        // each mistaken recording's wrong calls are cells off the diagonal of the unseen confusion, so per class they
        // add up to at most its row's mistakes
        List<String> labels = new ArrayList<>();
        json.get("unseen_confusion").get("labels").forEach(l -> labels.add(l.asText()));
        JsonNode counts = json.get("unseen_confusion").get("counts");
        for (JsonNode m : json.get("mistaken_recordings")) {
            int truth = labels.indexOf(m.get("label").asText());
            int calledAs = labels.indexOf(m.get("called_as").asText());
            assertTrue(truth >= 0 && calledAs >= 0 && truth != calledAs, m.toString());
            assertTrue(
                    m.get("called").asInt() >= 1
                            && m.get("called").asInt() <= m.get("clips").asInt(),
                    m.toString());
            assertTrue(
                    m.get("called").asInt() <= counts.get(truth).get(calledAs).asInt(), m.toString());
        }
        assertEquals(before, scratchFolders(tmp), "the fold models are deleted afterwards");
    }

    private static List<Path> scratchFolders(Path tmp) throws IOException {
        try (Stream<Path> list = Files.list(tmp)) {
            return list.filter(p -> p.getFileName().toString().startsWith("babble-cross-source"))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void oneFoldIsAUsageError() {
        CliRun run = CliRun.of("train", "--data_dir", dir.resolve("data").toString(), "--cross-source", "1")
                .expectExit(ExitCode.USAGE);
        assertTrue(run.err().contains("--cross-source takes at least 2 folds"), run.err());
    }
}
