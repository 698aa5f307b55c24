package org.babble.dataset.demo;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;
import org.babble.core.io.AtomicFiles;

/**
 * Writes {@link DemoSounds} to disk the way a parent's recordings would arrive: a folder of raw recordings per label
 * (at a recorder's rate, to be cleaned), and a "night" that strings labelled sections together with its ground truth.
 */
public final class DemoRecordings {
    /** The rate a cheap recorder or phone uses; babble clean resamples it. */
    public static final int RAW_RATE = 44100;

    private DemoRecordings() {}

    /** One section of a composed night. */
    public record Section(String label, double seconds) {}

    /**
     * Writes {@code perLabel} recordings of {@code seconds} each to {@code rawDir/<label>/<label>-NN.wav}; returns the
     * label folders.
     */
    public static List<Path> writeRaw(Path rawDir, int perLabel, double seconds, long seed) {
        List<Path> folders = new ArrayList<>();
        for (int l = 0; l < DemoSounds.LABELS.size(); l++) {
            String label = DemoSounds.LABELS.get(l);
            Path folder = rawDir.resolve(label);
            for (int i = 0; i < perLabel; i++) {
                float[] audio = DemoSounds.generate(label, seconds, RAW_RATE, seed * 1_000_003L + l * 1000L + i);
                WavWriter.write(
                        folder.resolve(String.format(Locale.ROOT, "%s-%02d.wav", label, i)),
                        AudioClip.mono(RAW_RATE, audio));
            }
            folders.add(folder);
        }
        return folders;
    }

    /** Writes {@code night.wav} and {@code night.csv} ({@code start_s,end_s,label}) made of the given sections. */
    public static void writeNight(Path wav, Path csv, List<Section> sections, long seed) {
        int total = 0;
        for (Section s : sections) {
            total += (int) Math.round(s.seconds() * RAW_RATE);
        }
        float[] night = new float[total];
        StringBuilder truth = new StringBuilder("start_s,end_s,label\n");
        int at = 0;
        for (int i = 0; i < sections.size(); i++) {
            Section s = sections.get(i);
            float[] part = DemoSounds.generate(s.label(), s.seconds(), RAW_RATE, seed + 7919L * i);
            System.arraycopy(part, 0, night, at, part.length);
            truth.append(String.format(
                    Locale.ROOT,
                    "%.1f,%.1f,%s%n",
                    at / (double) RAW_RATE,
                    (at + part.length) / (double) RAW_RATE,
                    s.label()));
            at += part.length;
        }
        WavWriter.write(wav, AudioClip.mono(RAW_RATE, night));
        AtomicFiles.write(csv, truth.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8));
    }

    /** Creates {@code dir} (and parents), or says why it cannot. */
    public static Path folder(Path dir) {
        try {
            return Files.createDirectories(dir);
        } catch (IOException e) {
            throw new BabbleException(
                    dir, "cannot create folder: " + e.getMessage(), "choose another --work folder", e);
        }
    }
}
