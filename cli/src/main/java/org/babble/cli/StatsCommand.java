package org.babble.cli;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.babble.core.BabbleException;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.WavReader;
import org.babble.core.levels.ChannelLevels;
import org.babble.core.levels.LevelStats;
import org.babble.core.levels.StatsReport;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code babble stats FILE...}: sox's {@code stats} report for each file; a bad file is reported and skipped. */
@Command(
        name = "stats",
        mixinStandardHelpOptions = true,
        description = {
            "Levels of WAV files, as `sox FILE -n stats` reports them: DC offset, min/max, peak and RMS"
                    + " level, RMS peak/trough over 50 ms, crest and flat factor, peak count, bit depth, length.",
            "A file that cannot be read is reported on stderr and the others are still processed; the exit code is 1"
                    + " if any failed."
        })
public final class StatsCommand implements Callable<Integer> {

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "WAV files to measure.")
    List<Path> files;

    @Mixin
    FormatMixin format;

    @Spec
    CommandSpec spec;

    /** One file's outcome: its report, or why there is none. */
    private record Outcome(Path file, DecodedWav wav, LevelStats stats, BabbleException failure) {}

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        List<Outcome> outcomes = new ArrayList<>();
        for (Path file : files) {
            Outcome outcome = measure(file);
            outcomes.add(outcome);
            if (outcome.failure() != null) {
                err.println("babble: " + outcome.failure().getMessage());
            } else {
                outcome.wav().warnings().forEach(w -> err.println("babble: " + file + ": warning: " + w));
                if (format.format == OutputFormat.TEXT) {
                    printText(out, outcome, files.size() > 1);
                }
            }
        }
        switch (format.format) {
            case JSON -> out.println(json(outcomes));
            case CSV -> printCsv(out, outcomes);
            case TEXT -> {}
        }
        out.flush();
        long failed = outcomes.stream().filter(o -> o.failure() != null).count();
        if (failed > 0 && files.size() > 1) {
            err.printf("babble: stats: %d of %d files failed%n", failed, files.size());
        }
        err.flush();
        return failed > 0 ? ExitCode.FAILED : ExitCode.OK;
    }

    private static Outcome measure(Path file) {
        try {
            DecodedWav wav = WavReader.read(file);
            if (wav.clip().frames() == 0) {
                throw new BabbleException(file, "no audio (the data chunk is empty)", "re-record it or remove it");
            }
            return new Outcome(file, wav, LevelStats.of(wav.clip()), null);
        } catch (BabbleException e) {
            return new Outcome(file, null, null, e);
        } catch (RuntimeException | OutOfMemoryError e) {
            return new Outcome(file, null, null, Cli.inputFailure(file, e));
        }
    }

    private static void printText(PrintWriter out, Outcome o, boolean header) {
        if (header) {
            out.println("== " + o.file() + " (" + o.wav().format().describe() + ")");
        }
        out.print(StatsReport.format(o.stats()));
        out.printf(Locale.ROOT, "Sample rate%9d%n", o.stats().sampleRate());
        out.printf(Locale.ROOT, "Channels   %9d%n", o.stats().channelCount());
        if (header) {
            out.println();
        }
    }

    private static String json(List<Outcome> outcomes) {
        List<Map<String, Object>> reports = new ArrayList<>();
        List<Map<String, Object>> failures = new ArrayList<>();
        for (Outcome o : outcomes) {
            if (o.failure() != null) {
                Map<String, Object> f = new LinkedHashMap<>();
                f.put("file", o.file().toString());
                f.put("problem", o.failure().problem());
                f.put("remedy", o.failure().remedy().orElse(null));
                failures.add(f);
                continue;
            }
            LevelStats s = o.stats();
            Map<String, Object> r = new LinkedHashMap<>();
            r.put("file", o.file().toString());
            r.put("format", o.wav().format().describe());
            r.put("sampleRate", s.sampleRate());
            r.put("channels", s.channelCount());
            r.put("samples", s.samples());
            r.put("lengthSeconds", s.lengthSeconds());
            r.put("scaleMax", s.scaleMax());
            r.put("windowSeconds", s.windowSeconds());
            r.put("warnings", o.wav().warnings());
            r.put("overall", levels(s.overall()));
            r.put("perChannel", s.channels().stream().map(StatsCommand::levels).toList());
            reports.add(r);
        }
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("files", reports);
        doc.put("failures", failures);
        try {
            return new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValueAsString(doc);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("maps of numbers and strings always serialise", e);
        }
    }

    /** Field names as in sox's report; -inf (silence) and "-" become JSON null. */
    private static Map<String, Object> levels(ChannelLevels c) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("dcOffset", finite(c.dcOffset()));
        m.put("minLevel", finite(c.minLevel()));
        m.put("maxLevel", finite(c.maxLevel()));
        m.put("peakLevelDb", finite(c.peakDb()));
        m.put("rmsLevelDb", finite(c.rmsDb()));
        m.put("rmsPeakDb", finite(c.rmsPeakDb()));
        m.put("rmsTroughDb", finite(c.rmsTroughDb()));
        m.put("crestFactor", finite(c.crestFactor()));
        m.put("flatFactor", finite(c.flatFactor()));
        m.put("peakCount", c.peakCount());
        m.put("bitDepth", c.bitDepth());
        m.put("bitPrecision", c.bitPrecision());
        return m;
    }

    private static Double finite(double value) {
        return Double.isFinite(value) ? value : null;
    }

    private static void printCsv(PrintWriter out, List<Outcome> outcomes) {
        out.println("file,channel,sample_rate,samples,length_s,dc_offset,min_level,max_level,pk_lev_db,rms_lev_db,"
                + "rms_pk_db,rms_tr_db,crest_factor,flat_factor,pk_count,bit_depth,bit_precision");
        for (Outcome o : outcomes) {
            if (o.failure() != null) {
                continue;
            }
            LevelStats s = o.stats();
            csvRow(out, o.file(), "overall", s, s.overall());
            for (int i = 0; i < s.channelCount(); i++) {
                csvRow(out, o.file(), Integer.toString(i + 1), s, s.channels().get(i));
            }
        }
    }

    private static void csvRow(PrintWriter out, Path file, String channel, LevelStats s, ChannelLevels c) {
        out.println(String.join(
                ",",
                CsvQuoting.field(file.toString()),
                channel,
                Integer.toString(s.sampleRate()),
                Long.toString(s.samples()),
                num(s.lengthSeconds()),
                num(c.dcOffset()),
                num(c.minLevel()),
                num(c.maxLevel()),
                num(c.peakDb()),
                num(c.rmsDb()),
                num(c.rmsPeakDb()),
                num(c.rmsTroughDb()),
                num(c.crestFactor()),
                num(c.flatFactor()),
                num(c.peakCount()),
                Integer.toString(c.bitDepth()),
                Integer.toString(c.bitPrecision())));
    }

    private static String num(double value) {
        return Double.isFinite(value) ? Double.toString(value) : "";
    }
}
