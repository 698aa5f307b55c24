package org.babble.core.monitor.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.babble.core.BabbleException;
import org.babble.core.io.DiskFullException;
import org.sqlite.SQLiteConfig;
import org.sqlite.SQLiteErrorCode;
import org.sqlite.SQLiteException;

/**
 * The monitor's SQLite file: one row per classified window, one per detected episode, one per run.
 *
 * <p>Why SQLite in WAL mode with a commit per window: a monitor runs for weeks and gets killed by power cuts, OOM
 * killers and {@code kill -9}; every committed row survives that, readers ({@code babble report}) never block the
 * writer, and the file is one thing to copy. The schema version lives in {@code PRAGMA user_version}; a file from a newer
 * babble is refused rather than misread.
 *
 * <p>One writer at a time: {@link #openForWriting} takes a lock beside the file ({@code babble.db.lock}, released by the
 * OS even on {@code kill -9}), and with it recovers runs a dead writer left open.
 */
public final class MonitorDatabase implements AutoCloseable {
    /** The schema this code reads and writes: 2 added episode audio and verdicts to version 1's three tables. */
    public static final int SCHEMA_VERSION = 2;

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String[] SCHEMA = {
        """
        CREATE TABLE runs(
          id INTEGER PRIMARY KEY,
          started_ms INTEGER NOT NULL,
          ended_ms INTEGER,
          end_reason TEXT,
          model TEXT NOT NULL,
          labels TEXT NOT NULL,
          source TEXT NOT NULL,
          settings TEXT NOT NULL)""",
        """
        CREATE TABLE windows(
          run_id INTEGER NOT NULL REFERENCES runs(id),
          start_ms INTEGER NOT NULL,
          end_ms INTEGER NOT NULL,
          top_label TEXT NOT NULL,
          top_score REAL NOT NULL,
          level_db REAL,
          scores TEXT NOT NULL)""",
        "CREATE INDEX windows_by_start ON windows(start_ms)",
        "CREATE INDEX windows_by_run ON windows(run_id, end_ms)",
        """
        CREATE TABLE episodes(
          id INTEGER PRIMARY KEY,
          run_id INTEGER NOT NULL REFERENCES runs(id),
          label TEXT NOT NULL,
          start_ms INTEGER NOT NULL,
          end_ms INTEGER,
          peak_score REAL NOT NULL)""",
        "CREATE INDEX episodes_by_start ON episodes(start_ms)",
    };
    /**
     * What version 2 adds: where each episode's kept audio is, and what a person said of each episode. {@code IF NOT
     * EXISTS}, since a monitor and {@code babble serve} may both upgrade a version-1 file at once.
     */
    private static final String[] SCHEMA_2 = {
        """
        CREATE TABLE IF NOT EXISTS episode_audio(
          episode_id INTEGER NOT NULL REFERENCES episodes(id),
          piece INTEGER NOT NULL,
          path TEXT NOT NULL,
          PRIMARY KEY(episode_id, piece))""", """
        CREATE TABLE IF NOT EXISTS verdicts(
          episode_id INTEGER PRIMARY KEY REFERENCES episodes(id),
          verdict TEXT NOT NULL CHECK(verdict IN ('right', 'false_alarm')),
          marked_ms INTEGER NOT NULL)""",
    };
    /** How long a starting writer waits for the lock: a reader asking whether a monitor runs holds it a moment. */
    private static final long LOCK_PATIENCE_MS = 200;

    private final Path file;
    private final Connection connection;
    private final FileChannel lockChannel;
    private final FileLock lock;

