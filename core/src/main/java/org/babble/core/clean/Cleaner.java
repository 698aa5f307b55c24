package org.babble.core.clean;

import java.util.ArrayList;
import java.util.List;
import org.babble.core.BabbleException;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.ClipShaper;
import org.babble.core.audio.Gain;
import org.babble.core.audio.Resampler;
import org.babble.core.audio.Segmenter;

/**
 * Turns one recording into training clips, in the order of the talk's shell pipeline: channels, segment, then per piece
 * trim, gain, resample, exact length, normalise. Works in memory only; reading and writing files is the caller's job.
 */
public final class Cleaner {
    private final CleanSettings settings;

    public Cleaner(CleanSettings settings) {
        this.settings = settings;
    }

    /** The clips of one recording, and how many short pieces were dropped. */
    public record Outcome(List<CleanedClip> clips, int dropped) {
        public Outcome {
            clips = List.copyOf(clips);
        }
    }

    /** The clips of one recording. */
    public Outcome clean(AudioClip recording) {
        return process(settings.channels().apply(recording));
    }

    /**
     * The clips of several recordings joined end to end first (the talk's {@code sox crying/*.wav batch.wav}); a
     * recording at another sample rate is converted to the first one's rate before joining.
     */
    public Outcome cleanJoined(List<AudioClip> recordings) {
        if (recordings.isEmpty()) {
            throw new IllegalArgumentException("nothing to join");
        }
        List<AudioClip> selected = new ArrayList<>();
        for (AudioClip recording : recordings) {
            selected.add(settings.channels().apply(recording));
        }
        int rate = selected.get(0).sampleRate();
        int channels = selected.get(0).channelCount();
        long frames = 0;
        for (int i = 0; i < selected.size(); i++) {
            AudioClip clip = Resampler.resample(selected.get(i), rate);
            if (clip.channelCount() != channels) {
                throw new BabbleException(
                        "recordings to join have " + channels + " and " + clip.channelCount() + " channels",
                        "mix them down (--channels mix) or pick one channel");
            }
            selected.set(i, clip);
            frames += clip.frames();
        }
        if (frames > Integer.MAX_VALUE) {
            throw new BabbleException(
                    "recordings to join hold more than 2^31 samples per channel", "join fewer at a time");
        }
        float[][] joined = new float[channels][(int) frames];
        int at = 0;
        for (AudioClip clip : selected) {
            for (int c = 0; c < channels; c++) {
                System.arraycopy(clip.channel(c), 0, joined[c], at, clip.frames());
            }
            at += clip.frames();
        }
        return process(new AudioClip(rate, joined));
    }

    private Outcome process(AudioClip source) {
        if (source.frames() == 0) {
            throw new BabbleException("holds no samples", "re-record it or leave it out");
        }
        int inRate = source.sampleRate();
        int outRate = settings.rate().orElse(inRate);
        List<AudioClip> pieces = segment(source);
        List<CleanedClip> clips = new ArrayList<>();
        int dropped = 0;
        for (int index = 0; index < pieces.size(); index++) {
            AudioClip piece = pieces.get(index);
            if (settings.trim().isPresent()) {
                CleanSettings.Trim trim = settings.trim().get();
                int start = ClipShaper.frames(trim.start(), inRate);
                int length = ClipShaper.frames(trim.length(), inRate);
                if (start > 0 || length < piece.frames()) {
                    piece = map(piece, c -> ClipShaper.trim(c, start, length));
                }
            }
            boolean shortPiece = isShort(piece, index == pieces.size() - 1);
            if (shortPiece && settings.dropShort()) {
                dropped++;
                continue;
            }
            long clipped = 0;
            long checked = 0;
            if (settings.gainDb() != 0) {
                checked = (long) piece.frames() * piece.channelCount();
                float[][] gained = new float[piece.channelCount()][];
                for (int c = 0; c < gained.length; c++) {
                    Gain.Result result = Gain.applyDb(piece.channel(c), settings.gainDb());
                    gained[c] = result.samples();
                    clipped += result.clipped();
                }
                piece = new AudioClip(inRate, gained);
            }
            // the gain held every sample within full scale; a resampler's ringing may overshoot it again
            boolean heldByGain = settings.gainDb() != 0 && piece.sampleRate() == outRate;
            piece = Resampler.resample(piece, outRate);
            boolean padded = false;
            if (settings.clipLength().isPresent()) {
                int target = ClipShaper.frames(settings.clipLength().getAsDouble(), outRate);
                padded = shortPiece;
                if (piece.frames() != target) {
                    piece = map(piece, c -> ClipShaper.fit(c, target).samples());
                }
            }
            float[][] finished = new float[piece.channelCount()][];
            long clippedAtEnd = 0;
            for (int c = 0; c < finished.length; c++) {
                float[] channel = piece.channel(c);
                if (settings.normalizeDbfs().isPresent()) {
                    finished[c] = Gain.normalize(
                                    channel, settings.normalizeDbfs().getAsDouble())
                            .samples();
                } else if (heldByGain || Gain.countClipping(channel) == 0) {
                    finished[c] = channel; // nothing to hold at full scale: no copy
                } else {
                    Gain.Result result = Gain.clip(channel);
                    finished[c] = result.samples();
                    clippedAtEnd += result.clipped();
                }
            }
            if (clipped == 0) {
                // nothing clipped by the gain: report what the finished clip had to hold at full scale instead
                clipped = clippedAtEnd;
                checked = (long) piece.frames() * piece.channelCount();
            }
            clips.add(new CleanedClip(index, new AudioClip(outRate, finished), padded, clipped, checked));
        }
        return new Outcome(clips, dropped);
    }

    /**
     * Whether a piece falls short of its target: the clip length when one is set, else (when segmenting) the segment
     * length, which only the last piece can miss.
     */
    private boolean isShort(AudioClip piece, boolean last) {
        int rate = piece.sampleRate();
        if (settings.clipLength().isPresent()) {
            return piece.frames() < ClipShaper.frames(settings.clipLength().getAsDouble(), rate);
        }
        return last
                && settings.segment().isPresent()
                && piece.frames() < ClipShaper.frames(settings.segment().getAsDouble(), rate);
    }

    private List<AudioClip> segment(AudioClip source) {
        if (settings.segment().isEmpty()) {
            return List.of(source);
        }
        int length = Math.max(1, ClipShaper.frames(settings.segment().getAsDouble(), source.sampleRate()));
        List<List<float[]>> perChannel = new ArrayList<>();
        for (float[] channel : source.channels()) {
            perChannel.add(Segmenter.split(channel, length));
        }
        List<AudioClip> pieces = new ArrayList<>();
        for (int p = 0; p < perChannel.get(0).size(); p++) {
            float[][] channels = new float[perChannel.size()][];
            for (int c = 0; c < channels.length; c++) {
                channels[c] = perChannel.get(c).get(p);
            }
            pieces.add(new AudioClip(source.sampleRate(), channels));
        }
        return pieces;
    }

    private static AudioClip map(AudioClip clip, java.util.function.UnaryOperator<float[]> f) {
        float[][] out = new float[clip.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = f.apply(clip.channel(c));
        }
        return new AudioClip(clip.sampleRate(), out);
    }
}
