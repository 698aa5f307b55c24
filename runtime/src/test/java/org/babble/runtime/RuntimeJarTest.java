package org.babble.runtime;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.jar.JarFile;
import org.babble.cli.Cli;
import org.babble.cli.ExitCode;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.features.FeatureLayout;
import org.babble.core.frozen.FrozenModelWriter;
import org.babble.core.model.Architecture;
import org.babble.core.model.ModelShape;
import org.babble.testing.TinyModels;
import org.deeplearning4j.nn.multilayer.MultiLayerNetwork;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.nd4j.linalg.learning.config.Adam;

/**
 * {@code babble-runtime.jar}, run alone in a child JVM with no ND4J, DL4J or JavaCPP class anywhere, scores the default
 * networks as the full build in this JVM does, clips and recordings alike, and says in one line what it cannot do.
 */
class RuntimeJarTest {
    private static final double TOLERANCE = 1e-5;
    private static final List<String> LABELS = List.of("_silence_", "low", "high");

    @TempDir
    static Path dir;

    private static Path jar;
    private static final List<Path> clips = new ArrayList<>();
    private static Path recording;

    @BeforeAll
    static void models() throws IOException {
        jar = Path.of(System.getProperty("babble.runtime.jar"));
        for (int i = 0; i < 4; i++) {
            Path clip = dir.resolve(LABELS.get(i % 3) + "-" + i + ".wav");
            WavWriter.write(clip, AudioClip.mono(TinyModels.SAMPLE_RATE, TinyModels.sound(LABELS.get(i % 3), i)));
            clips.add(clip);
        }
        // half a minute of sounds one after another: the long-recording path (shared frames, windows, episodes)
        int second = TinyModels.SAMPLE_RATE;
        float[] joined = new float[30 * second];
        for (int s = 0; s < 30; s++) {
            float[] sound = TinyModels.sound(LABELS.get(s % 3), 100 + s);
            System.arraycopy(sound, 0, joined, s * second, Math.min(second, sound.length));
        }
        recording = dir.resolve("night.wav");
        WavWriter.write(recording, AudioClip.mono(second, joined));
    }

    /** A randomly initialised default network of {@code architecture} for the tiny test features, frozen. */
    private static Path model(Architecture architecture, long seed) {
        ModelShape shape =
                new ModelShape(TinyModels.FEATURES.frameCount(), TinyModels.FEATURES.binsPerFrame(), LABELS.size());
        MultiLayerNetwork network = new MultiLayerNetwork(architecture.configure(shape, seed, 0.5, new Adam()));
        network.init();
        Path file = dir.resolve(architecture.flagName() + ".babble");
        FrozenModelWriter.write(file, network, TinyModels.metadata(LABELS, FeatureLayout.CHANNELS));
        return file;
    }

    @Test
    void theJarHoldsNoNativeLibraryButSqlitesAndJlines() throws IOException {
        try (JarFile runtime = new JarFile(jar.toFile())) {
            List<String> offending = runtime.stream()
                    .map(e -> e.getName())
                    .filter(n -> n.startsWith("org/nd4j/")
                            || n.startsWith("org/deeplearning4j/")
                            || n.startsWith("org/bytedeco/")
                            || n.toLowerCase(java.util.Locale.ROOT).contains("openblas")
                            || n.toLowerCase(java.util.Locale.ROOT).contains("mkl")
                            || ((n.endsWith(".so")
                                            || n.endsWith(".dll")
                                            || n.endsWith(".dylib")
                                            || n.endsWith(".jnilib"))
                                    && !n.startsWith("org/sqlite/native/")
                                    && !n.startsWith("org/jline/nativ/")))
                    .toList();
            assertEquals(List.of(), offending);
        }
        // 14 MB of libraries, then 2 MB of protobuf-java for babble export's ONNX files
        assertTrue(Files.size(jar) < 20L << 20, "babble-runtime.jar is " + Files.size(jar) + " bytes");
    }

    @Test
    void classifiesClipsAndARecordingAsTheFullBuildDoes() throws Exception {
        for (Architecture architecture : List.of(Architecture.TC_RESNET, Architecture.TC_RESNET_MAX)) {
            Path model = model(architecture, 3);
            List<String> args = new ArrayList<>(List.of("classify", "--model", model.toString(), "--format", "csv"));
            clips.forEach(c -> args.add(c.toString()));
            args.add(recording.toString());
            Run lite = child(args);
            Run full = inThisJvm(args);
            assertEquals(ExitCode.OK, lite.exit(), lite.err());
            assertEquals(ExitCode.OK, full.exit(), full.err());
            assertSameNumbers(full.out(), lite.out(), architecture.flagName());
        }
    }

    @Test
    void monitorStoresTheSameWindowsAsTheFullBuild() throws Exception {
        Path model = model(Architecture.TC_RESNET_MAX, 5);
        Path liteDb = dir.resolve("lite.db");
        Path fullDb = dir.resolve("full.db");
        Run lite = child(monitor(model, liteDb));
        Run full = inThisJvm(monitor(model, fullDb));
        assertEquals(ExitCode.OK, lite.exit(), lite.err());
        assertEquals(ExitCode.OK, full.exit(), full.err());
        List<String> fullWindows = windows(fullDb);
        assertTrue(fullWindows.size() > 20, "windows stored: " + fullWindows.size());
        assertSameNumbers(String.join("\n", fullWindows), String.join("\n", windows(liteDb)), "monitor windows");
    }