    private MonitorDatabase(Path file, Connection connection, FileChannel lockChannel, FileLock lock) {
        this.file = file;
        this.connection = connection;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Opens (creating if needed) for a monitor run; refuses when another monitor holds the file. */
    public static MonitorDatabase openForWriting(Path file) {
        FileChannel channel = null;
        FileLock lock = null;
        try {
            Path parent = file.toAbsolutePath().getParent();
            Files.createDirectories(parent);
            Path lockFile = parent.resolve(file.getFileName() + ".lock");
            channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
            lock = tryLockPatiently(channel);
        } catch (IOException e) {
            closeQuietly(channel);
            throw new BabbleException(
                    file,
                    "cannot lock the database: " + e.getMessage(),
                    "check the folder is writable and no other babble monitor uses this file");
        }
        if (lock == null) {
            closeQuietly(channel);
            throw new BabbleException(
                    file,
                    "another babble monitor is writing to this database",
                    "stop it first, or give this run its own --db");
        }
        MonitorDatabase db = null;
        try {
            db = new MonitorDatabase(file, connect(file), channel, lock);
            db.migrate();
            db.recoverDeadRuns();
            return db;
        } catch (RuntimeException e) {
            if (db != null) {
                db.close();
            } else {
                closeQuietly(channel);
            }
            throw e;
        }
    }

    private static FileLock tryLockPatiently(FileChannel channel) throws IOException {
        long deadline = System.nanoTime() + LOCK_PATIENCE_MS * 1_000_000;
        FileLock lock = tryLock(channel);
        while (lock == null && System.nanoTime() < deadline) {
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return null;
            }
            lock = tryLock(channel);
        }
        return lock;
    }

