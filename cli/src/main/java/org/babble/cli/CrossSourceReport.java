package org.babble.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.util.List;
import java.util.Locale;
import org.babble.dataset.crosssource.CrossSourceResult;
import org.babble.dataset.crosssource.CrossSourceResult.ClassResult;
import org.babble.dataset.crosssource.CrossSourceResult.MistakenRecording;

/** The cross-source figures as the user reads them: a row per class saying how it was tested, the confusion, advice. */
final class CrossSourceReport {
    /** Mistaken recordings the text report lists; the JSON lists all. */
    static final int LISTED_RECORDINGS = 10;

    private CrossSourceReport() {}

    /** The same figures for scripts: {@code evaluate --cross-source K --format json}. */
    static ObjectNode json(CrossSourceResult result) {
        ObjectMapper json = new ObjectMapper();
        ObjectNode root =
                json.createObjectNode().put("folds", result.folds()).put("trained_folds", result.trainedFolds());
        ArrayNode classes = root.putArray("classes");
        for (ClassResult c : result.classes()) {
            classes.addObject()
                    .put("label", c.label())
                    .put("tested_on", c.tested().words())
                    .put("recordings", c.sources())
                    .put("clips", c.clips())
                    .put("recall", c.recall())
                    .put("precision", c.precision())
                    .put("f1", c.f1())
                    .put("advice", c.advice());
        }
        ArrayNode mistaken = root.putArray("mistaken_recordings");
        for (MistakenRecording m : result.mistaken()) {
            mistaken.addObject()
                    .put("label", m.label())
                    .put("recording", m.source())
                    .put("clips", m.clips())
                    .put("called_as", m.calledAs())
                    .put("called", m.called());
        }
        root.set("false_alarm_advice", json.valueToTree(result.falseAlarmAdvice()));
        ObjectNode unseen = root.putObject("unseen_confusion");
        unseen.set("labels", json.valueToTree(result.unseen().labels()));
        unseen.set("counts", json.valueToTree(result.unseen().counts()));
        ObjectNode all = root.putObject("confusion");
        all.set("labels", json.valueToTree(result.confusion().labels()));
        all.set("counts", json.valueToTree(result.confusion().counts()));
        return root;
    }

    static void print(CrossSourceResult result, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "Cross-source (%d folds, %d of them trained): each class with several recordings is "
                        + "scored on recordings its fold's model never heard%n",
                result.folds(),
                result.trainedFolds());
        out.printf(
                Locale.ROOT,
                "%-16s %-18s %10s %6s %7s %9s %6s%n",
                "label",
                "tested on",
                "recordings",
                "clips",
                "recall",
                "precision",
                "F1");
        for (ClassResult c : result.classes()) {
            out.printf(
                    Locale.ROOT,
                    "%-16s %-18s %10d %6d %7.3f %9.3f %6.3f%n",
                    c.label(),
                    c.tested().words(),
                    c.sources(),
                    c.clips(),
                    c.recall(),
                    c.precision(),
                    c.f1());
        }
        out.println("Confusion on unseen recordings, summed over folds (rows: truth, columns: predicted):");
        out.println(result.unseen().format());
        List<MistakenRecording> mistaken = result.mistaken();
        if (!mistaken.isEmpty()) {
            out.println("Unseen recordings most often called another label:");
            mistaken.stream()
                    .limit(LISTED_RECORDINGS)
                    .forEach(m -> out.printf(
                            Locale.ROOT,
                            "  %-16s %-24s %s called %s%n",
                            m.label(),
                            m.source(),
                            m.share(),
                            m.calledAs()));
            if (mistaken.size() > LISTED_RECORDINGS) {
                out.printf(
                        Locale.ROOT, "  and %d more (--format json lists all)%n", mistaken.size() - LISTED_RECORDINGS);
            }
        }
        result.classes().forEach(c -> out.println("advice: " + c.advice()));
        result.falseAlarmAdvice().forEach(line -> out.println("advice: " + line));
        out.flush();
    }
}
