package org.babble.core.audio;

import java.util.Arrays;

/**
 * Decoded audio: one {@code float[]} per channel, full scale at ±1.0, plus its sample rate.
 *
 * <p>All DSP in babble works on this in-memory form and knows nothing of files or devices. Arrays are not copied on
 * construction (clips can be an hour long); treat them as read-only once wrapped.
 */
public record AudioClip(int sampleRate, float[][] channels) {

    public AudioClip {
        if (sampleRate <= 0) {
            throw new IllegalArgumentException("sample rate must be positive, got " + sampleRate);
        }
        if (channels.length == 0) {
            throw new IllegalArgumentException("a clip needs at least one channel");
        }
        int frames = channels[0].length;
        for (float[] channel : channels) {
            if (channel.length != frames) {
                throw new IllegalArgumentException("all channels must have the same length");
            }
        }
    }

    /** A mono clip wrapping {@code samples}. */
    public static AudioClip mono(int sampleRate, float[] samples) {
        return new AudioClip(sampleRate, new float[][] {samples});
    }

    public int channelCount() {
        return channels.length;
    }

    /** Samples per channel. */
    public int frames() {
        return channels[0].length;
    }

    public double durationSeconds() {
        return frames() / (double) sampleRate;
    }

    public float[] channel(int index) {
        return channels[index];
    }

    /** The average of all channels; the clip's own array when it is already mono. */
    public float[] mixdown() {
        return channels.length == 1 ? channels[0] : mixdown(channels, frames());
    }

    /**
     * The average of the first {@code frames} samples of every channel, in a new array: the one mixdown, so a block of
     * a stream mixes down exactly as the whole recording does.
     */
    public static float[] mixdown(float[][] channels, int frames) {
        float[] mixed = new float[frames];
        if (channels.length == 1) {
            System.arraycopy(channels[0], 0, mixed, 0, frames);
            return mixed;
        }
        float scale = 1f / channels.length;
        for (float[] channel : channels) {
            for (int i = 0; i < frames; i++) {
                mixed[i] += channel[i];
            }
        }
        for (int i = 0; i < frames; i++) {
            mixed[i] *= scale;
        }
        return mixed;
    }

    /** This clip mixed down to one channel. */
    public AudioClip toMono() {
        return channels.length == 1 ? this : mono(sampleRate, mixdown());
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof AudioClip that
                && sampleRate == that.sampleRate
                && Arrays.deepEquals(channels, that.channels);
    }

    @Override
    public int hashCode() {
        return 31 * sampleRate + Arrays.deepHashCode(channels);
    }

    @Override
    public String toString() {
        return "AudioClip[" + sampleRate + " Hz, " + channels.length + " ch, " + frames() + " frames]";
    }
}
