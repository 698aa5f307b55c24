package org.babble.core.monitor.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * What the monitor is doing now, as the database shows it: the latest run, its latest window and the episodes still
 * open in it. Read from the file, not from the monitor's memory, so {@code babble serve} in another process sees the
 * same as {@code monitor --http} in the same one.
 *
 * @param run          the latest run, if any
 * @param writing      whether a monitor holds the database's writer lock
 * @param window       the latest run's latest window
 * @param openEpisodes episodes of the latest run that have not ended
 * @param lastEpisode  the highest episode id in the file (0 for none): changes whenever an episode is added
 */
public record LiveState(
        Optional<RunRow> run,
        boolean writing,
        Optional<WindowRow> window,
        List<EpisodeRow> openEpisodes,
        long lastEpisode) {
    private static final ObjectMapper JSON = new ObjectMapper();

    /** Whether a monitor is listening now: it holds the lock and its latest run is still open. */
    public boolean listening() {
        return writing && run.isPresent() && run.get().ended().isEmpty();
    }

    /** Reads the state of {@code db}. */
    public static LiveState read(MonitorDatabase db) {
        List<RunRow> runs = db.runs();
        Optional<RunRow> run = runs.isEmpty() ? Optional.empty() : Optional.of(runs.get(runs.size() - 1));
        Optional<WindowRow> window = run.flatMap(r -> latestWindow(db, r));
        List<EpisodeRow> open = run.map(r -> openEpisodes(db, r.id())).orElse(List.of());
        return new LiveState(
                run,
                MonitorDatabase.writerRunning(db.file()),
                window,
                open,
                db.count("SELECT COALESCE(MAX(id), 0) FROM episodes"));
    }

    private static Optional<WindowRow> latestWindow(MonitorDatabase db, RunRow run) {
        try (PreparedStatement st = db.connection().prepareStatement("""
                SELECT start_ms, end_ms, top_label, level_db, scores FROM windows
                WHERE run_id = ? ORDER BY end_ms DESC LIMIT 1""")) {
            st.setLong(1, run.id());
            try (ResultSet rs = st.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                double level = rs.getDouble(4);
                if (rs.wasNull()) {
                    level = Double.NEGATIVE_INFINITY;
                }
                return Optional.of(new WindowRow(
                        Instant.ofEpochMilli(rs.getLong(1)),
                        Instant.ofEpochMilli(rs.getLong(2)),
                        rs.getString(3),
                        scores(rs.getString(5), run.labels()),
                        level));
            }
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot read the latest window", e);
        }
    }

    /** The scores stored as {@code {"label": score, ...}}, in the run's label order; a missing label scores 0. */
    private static float[] scores(String json, List<String> labels) {
        float[] scores = new float[labels.size()];
        try {
            JsonNode node = JSON.readTree(json);
            for (int i = 0; i < scores.length; i++) {
                JsonNode score = node.get(labels.get(i));
                scores[i] = score == null ? 0 : (float) score.asDouble();
            }
        } catch (IOException e) {
            // a damaged row reads as all zeros rather than failing the whole page
        }
        return scores;
    }

    private static List<EpisodeRow> openEpisodes(MonitorDatabase db, long runId) {
        List<EpisodeRow> open = new ArrayList<>();
        try (PreparedStatement st = db.connection()
                .prepareStatement("SELECT id, label, start_ms, peak_score FROM episodes"
                        + " WHERE run_id = ? AND end_ms IS NULL ORDER BY start_ms")) {
            st.setLong(1, runId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    open.add(new EpisodeRow(
                            rs.getLong(1),
                            runId,
                            rs.getString(2),
                            Instant.ofEpochMilli(rs.getLong(3)),
                            Optional.empty(),
                            rs.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot read open episodes", e);
        }
        return open;
    }
}
