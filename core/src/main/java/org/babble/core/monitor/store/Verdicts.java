package org.babble.core.monitor.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads and writes verdicts on episodes. The one write a reader of a live database makes: it touches only the verdicts
 * table, so it never contends with the monitor's rows beyond SQLite's short write lock.
 */
public final class Verdicts {
    private Verdicts() {}

    /** Stores (or replaces) the verdict on episode {@code id}; false when there is no such episode. */
    public static boolean mark(MonitorDatabase db, long id, Verdict verdict, Instant when) {
        try (PreparedStatement st = db.connection().prepareStatement("""
                INSERT INTO verdicts(episode_id, verdict, marked_ms)
                SELECT id, ?, ? FROM episodes WHERE id = ?
                ON CONFLICT(episode_id) DO UPDATE SET verdict = excluded.verdict, marked_ms = excluded.marked_ms""")) {
            st.setString(1, verdict.word());
            st.setLong(2, when.toEpochMilli());
            st.setLong(3, id);
            return st.executeUpdate() == 1;
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot store a verdict", e);
        }
    }

    /** A verdict on one kept piece of audio: the false-alarm loop sorts each piece by its episode's verdict. */
    public record OnPiece(Path piece, Verdict verdict) {}

    /** Every verdict given on an episode whose audio was kept, once per kept piece, oldest episode first. */
    public static List<OnPiece> onKeptAudio(MonitorDatabase db) {
        List<OnPiece> pieces = new ArrayList<>();
        try (PreparedStatement st = db.connection().prepareStatement("""
                SELECT a.path, v.verdict FROM verdicts v JOIN episode_audio a ON a.episode_id = v.episode_id
                ORDER BY a.episode_id, a.piece""");
                ResultSet rs = st.executeQuery()) {
            while (rs.next()) {
                Path piece = Path.of(rs.getString(1));
                Verdict.of(rs.getString(2)).ifPresent(v -> pieces.add(new OnPiece(piece, v)));
            }
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot read verdicts", e);
        }
        return pieces;
    }

    /** The verdicts on episodes with ids {@code firstId..lastId}, by episode id. */
    public static Map<Long, Verdict> ofIds(MonitorDatabase db, long firstId, long lastId) {
        Map<Long, Verdict> verdicts = new HashMap<>();
        try (PreparedStatement st = db.connection()
                .prepareStatement("SELECT episode_id, verdict FROM verdicts WHERE episode_id BETWEEN ? AND ?")) {
            st.setLong(1, firstId);
            st.setLong(2, lastId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    long id = rs.getLong(1);
                    Verdict.of(rs.getString(2)).ifPresent(v -> verdicts.put(id, v));
                }
            }
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot read verdicts", e);
        }
        return verdicts;
    }
}
