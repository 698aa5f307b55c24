package org.babble.core.monitor.store;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

/**
 * Writes one run's windows and episodes, each statement its own transaction: a process killed at any moment loses at
 * most the row it was writing. An episode is inserted when it starts (so a crash still leaves it, closed later by
 * recovery) and updated when it ends.
 */
public final class RunRecorder {
    private final MonitorDatabase db;
    private final long runId;
    private final List<String> labels;
    private final PreparedStatement insertWindow;
    private final PreparedStatement insertEpisode;
    private final PreparedStatement updateEpisode;
    private final PreparedStatement insertAudio;
    private boolean finished;

    RunRecorder(MonitorDatabase db, long runId, List<String> labels) throws SQLException {
        this.db = db;
        this.runId = runId;
        this.labels = labels;
        Connection c = db.connection();
        insertWindow =
                c.prepareStatement("INSERT INTO windows(run_id, start_ms, end_ms, top_label, top_score, level_db,"
                        + " scores) VALUES (?, ?, ?, ?, ?, ?, ?)");
        insertEpisode = c.prepareStatement(
                "INSERT INTO episodes(run_id, label, start_ms, peak_score) VALUES (?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS);
        updateEpisode = c.prepareStatement("UPDATE episodes SET start_ms = ?, end_ms = ?, peak_score = ? WHERE id = ?");
        insertAudio = c.prepareStatement("INSERT INTO episode_audio(episode_id, piece, path) VALUES (?, ?, ?)");
    }

    public void addWindow(WindowRow window) {
        if (window.scores().length != labels.size()) {
            throw new IllegalArgumentException(
                    "scores: " + window.scores().length + " for " + labels.size() + " labels");
        }
        try {
            insertWindow.setLong(1, runId);
            insertWindow.setLong(2, window.start().toEpochMilli());
            insertWindow.setLong(3, window.end().toEpochMilli());
            insertWindow.setString(4, window.topLabel());
            insertWindow.setDouble(5, window.topScore());
            if (Double.isFinite(window.levelDb())) {
                insertWindow.setDouble(6, window.levelDb());
            } else {
                insertWindow.setNull(6, Types.REAL);
            }
            insertWindow.setString(7, scoresJson(window.scores()));
            insertWindow.executeUpdate();
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot store a window", e);
        }
    }

    /** Stores the start of an episode and returns its id for {@link #closeEpisode}. */
    public long openEpisode(String label, Instant start, double score) {
        try {
            insertEpisode.setLong(1, runId);
            insertEpisode.setString(2, label);
            insertEpisode.setLong(3, start.toEpochMilli());
            insertEpisode.setDouble(4, score);
            insertEpisode.executeUpdate();
            try (ResultSet keys = insertEpisode.getGeneratedKeys()) {
                keys.next();
                return keys.getLong(1);
            }
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot store an episode", e);
        }
    }

    /** Stores an episode's final extent (smoothing may have moved its start earlier since it opened). */
    public void closeEpisode(long id, Instant start, Instant end, double peakScore) {
        try {
            updateEpisode.setLong(1, start.toEpochMilli());
            updateEpisode.setLong(2, end.toEpochMilli());
            updateEpisode.setDouble(3, peakScore);
            updateEpisode.setLong(4, id);
            updateEpisode.executeUpdate();
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot close an episode", e);
        }
    }

    /** Stores where episode {@code id}'s kept audio was written, piece by piece (absolute paths). */
    public void keptAudio(long id, List<Path> pieces) {
        try {
            for (int i = 0; i < pieces.size(); i++) {
                insertAudio.setLong(1, id);
                insertAudio.setInt(2, i);
                insertAudio.setString(3, pieces.get(i).toAbsolutePath().toString());
                insertAudio.executeUpdate();
            }
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot store where an episode's audio is", e);
        }
    }

    /** Marks the run ended (idempotent); open episodes must be closed first. */
    public void finish(Instant end, String reason) {
        if (finished) {
            return;
        }
        finished = true;
        try (PreparedStatement st =
                db.connection().prepareStatement("UPDATE runs SET ended_ms = ?, end_reason = ? WHERE id = ?")) {
            st.setLong(1, end.toEpochMilli());
            st.setString(2, reason);
            st.setLong(3, runId);
            st.executeUpdate();
            insertWindow.close();
            insertEpisode.close();
            updateEpisode.close();
            insertAudio.close();
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot finish the run", e);
        }
    }

    private String scoresJson(float[] scores) {
        StringBuilder json = new StringBuilder("{");
        for (int i = 0; i < scores.length; i++) {
            if (i > 0) {
                json.append(',');
            }
            json.append('"')
                    .append(escape(labels.get(i)))
                    .append("\":")
                    .append(String.format(Locale.ROOT, "%.5f", scores[i]));
        }
        return json.append('}').toString();
    }

    private static String escape(String label) {
        return label.replace("\\", "\\\\").replace("\"", "\\\"");
    }
}
