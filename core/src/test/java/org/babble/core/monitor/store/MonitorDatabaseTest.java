package org.babble.core.monitor.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.babble.core.BabbleException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MonitorDatabaseTest {
    private static final List<String> LABELS = List.of("_silence_", "_unknown_", "crying", "room_empty");
    private static final Instant T0 = Instant.parse("2026-11-20T21:00:00Z");

    @TempDir
    Path dir;

    private static RunInfo run() {
        return new RunInfo("model.babble", LABELS, "night.wav", "{}", T0);
    }

    private static WindowRow window(int second, float crying) {
        return new WindowRow(
                T0.plusSeconds(second),
                T0.plusSeconds(second + 1),
                crying > 0.5f ? "crying" : "room_empty",
                new float[] {0, 0, crying, 1 - crying},
                -30.0);
    }

    @Test
    void storesWindowsAndEpisodesInWalModeWithAVersionedSchema() throws Exception {
        Path file = dir.resolve("babble.db");
        try (MonitorDatabase db = MonitorDatabase.openForWriting(file)) {
            RunRecorder rec = db.startRun(run());
            rec.addWindow(window(0, 0.1f));
            long id = rec.openEpisode("crying", T0.plusSeconds(1), 0.8);
            rec.addWindow(window(1, 0.9f));
            rec.closeEpisode(id, T0.plusSeconds(1), T0.plusSeconds(5), 0.95);
            rec.finish(T0.plusSeconds(6), "end of input");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            assertEquals("wal", scalar(st, "PRAGMA journal_mode"));
            assertEquals(String.valueOf(MonitorDatabase.SCHEMA_VERSION), scalar(st, "PRAGMA user_version"));
            assertEquals("crying", scalar(st, "SELECT top_label FROM windows ORDER BY start_ms DESC LIMIT 1"));
            assertEquals(
                    0.9,
                    Double.parseDouble(scalar(
                            st, "SELECT json_extract(scores, '$.crying') FROM windows WHERE top_label = 'crying'")),
                    1e-6);
        }
        try (MonitorDatabase db = MonitorDatabase.openForReading(file)) {
            List<EpisodeRow> episodes = db.episodes(T0, T0.plusSeconds(60));
            assertEquals(1, episodes.size());
            EpisodeRow e = episodes.get(0);
            assertEquals("crying", e.label());
            assertEquals(T0.plusSeconds(1), e.start());
            assertEquals(T0.plusSeconds(5), e.end().orElseThrow());
            assertEquals(0.95, e.peakScore(), 1e-9);
            assertEquals(2, db.windowCount());
            RunRow r = db.runs().get(0);
            assertEquals(LABELS, r.labels());
            assertEquals("end of input", r.endReason());
            assertEquals("ok", db.integrityCheck());
        }
    }

    @Test
    void anOpenEpisodeEndsWithItsRunsLastWindowForReadersAndIsClosedByRecovery() {
        Path file = dir.resolve("babble.db");
        MonitorDatabase writer = MonitorDatabase.openForWriting(file);
        RunRecorder rec = writer.startRun(run());
        rec.openEpisode("crying", T0.plusSeconds(2), 0.9);
        for (int s = 0; s < 10; s++) {
            rec.addWindow(window(s, 0.9f));
        }
        try (MonitorDatabase reader = MonitorDatabase.openForReading(file)) {
            EpisodeRow live = reader.episodes(T0, T0.plusSeconds(60)).get(0);
            assertEquals(T0.plusSeconds(10), live.end().orElseThrow(), "a live episode counts up to the last window");
        }
        writer.close(); // as if the process died: no finish, no closeEpisode
        try (MonitorDatabase again = MonitorDatabase.openForWriting(file)) {
            RunRow recovered = again.runs().get(0);
            assertEquals(T0.plusSeconds(10), recovered.ended().orElseThrow());
            assertTrue(recovered.endReason().contains("recovered"), recovered.endReason());
            assertEquals(
                    T0.plusSeconds(10),
                    again.episodes(T0, T0.plusSeconds(60)).get(0).end().orElseThrow());
        }
    }

    @Test
    void aSecondWriterIsRefusedWhileTheFirstHoldsTheFile() {
        Path file = dir.resolve("babble.db");
        try (MonitorDatabase first = MonitorDatabase.openForWriting(file)) {
            BabbleException e = assertThrows(BabbleException.class, () -> MonitorDatabase.openForWriting(file));
            assertTrue(e.getMessage().contains("another babble monitor"), e.getMessage());
        }
    }

    @Test
    void readingAMissingOrForeignFileSaysWhatIsWrong() throws Exception {
        BabbleException missing =
                assertThrows(BabbleException.class, () -> MonitorDatabase.openForReading(dir.resolve("none.db")));
        assertTrue(missing.getMessage().contains("no such database"), missing.getMessage());
        Path text = Files.writeString(dir.resolve("notes.db"), "this is not a database, just some words in a file\n");
        BabbleException foreign = assertThrows(BabbleException.class, () -> MonitorDatabase.openForReading(text));
        assertTrue(foreign.getMessage().contains("notes.db"), foreign.getMessage());
    }

    @Test
    void aDatabaseFromANewerBabbleIsRefused() throws Exception {
        Path file = dir.resolve("future.db");
        try (MonitorDatabase db = MonitorDatabase.openForWriting(file)) {
            db.startRun(run());
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("PRAGMA user_version = " + (MonitorDatabase.SCHEMA_VERSION + 1));
        }
        BabbleException e = assertThrows(BabbleException.class, () -> MonitorDatabase.openForReading(file));
        assertTrue(e.getMessage().contains("newer"), e.getMessage());
    }

    @Test
    void aVersionOneFileGainsAudioAndVerdictTablesAndKeepsItsRows() throws Exception {
        Path file = dir.resolve("v1.db");
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            st.execute("CREATE TABLE runs(id INTEGER PRIMARY KEY, started_ms INTEGER NOT NULL, ended_ms INTEGER,"
                    + " end_reason TEXT, model TEXT NOT NULL, labels TEXT NOT NULL, source TEXT NOT NULL,"
                    + " settings TEXT NOT NULL)");
            st.execute("CREATE TABLE windows(run_id INTEGER NOT NULL, start_ms INTEGER NOT NULL, end_ms INTEGER NOT"
                    + " NULL, top_label TEXT NOT NULL, top_score REAL NOT NULL, level_db REAL, scores TEXT NOT NULL)");
            st.execute("CREATE TABLE episodes(id INTEGER PRIMARY KEY, run_id INTEGER NOT NULL, label TEXT NOT NULL,"
                    + " start_ms INTEGER NOT NULL, end_ms INTEGER, peak_score REAL NOT NULL)");
            st.execute("INSERT INTO runs VALUES (1, " + T0.toEpochMilli() + ", "
                    + T0.plusSeconds(9).toEpochMilli()
                    + ", 'end of input', 'm.babble', '[\"crying\"]', 'night.wav', '{}')");
            st.execute("INSERT INTO episodes VALUES (1, 1, 'crying', " + T0.toEpochMilli() + ", "
                    + T0.plusSeconds(5).toEpochMilli() + ", 0.9)");
            st.execute("PRAGMA user_version = 1");
        }
        try (MonitorDatabase db = MonitorDatabase.openForReviewing(file)) {
            assertTrue(Verdicts.mark(db, 1, Verdict.FALSE_ALARM, T0.plusSeconds(60)));
            assertEquals(Verdict.FALSE_ALARM, Verdicts.ofIds(db, 1, 1).get(1L));
            assertEquals(1, db.episodes(T0, T0.plusSeconds(60)).size(), "the old rows are still there");
        }
        try (Connection c = DriverManager.getConnection("jdbc:sqlite:" + file);
                Statement st = c.createStatement()) {
            assertEquals(String.valueOf(MonitorDatabase.SCHEMA_VERSION), scalar(st, "PRAGMA user_version"));
        }
    }

    @Test
    void aVerdictNeedsAnEpisodeAndASecondOneReplacesTheFirst() {
        Path file = dir.resolve("babble.db");
        long id;
        try (MonitorDatabase db = MonitorDatabase.openForWriting(file)) {
            RunRecorder rec = db.startRun(run());
            id = rec.openEpisode("crying", T0, 0.9);
            rec.closeEpisode(id, T0, T0.plusSeconds(3), 0.9);
            rec.finish(T0.plusSeconds(3), "end of input");
        }
        try (MonitorDatabase db = MonitorDatabase.openForReviewing(file)) {
            assertEquals(false, Verdicts.mark(db, id + 1, Verdict.RIGHT, T0), "no such episode");
            assertTrue(Verdicts.mark(db, id, Verdict.RIGHT, T0));
            assertTrue(Verdicts.mark(db, id, Verdict.FALSE_ALARM, T0.plusSeconds(1)));
            assertEquals(java.util.Map.of(id, Verdict.FALSE_ALARM), Verdicts.ofIds(db, 0, id + 10));
        }
    }

    @Test
    void theLiveStateIsListeningOnlyWhileAWriterHoldsTheFileWithAnOpenRun() {
        Path file = dir.resolve("babble.db");
        assertEquals(false, MonitorDatabase.writerRunning(file), "no file, no writer");
        MonitorDatabase writer = MonitorDatabase.openForWriting(file);
        RunRecorder rec = writer.startRun(run());
        rec.addWindow(window(0, 0.2f));
        rec.addWindow(window(1, 0.9f));
        long id = rec.openEpisode("crying", T0.plusSeconds(1), 0.9);
        try (MonitorDatabase reader = MonitorDatabase.openForReading(file)) {
            LiveState live = LiveState.read(reader);
            assertTrue(live.listening());
            assertEquals(T0.plusSeconds(2), live.window().orElseThrow().end(), "the latest window");
            assertEquals(0.9f, live.window().orElseThrow().scores()[2], 1e-6f);
            assertEquals(
                    List.of(id),
                    live.openEpisodes().stream().map(EpisodeRow::id).toList());
            assertEquals(id, live.lastEpisode());
            writer.close(); // died without finishing: the run is open, but nobody is listening
            assertEquals(false, LiveState.read(reader).listening());
            assertEquals(false, MonitorDatabase.writerRunning(file));
        }
        try (MonitorDatabase again = MonitorDatabase.openForWriting(file)) {
            assertTrue(MonitorDatabase.writerRunning(file), "held in this JVM counts too");
        }
    }

    private static String scalar(Statement st, String sql) throws Exception {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }
}
