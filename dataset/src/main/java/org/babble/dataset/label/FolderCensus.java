package org.babble.dataset.label;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.babble.dataset.split.WhichSet;

/**
 * What a data folder holds per label after a labelling session: clips, and the recordings they come from (the name
 * before {@code _nohash_}). A label from one recording can only be learnt as that recording, so the line says to record
 * more of it, as the cross-source evaluation would.
 */
public final class FolderCensus {
    private FolderCensus() {}

    /** One label's folder: its clips and how many recordings they come from. */
    public record Row(String label, int clips, int sources) {
        public String describe() {
            String line = String.format(
                    Locale.ROOT,
                    "%s: %d clip%s from %d recording%s",
                    label,
                    clips,
                    clips == 1 ? "" : "s",
                    sources,
                    sources == 1 ? "" : "s");
            if (clips > 0 && sources < 2) {
                line += " — record " + label
                        + " on another day, so a model can be tested on a recording it never heard";
            }
            return line;
        }
    }

    /** A row for each of {@code labels}, counting the WAV files in {@code out/<label>/}. */
    public static List<Row> of(Path out, List<String> labels) {
        List<Row> rows = new ArrayList<>();
        for (String label : labels) {
            Path dir = out.resolve(label);
            int clips = 0;
            Set<String> sources = new HashSet<>();
            if (Files.isDirectory(dir)) {
                try (Stream<Path> files = Files.list(dir)) {
                    for (Path f : files.toList()) {
                        String name = f.getFileName().toString();
                        if (Files.isRegularFile(f)
                                && name.toLowerCase(Locale.ROOT).endsWith(".wav")) {
                            clips++;
                            sources.add(WhichSet.hashName(name));
                        }
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
            rows.add(new Row(label, clips, sources.size()));
        }
        return rows;
    }
}
