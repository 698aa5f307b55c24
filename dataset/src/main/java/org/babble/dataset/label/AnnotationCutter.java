package org.babble.dataset.label;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.DecodedWav;
import org.babble.core.audio.LosslessDepth;
import org.babble.core.audio.WavReader;
import org.babble.core.audio.WavWriter;
import org.babble.core.io.FileNames;

/**
 * Cuts a long recording into clips in label folders by its annotations. Clips are named
 * {@code <recording-stem>_nohash_<n>.wav} ({@code n} counts the clips of that recording in time order), the naming
 * {@code babble clean} uses, so a split keyed on the part before {@code _nohash_} keeps one night on one side. Samples
 * are copied exactly: same rate, same bit depth (see {@link LosslessDepth}), all channels unless mono is asked for.
 * Existing files are never overwritten (see {@link NoClobber}).
 */
public final class AnnotationCutter {
    private AnnotationCutter() {}

    /** Reports each clip written: {@code done} of {@code total}. */
    @FunctionalInterface
    public interface Progress {
        void clipWritten(int done, int total);
    }

    public static CutResult cut(
            Path recording, List<Annotation> annotations, CutSettings settings, Path out, Progress progress) {
        DecodedWav decoded = WavReader.read(recording);
        AudioClip audio = settings.mono() ? decoded.clip().toMono() : decoded.clip();
        WavWriter.Depth depth = LosslessDepth.of(decoded.format());
        ClipPlan plan = ClipPlan.of(annotations, settings, audio.sampleRate(), audio.frames());
        String stem = stem(recording);
        Map<String, Integer> counts = new LinkedHashMap<>();
        List<Path> written = new ArrayList<>();
        int n = 0;
        for (ClipPiece piece : plan.pieces()) {
            float[][] samples = new float[audio.channelCount()][];
            for (int c = 0; c < samples.length; c++) {
                int from = (int) piece.startFrame();
                samples[c] = Arrays.copyOfRange(audio.channel(c), from, from + piece.frames());
            }
            Path target = NoClobber.free(out.resolve(piece.label()), stem + "_nohash_" + n + ".wav");
            WavWriter.write(target, new AudioClip(audio.sampleRate(), samples), depth);
            written.add(target);
            counts.merge(piece.label(), 1, Integer::sum);
            n++;
            progress.clipWritten(n, plan.pieces().size());
        }
        return new CutResult(counts, written, plan);
    }

    /** The file name without its extension, as the part before {@code _nohash_}. */
    static String stem(Path file) {
        String stem = FileNames.stem(file);
        int nohash = stem.indexOf("_nohash_");
        return nohash > 0 ? stem.substring(0, nohash) : stem;
    }
}
