package org.babble.core.monitor.store;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Where {@code monitor --keep-audio} put each episode's audio. The web page plays an episode by its id and piece
 * number, looked up here: a file the database does not name can never be served, whatever the request says.
 */
public final class KeptAudio {
    private KeptAudio() {}

    /** The file of piece {@code piece} of episode {@code id}, if the monitor kept one. */
    public static Optional<Path> piece(MonitorDatabase db, long id, int piece) {
        try (PreparedStatement st =
                db.connection().prepareStatement("SELECT path FROM episode_audio WHERE episode_id = ? AND piece = ?")) {
            st.setLong(1, id);
            st.setInt(2, piece);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next() ? Optional.of(Path.of(rs.getString(1))) : Optional.empty();
            }
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot read kept audio", e);
        }
    }

    /** How many pieces were kept of each episode with an id in {@code firstId..lastId}, by episode id. */
    public static Map<Long, Integer> countsOfIds(MonitorDatabase db, long firstId, long lastId) {
        Map<Long, Integer> counts = new HashMap<>();
        try (PreparedStatement st = db.connection()
                .prepareStatement(
                        "SELECT episode_id, COUNT(*) FROM episode_audio WHERE episode_id BETWEEN ? AND ? GROUP BY episode_id")) {
            st.setLong(1, firstId);
            st.setLong(2, lastId);
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    counts.put(rs.getLong(1), rs.getInt(2));
                }
            }
        } catch (SQLException e) {
            throw MonitorDatabase.failure(db.file(), "cannot read kept audio", e);
        }
        return counts;
    }
}