    /**
     * Whether a monitor is writing to {@code file} now, in this process or another: its lock is held. A run left open
     * in the file by a monitor that died is not a running monitor.
     */
    public static boolean writerRunning(Path file) {
        Path lockFile = file.toAbsolutePath().getParent().resolve(file.getFileName() + ".lock");
        if (!Files.exists(lockFile)) {
            return false;
        }
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.WRITE)) {
            FileLock probe = tryLock(channel);
            if (probe == null) {
                return true;
            }
            probe.release();
            return false;
        } catch (IOException e) {
            return false;
        }
    }

    /** The lock, or null when another process (or another monitor in this JVM) holds it. */
    private static FileLock tryLock(FileChannel channel) throws IOException {
        try {
            return channel.tryLock();
        } catch (OverlappingFileLockException heldInThisJvm) {
            return null;
        }
    }

    /** Whether {@code file} starts as every SQLite database does: tells a monitor database from a CSV. */
    public static boolean isDatabase(Path file) {
        try (var in = Files.newInputStream(file)) {
            return java.util.Arrays.equals(in.readNBytes(16), "SQLite format 3\0".getBytes(StandardCharsets.US_ASCII));
        } catch (IOException e) {
            return false;
        }
    }

    /** Opens an existing database for queries; it may be in use by a running monitor at the same time. */
    public static MonitorDatabase openForReading(Path file) {
        if (!Files.isRegularFile(file)) {
            throw new BabbleException(file, "no such database", "run babble monitor --db " + file + " first");
        }
        MonitorDatabase db = new MonitorDatabase(file, connect(file), null, null);
        try {
            int version = db.userVersion();
            if (version == 0 && !db.hasTable("runs")) {
                throw new BabbleException(
                        file,
                        "not a babble monitor database (no runs table)",
                        "point --db at the file babble monitor wrote");
            }
            db.checkVersion(version);
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    /**
     * Opens an existing database for {@code babble serve}: queries, plus the one thing a reader writes, a person's
     * verdict on an episode ({@link Verdicts}), which never touches the rows a running monitor writes. A version-1 file
     * gains version 2's tables first.
     */
    public static MonitorDatabase openForReviewing(Path file) {
        MonitorDatabase db = openForReading(file);
        try {
            db.migrate();
            return db;
        } catch (RuntimeException e) {
            db.close();
            throw e;
        }
    }

    private static Connection connect(Path file) {
        SQLiteConfig config = new SQLiteConfig();
        config.setJournalMode(SQLiteConfig.JournalMode.WAL);
        // NORMAL in WAL mode: a committed window survives the process dying (kill -9, OOM); only an OS crash or power
        // cut can lose the last few, which a night-long log can afford in exchange for no fsync per window.
        config.setSynchronous(SQLiteConfig.SynchronousMode.NORMAL);
        config.setBusyTimeout(10_000);
        config.enforceForeignKeys(true);
        try {
            return config.createConnection("jdbc:sqlite:" + file.toAbsolutePath());
        } catch (SQLException e) {
            throw failure(file, "cannot open", e);
        }
    }

    public Path file() {
        return file;
    }

    Connection connection() {
        return connection;
    }

    private void migrate() {
        int version = userVersion();
        checkVersion(version);
        if (version == SCHEMA_VERSION) {
            return;
        }
        if (version == 1) {
            apply(SCHEMA_2);
            return;
        }
        if (hasTable("runs")) {
            throw new BabbleException(
                    file,
                    "has a runs table but no babble schema version",
                    "it was not written by babble monitor; choose another --db");
        }
        String[] all = new String[SCHEMA.length + SCHEMA_2.length];
        System.arraycopy(SCHEMA, 0, all, 0, SCHEMA.length);
        System.arraycopy(SCHEMA_2, 0, all, SCHEMA.length, SCHEMA_2.length);
        apply(all);
    }

    /** Runs {@code ddl} and sets the current version in one transaction. */
    private void apply(String[] ddl) {
        try {
            connection.setAutoCommit(false);
            try (Statement st = connection.createStatement()) {
                for (String statement : ddl) {
                    st.execute(statement);
                }
                st.execute("PRAGMA user_version = " + SCHEMA_VERSION);
            }
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure(file, "cannot create the schema", e);
        }
    }

    private void checkVersion(int version) {
        if (version > SCHEMA_VERSION) {
            throw new BabbleException(
                    file,
                    "schema version " + version + " is newer than this babble understands (" + SCHEMA_VERSION + ")",
                    "upgrade babble");
        }
    }

    private int userVersion() {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA user_version")) {
            return rs.next() ? rs.getInt(1) : 0;
        } catch (SQLException e) {
            throw failure(file, "is not an SQLite database", e);
        }
    }

    private boolean hasTable(String name) {
        try (PreparedStatement st =
                connection.prepareStatement("SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = ?")) {
            st.setString(1, name);
            try (ResultSet rs = st.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw failure(file, "is not an SQLite database", e);
        }
    }

    /**
     * Closes runs (and their episodes) that a writer left open when it died: they end with their last stored window.
     * Only safe under the writer lock, which guarantees no live monitor is still filling them.
     */
    private void recoverDeadRuns() {
        try (Statement st = connection.createStatement()) {
            connection.setAutoCommit(false);
            st.executeUpdate("""
                    UPDATE episodes SET end_ms = MAX(start_ms, COALESCE(
                      (SELECT MAX(w.end_ms) FROM windows w WHERE w.run_id = episodes.run_id), start_ms))
                    WHERE end_ms IS NULL""");
            st.executeUpdate("""
                    UPDATE runs SET ended_ms = COALESCE(
                      (SELECT MAX(w.end_ms) FROM windows w WHERE w.run_id = runs.id), started_ms),
                      end_reason = 'stopped without closing (recovered)'
                    WHERE ended_ms IS NULL""");
            connection.commit();
            connection.setAutoCommit(true);
        } catch (SQLException e) {
            throw failure(file, "cannot recover an unfinished run", e);
        }
    }

    /** Starts a run; its windows and episodes are written through the returned recorder. */
    public RunRecorder startRun(RunInfo info) {
        if (lock == null) {
            throw new IllegalStateException("database opened for reading");
        }
        try (PreparedStatement st = connection.prepareStatement(
                "INSERT INTO runs(started_ms, model, labels, source, settings) VALUES (?, ?, ?, ?, ?)",
                Statement.RETURN_GENERATED_KEYS)) {
            st.setLong(1, info.started().toEpochMilli());
            st.setString(2, info.model());
            st.setString(3, JSON.writeValueAsString(info.labels()));
            st.setString(4, info.source());
            st.setString(5, info.settings());
            st.executeUpdate();
            try (ResultSet keys = st.getGeneratedKeys()) {
                keys.next();
                return new RunRecorder(this, keys.getLong(1), info.labels());
            }
        } catch (SQLException e) {
            throw failure(file, "cannot start a run", e);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("labels are plain strings", e);
        }
    }

    /** Every run, oldest first. */
    public List<RunRow> runs() {
        List<RunRow> runs = new ArrayList<>();
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(
                        "SELECT id, model, labels, source, started_ms, ended_ms, end_reason FROM runs ORDER BY id")) {
            while (rs.next()) {
                long ended = rs.getLong(6);
                Optional<Instant> end = rs.wasNull() ? Optional.empty() : Optional.of(Instant.ofEpochMilli(ended));
                runs.add(new RunRow(
                        rs.getLong(1),
                        rs.getString(2),
                        parseLabels(rs.getString(3)),
                        rs.getString(4),
                        Instant.ofEpochMilli(rs.getLong(5)),
                        end,
                        rs.getString(7)));
            }
        } catch (SQLException e) {
            throw failure(file, "cannot read runs", e);
        }
        return runs;
    }

    /**
     * Episodes overlapping {@code [from, to)}, oldest first. An episode still open (its monitor running, or dead and not
     * yet recovered) ends, for this answer, with its run's last stored window.
     */
    public List<EpisodeRow> episodes(Instant from, Instant to) {
        List<EpisodeRow> episodes = new ArrayList<>();
        try (PreparedStatement st = connection.prepareStatement("""
                SELECT id, run_id, label, start_ms, end_ms, peak_score, COALESCE(end_ms,
                  (SELECT MAX(w.end_ms) FROM windows w WHERE w.run_id = e.run_id), start_ms) AS effective_end
                FROM episodes e
                WHERE start_ms < ? AND effective_end > ?
                ORDER BY start_ms, id""")) {
            st.setLong(1, to.toEpochMilli());
            st.setLong(2, from.toEpochMilli());
            try (ResultSet rs = st.executeQuery()) {
                while (rs.next()) {
                    Instant start = Instant.ofEpochMilli(rs.getLong(4));
                    Instant end = Instant.ofEpochMilli(Math.max(rs.getLong(7), rs.getLong(4)));
                    episodes.add(new EpisodeRow(
                            rs.getLong(1), rs.getLong(2), rs.getString(3), start, Optional.of(end), rs.getDouble(6)));
                }
            }
        } catch (SQLException e) {
            throw failure(file, "cannot read episodes", e);
        }
        return episodes;
    }

    /** The number of stored windows (all runs). */
    public long windowCount() {
        return count("SELECT COUNT(*) FROM windows");
    }

    /** The end of the latest stored window or episode; empty for an empty database. */
    public Optional<Instant> latestEvent() {
        long latest = count("SELECT MAX(COALESCE((SELECT MAX(end_ms) FROM windows), 0),"
                + " COALESCE((SELECT MAX(COALESCE(end_ms, start_ms)) FROM episodes), 0))");
        return latest == 0 ? Optional.empty() : Optional.of(Instant.ofEpochMilli(latest));
    }

    /** {@code PRAGMA integrity_check}'s answer: {@code "ok"} for a sound file. */
    public String integrityCheck() {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery("PRAGMA integrity_check")) {
            StringBuilder answer = new StringBuilder();
            while (rs.next()) {
                answer.append(answer.length() == 0 ? "" : "; ").append(rs.getString(1));
            }
            return answer.toString();
        } catch (SQLException e) {
            throw failure(file, "integrity check failed to run", e);
        }
    }

    long count(String sql) {
        try (Statement st = connection.createStatement();
                ResultSet rs = st.executeQuery(sql)) {
            return rs.next() ? rs.getLong(1) : 0;
        } catch (SQLException e) {
            throw failure(file, "cannot query", e);
        }
    }

    static List<String> parseLabels(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {});
        } catch (IOException e) {
            return List.of();
        }
    }

    /** A failed statement as one line; a full disk is its own exception, since no later write can succeed. */
    static BabbleException failure(Path file, String what, SQLException e) {
        if (e instanceof SQLiteException sqlite
                && (sqlite.getResultCode() == SQLiteErrorCode.SQLITE_FULL || DiskFullException.isDiskFull(e))) {
            return new DiskFullException(file.toAbsolutePath().getParent(), e);
        }
        return new BabbleException(
                file,
                what + ": " + e.getMessage(),
                "check the disk has space and the file is a babble monitor database",
                e);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a connection we are abandoning; nothing uncommitted can be saved anyway
        }
        if (lock != null) {
            try {
                lock.release();
            } catch (IOException ignored) {
                // the OS drops the lock with the channel
            }
        }
        closeQuietly(lockChannel);
    }

    private static void closeQuietly(FileChannel channel) {
        if (channel != null) {
            try {
                channel.close();
            } catch (IOException ignored) {
                // nothing to do: the lock dies with the process at the latest
            }
        }
    }
}