    @Test
    void exportsTheSameOnnxFileAsTheFullBuild() throws Exception {
        Path model = model(Architecture.TC_RESNET_MAX, 7);
        Path liteOnnx = dir.resolve("lite.onnx");
        Path fullOnnx = dir.resolve("full.onnx");
        Run lite = child(List.of("export", model.toString(), "-o", liteOnnx.toString()));
        Run full = inThisJvm(List.of("export", model.toString(), "-o", fullOnnx.toString()));
        assertEquals(ExitCode.OK, lite.exit(), lite.err());
        assertEquals(ExitCode.OK, full.exit(), full.err());
        assertArrayEquals(Files.readAllBytes(fullOnnx), Files.readAllBytes(liteOnnx), "byte for byte");
    }

    @Test
    void aNetworkOnlyDl4jRunsIsOneLineAndAFailure() throws Exception {
        Path dense = dir.resolve("dense.babble");
        FrozenModelWriter.write(dense, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        Run lite = child(
                List.of("classify", "--model", dense.toString(), clips.get(0).toString()));
        assertEquals(ExitCode.FAILED, lite.exit());
        assertEquals("", lite.out());
        assertOneLine(lite.err(), "this network (DenseLayer, OutputLayer) needs the full babble build with ND4J");
        Run train = child(List.of("train", "--data_dir=" + dir, "--train_dir=" + dir.resolve("train")));
        assertEquals(ExitCode.FAILED, train.exit());
        assertOneLine(train.err(), "babble train needs the full babble build with ND4J");
    }

    private static void assertOneLine(String err, String expected) {
        List<String> lines =
                err.lines().filter(l -> !l.startsWith("babble: note:")).toList();
        assertEquals(1, lines.size(), err);
        assertTrue(lines.get(0).startsWith("babble: ") && lines.get(0).contains(expected), err);
        assertFalse(err.contains("Exception") || err.contains("\tat "), err);
    }

    private static List<String> monitor(Path model, Path db) {
        return List.of(
                "monitor",
                "--model",
                model.toString(),
                "--from",
                recording.toString(),
                "--speed",
                "max",
                "--db",
                db.toString());
    }

    /** Every stored window as "start,end,label,score", in order, times from the first window's start (runs start at different clock times). */
    private static List<String> windows(Path db) throws SQLException {
        List<String> rows = new ArrayList<>();
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + db);
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery("SELECT start_ms - f, end_ms - f, top_label, top_score FROM windows,"
                        + " (SELECT MIN(start_ms) AS f FROM windows) ORDER BY start_ms")) {
            while (r.next()) {
                rows.add(r.getLong(1) + "," + r.getLong(2) + "," + r.getString(3) + "," + r.getDouble(4));
            }
        }
        return rows;
    }

    /** The same text, except that numbers may differ by {@link #TOLERANCE}. */
    private static void assertSameNumbers(String expected, String actual, String what) {
        String[] want = expected.strip().split("[,\\n]");
        String[] got = actual.strip().split("[,\\n]");
        assertEquals(want.length, got.length, what + ":\n" + expected + "\nvs\n" + actual);
        for (int i = 0; i < want.length; i++) {
            if (want[i].matches("-?[0-9.]+(E-?[0-9]+)?")) {
                assertEquals(Double.parseDouble(want[i]), Double.parseDouble(got[i]), TOLERANCE, what + " field " + i);
            } else {
                assertEquals(want[i], got[i], what + " field " + i);
            }
        }
    }

    private record Run(int exit, String out, String err) {}

    private static Run inThisJvm(List<String> args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        var cli = Cli.create();
        cli.setOut(new PrintWriter(out, true, StandardCharsets.UTF_8));
        cli.setErr(new PrintWriter(err, true, StandardCharsets.UTF_8));
        int exit = cli.execute(args.toArray(String[]::new));
        return new Run(exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    /** {@code java -cp babble-runtime.jar}, nothing else on the class path. */
    private static Run child(List<String> args) throws IOException, InterruptedException {
        String classPath = jar.toString();
        assertFalse(classPath.matches("(?i).*(nd4j|javacpp|openblas|mkl|deeplearning4j).*"), classPath);
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                classPath,
                "org.babble.cli.Main"));
        command.addAll(args);
        Path out = Files.createTempFile(dir, "out", ".txt");
        Path err = Files.createTempFile(dir, "err", ".txt");
        Process process = new ProcessBuilder(command)
                .redirectOutput(out.toFile())
                .redirectError(err.toFile())
                .start();
        assertTrue(process.waitFor(120, TimeUnit.SECONDS), "babble-runtime.jar did not finish: " + command);
        return new Run(process.exitValue(), Files.readString(out), Files.readString(err));
    }
}
