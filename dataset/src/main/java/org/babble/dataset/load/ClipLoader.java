package org.babble.dataset.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavReader;
import org.babble.core.features.FeatureSettings;
import org.babble.core.prep.ClipPreparation;
import org.babble.core.prep.Note;

/**
 * Turns a WAV file into exactly what the feature extractor expects: mono, at the model's rate, exactly
 * {@link FeatureSettings#desiredSamples()} long, by the {@link ClipPreparation} every command shares. Every change is
 * counted for one summary rather than logged per clip. Thread-safe (only the preparation's stateless steps are used).
 */
public final class ClipLoader {
    private final FeatureSettings settings;
    private final RatePolicy rates;
    private final ClipPreparation preparation;
    private final AtomicInteger loaded = new AtomicInteger();
    private final AtomicInteger padded = new AtomicInteger();
    private final AtomicInteger cut = new AtomicInteger();
    private final AtomicInteger mixedDown = new AtomicInteger();
    private final Map<Integer, Integer> resampled = new ConcurrentHashMap<>();
    private final List<String> unreadable = java.util.Collections.synchronizedList(new ArrayList<>());

    public ClipLoader(FeatureSettings settings, RatePolicy rates) {
        this.settings = settings;
        this.rates = rates;
        this.preparation = new ClipPreparation(settings);
    }

    public FeatureSettings settings() {
        return settings;
    }

    /** The clip, mono, at the model's rate, padded or cut to the clip length. */
    public float[] loadClip(Path file) {
        List<Note> notes = new ArrayList<>();
        float[] samples = preparation.fit(mono(file, notes), notes);
        loaded.incrementAndGet();
        count(notes);
        return samples;
    }

    /** The whole file, mono, at the model's rate (for background noise, which is not cut to clip length). */
    public float[] loadMono(Path file) {
        List<Note> notes = new ArrayList<>();
        float[] samples = mono(file, notes);
        count(notes);
        return samples;
    }

    private float[] mono(Path file, List<Note> notes) {
        AudioClip clip = WavReader.read(file).clip();
        rates.check(file, clip.sampleRate(), settings.sampleRate());
        float[] samples = preparation.mono(clip, notes);
        if (clip.sampleRate() != settings.sampleRate()) {
            resampled.merge(clip.sampleRate(), 1, Integer::sum);
        }
        return samples;
    }

    private void count(List<Note> notes) {
        for (Note note : notes) {
            switch (note.kind()) {
                case PADDED -> padded.incrementAndGet();
                case CUT -> cut.incrementAndGet();
                case MIXED_DOWN -> mixedDown.incrementAndGet();
                case RESAMPLED -> {} // counted by rate in mono()
            }
        }
    }

    /** Records a clip that was skipped, for the report. */
    void skipped(Path file, String problem) {
        unreadable.add(file + ": " + problem);
    }

    public LoadReport report() {
        return new LoadReport(loaded.get(), padded.get(), cut.get(), mixedDown.get(), resampled, unreadable);
    }
}
