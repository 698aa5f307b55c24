package org.babble.core.report;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.RunRow;

/**
 * Which labels a chart shows when the user named none: the sounds the latest run's model listens for, in its order.
 * Labels starting with {@code _} are TF's reserved ones (silence, unknown), never worth a chart. Shared by {@code babble
 * report} and the web page so both draw the same thing.
 */
public final class ChartLabels {
    private ChartLabels() {}

    /** The latest run's first sound label, if there is a run. */
    public static Optional<String> firstSound(List<RunRow> runs) {
        return sounds(runs).stream().findFirst();
    }

    /** The latest run's sound labels, then any other label that has an episode, for a timeline's rows. */
    public static List<String> timeline(List<RunRow> runs, List<EpisodeRow> episodes) {
        Set<String> labels = new LinkedHashSet<>(sounds(runs));
        episodes.forEach(e -> labels.add(e.label()));
        return new ArrayList<>(labels);
    }

    private static List<String> sounds(List<RunRow> runs) {
        if (runs.isEmpty()) {
            return List.of();
        }
        return runs.get(runs.size() - 1).labels().stream()
                .filter(label -> !label.startsWith("_"))
                .toList();
    }
}
