package org.babble.core.audio;

import org.babble.core.BabbleException;

/**
 * Which channels of a recording become the clip: the mean of all ({@code mix}, the default: a stereo recorder's two
 * microphones hear the same room), one of them (1-based, for a recorder with one dead or noisy side), or all of them.
 */
public record ChannelSelection(Mode mode, int channel) {

    public enum Mode {
        MIX,
        ONE,
        KEEP
    }

    public static final ChannelSelection MIX = new ChannelSelection(Mode.MIX, 0);
    public static final ChannelSelection KEEP = new ChannelSelection(Mode.KEEP, 0);

    public ChannelSelection {
        if (mode == Mode.ONE && channel < 1) {
            throw new IllegalArgumentException("channel numbers start at 1, got " + channel);
        }
    }

    /** Only channel {@code oneBased} (1 = left). */
    public static ChannelSelection only(int oneBased) {
        return new ChannelSelection(Mode.ONE, oneBased);
    }

    /** The selected channels of {@code clip}; fails when it asks for a channel the clip does not have. */
    public AudioClip apply(AudioClip clip) {
        return switch (mode) {
            case MIX -> clip.toMono();
            case KEEP -> clip;
            case ONE -> {
                if (channel > clip.channelCount()) {
                    throw new BabbleException(
                            "has " + clip.channelCount() + " channel(s), channel " + channel + " was asked for",
                            "pick a channel from 1 to " + clip.channelCount() + " or mix them");
                }
                yield AudioClip.mono(clip.sampleRate(), clip.channel(channel - 1));
            }
        };
    }

    @Override
    public String toString() {
        return mode == Mode.ONE ? Integer.toString(channel) : mode.name().toLowerCase(java.util.Locale.ROOT);
    }
}
