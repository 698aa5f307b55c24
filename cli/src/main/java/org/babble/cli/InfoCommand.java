package org.babble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.babble.core.features.FeatureSettings;
import org.babble.core.frozen.FrozenModelReader;
import org.babble.core.frozen.ModelMetadata;
import org.babble.core.frozen.Provenance;
import org.babble.core.recognition.OperatingPoint;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code babble info model.babble}: what a model file knows about itself, after checking it loads. */
@Command(
        name = "info",
        mixinStandardHelpOptions = true,
        description = "Print a frozen model's labels, feature settings and provenance (after checking it loads).")
public final class InfoCommand implements java.util.concurrent.Callable<Integer> {
    @Parameters(
            arity = "0..1",
            paramLabel = "MODEL",
            description = "Model file (default: --model, $BABBLE_MODEL, " + "./model.babble).")
    Path file;

    @Mixin
    ModelMixin modelOption;

    @Mixin
    FormatMixin format;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Path path = file != null ? file : modelOption.resolve();
        ModelMetadata m = FrozenModelReader.read(path).metadata();
        PrintWriter out = spec.commandLine().getOut();
        switch (format.format) {
            case JSON -> out.println(new ObjectMapper().writeValueAsString(json(path, m)));
            case CSV -> {
                out.println("key,value");
                rows(path, m).forEach((k, v) -> out.println(CsvQuoting.field(k) + "," + CsvQuoting.field(v)));
            }
            case TEXT -> rows(path, m).forEach((k, v) -> out.printf("%-20s %s%n", k + ":", v));
        }
        out.flush();
        return ExitCode.OK;
    }

    private static ObjectNode json(Path path, ModelMetadata m) {
        ObjectMapper mapper = new ObjectMapper();
        ObjectNode node = mapper.createObjectNode();
        node.put("file", path.toString());
        node.set("labels", mapper.valueToTree(m.labels()));
        node.set("featureSettings", mapper.valueToTree(m.featureSettings()));
        node.put("featureLayout", m.featureLayout().name());
        node.set("trainSettings", m.trainSettings());
        node.set("provenance", mapper.valueToTree(m.provenance()));
        node.set("operatingPoint", mapper.valueToTree(m.operatingPoint()));
        node.set("configuration", m.configuration());
        return node;
    }

    static Map<String, String> rows(Path path, ModelMetadata m) {
        FeatureSettings f = m.featureSettings();
        Provenance p = m.provenance();
        Map<String, String> rows = new LinkedHashMap<>();
        rows.put("model", path.toString());
        rows.put("labels", String.join(", ", m.labels()));
        rows.put(
                "clip",
                String.format(
                        Locale.ROOT,
                        "%d ms at %d Hz (%d samples)",
                        f.clipDurationMs(),
                        f.sampleRate(),
                        f.desiredSamples()));
        rows.put(
                "features",
                String.format(
                        Locale.ROOT,
                        "%s, %d bins, %s ms windows every %s ms, %s-%s Hz, %d mel channels",
                        f.preprocess().name().toLowerCase(Locale.ROOT),
                        f.featureBinCount(),
                        number(f.windowSizeMs()),
                        number(f.windowStrideMs()),
                        number(f.lowerFrequencyHz()),
                        number(f.upperFrequencyHz()),
                        f.melChannels()));
        rows.put(
                "network input",
                f.frameCount() + " frames x " + f.binsPerFrame() + " bins, layout "
                        + m.featureLayout().name().toLowerCase(Locale.ROOT));
        rows.put("data", p.dataDir() + " (" + p.fileCount() + " files)");
        rows.put("flags", String.join(" ", p.flags()));
        rows.put("validation accuracy", percent(p.validationAccuracy()));
        rows.put("test accuracy", percent(p.testAccuracy()));
        rows.put("trained", p.date());
        rows.put("babble version", p.babbleVersion());
        rows.put("os/arch", p.os() + " / " + p.arch());
        rows.put("training settings", m.trainSettings().toString());
        rows.put("operating point", operatingPoint(m.operatingPoint()));
        return rows;
    }

    private static String operatingPoint(OperatingPoint p) {
        if (p == null) {
            return "not calibrated (classify and monitor use defaults; see babble calibrate)";
        }
        return String.format(
                Locale.ROOT,
                "%s: %s, hop %d ms; missed %d of %d episodes, %.2f false alarms per hour"
                        + " on %.2f h (target %.2f), %d recording%s, %s",
                p.label(),
                StreamingReport.settings(p.smoothing()),
                p.hopMs(),
                p.missed(),
                p.episodes(),
                p.falseAlarmsPerHour(),
                p.negativeHours(),
                p.targetFalseAlarmsPerHour(),
                p.recordings().size(),
                p.recordings().size() == 1 ? "" : "s",
                p.date());
    }

    private static String percent(Double accuracy) {
        return accuracy == null ? "not measured" : String.format(Locale.ROOT, "%.1f%%", accuracy * 100);
    }

    private static String number(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }
}
