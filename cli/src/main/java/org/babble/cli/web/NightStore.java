package org.babble.cli.web;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.babble.core.monitor.store.EpisodeRow;
import org.babble.core.monitor.store.KeptAudio;
import org.babble.core.monitor.store.LiveState;
import org.babble.core.monitor.store.MonitorDatabase;
import org.babble.core.monitor.store.RunRow;
import org.babble.core.monitor.store.Verdict;
import org.babble.core.monitor.store.Verdicts;

/**
 * The web page's one connection to the monitor database, used by one request at a time (a JDBC connection is not for
 * concurrent use, and a phone polling every few seconds needs no more). The file may be written by a monitor at the same
 * moment; SQLite's WAL mode keeps both sides consistent.
 */
final class NightStore implements AutoCloseable {
    private final MonitorDatabase db;

    NightStore(Path file) {
        this.db = MonitorDatabase.openForReviewing(file);
    }

    synchronized LiveState live() {
        return LiveState.read(db);
    }

    synchronized List<RunRow> runs() {
        return db.runs();
    }

    /** The latest stored event, or {@code fallback} for an empty file. */
    synchronized Instant latest(Instant fallback) {
        return db.latestEvent().orElse(fallback);
    }

    synchronized List<EpisodeRow> episodes(Instant from, Instant to) {
        return db.episodes(from, to);
    }

    /** The verdicts and kept-audio counts of {@code episodes}. */
    synchronized Annotations annotations(List<EpisodeRow> episodes) {
        if (episodes.isEmpty()) {
            return new Annotations(Map.of(), Map.of());
        }
        long first = episodes.stream().mapToLong(EpisodeRow::id).min().orElseThrow();
        long last = episodes.stream().mapToLong(EpisodeRow::id).max().orElseThrow();
        return new Annotations(Verdicts.ofIds(db, first, last), KeptAudio.countsOfIds(db, first, last));
    }

    synchronized boolean mark(long episode, Verdict verdict, Instant when) {
        return Verdicts.mark(db, episode, verdict, when);
    }

    synchronized Optional<Path> audio(long episode, int piece) {
        return KeptAudio.piece(db, episode, piece);
    }

    @Override
    public synchronized void close() {
        db.close();
    }

    /** What people and the monitor added to episodes: verdicts, and how many audio pieces were kept. */
    record Annotations(Map<Long, Verdict> verdicts, Map<Long, Integer> audioPieces) {}
}
