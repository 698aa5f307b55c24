package org.babble.dataset.load;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.BabbleException;
import org.babble.dataset.index.DataIndex;
import org.babble.dataset.index.Example;

/**
 * The decoded audio of every example of an index and of its background noise, held in memory so training steps never
 * touch the disk. Clips that cannot be read are skipped with a note; too many of them stop loading with the list.
 */
public final class LoadedData {
    private final DataIndex index;
    private final Map<Path, float[]> clips;
    private final List<float[]> backgroundNoise;
    private final LoadReport report;
    private final int clipSamples;
    /** What every silence example holds: one zero clip, shared. */
    private final float[] silence;

    private LoadedData(
            DataIndex index,
            Map<Path, float[]> clips,
            List<float[]> backgroundNoise,
            LoadReport report,
            int clipSamples) {
        this.index = index;
        this.clips = clips;
        this.backgroundNoise = List.copyOf(backgroundNoise);
        this.report = report;
        this.clipSamples = clipSamples;
        this.silence = new float[clipSamples];
    }

    /** Decodes every clip of {@code index} and its background noise with {@code loader}. */
    public static LoadedData load(DataIndex index, ClipLoader loader) {
        return load(index, loader, Map.of());
    }

    /**
     * The clips of another index over the same folder (a cross-source fold's), reusing the audio decoded here and
     * decoding with {@code loader} only what this one lacks.
     */
    public LoadedData sharing(DataIndex other, ClipLoader loader) {
        return load(other, loader, clips);
    }

    private static LoadedData load(DataIndex index, ClipLoader loader, Map<Path, float[]> decoded) {
        Map<Path, float[]> clips = new HashMap<>();
        List<Path> unreadable = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        List<Path> files = index.clipFiles();
        for (Path file : files) {
            float[] known = decoded.get(file);
            if (known != null) {
                clips.put(file, known);
                continue;
            }
            try {
                clips.put(file, loader.loadClip(file));
            } catch (BabbleException e) {
                unreadable.add(file);
                problems.add(e.getMessage());
                loader.skipped(file, e.problem());
            }
        }
        double limit = index.settings().maxUnreadablePercentage();
        if (!unreadable.isEmpty() && unreadable.size() * 100.0 / files.size() > limit) {
            throw new BabbleException(
                    index.settings().dataDir(),
                    String.format(
                            "%d of %d clips (%.1f%%) cannot be read, more than the %.1f%% allowed:%n  %s",
                            unreadable.size(),
                            files.size(),
                            unreadable.size() * 100.0 / files.size(),
                            limit,
                            String.join(System.lineSeparator() + "  ", problems)),
                    "fix or remove those files, or raise the unreadable limit");
        }
        DataIndex kept = index.without(unreadable);
        int desired = loader.settings().desiredSamples();
        List<float[]> noise = new ArrayList<>();
        for (Path file : kept.backgroundNoiseFiles()) {
            float[] samples = loader.loadMono(file);
            if (samples.length <= desired) {
                throw new BabbleException(
                        file,
                        String.format(
                                "background noise is %d samples, not longer than one " + "clip (%d samples)",
                                samples.length, desired),
                        "use longer noise recordings");
            }
            noise.add(samples);
        }
        return new LoadedData(kept, clips, noise, loader.report(), desired);
    }

    /** The index, without any clip that could not be read. */
    public DataIndex index() {
        return index;
    }

    /** The clip's samples, exactly clip length; all zeros for silence. Shared: do not modify. */
    public float[] audio(Example example) {
        return example.isSilence() ? silence : clips.get(example.file());
    }

    /** The decoded {@code _background_noise_} recordings; empty when there are none. */
    public List<float[]> backgroundNoise() {
        return backgroundNoise;
    }

    public int clipSamples() {
        return clipSamples;
    }

    public LoadReport report() {
        return report;
    }
}
