package org.babble.dataset.augment;

/**
 * Where training varies a clip. {@link #AUDIO} is TF speech_commands' way: vary the samples, then featurise them, an FFT
 * per frame per clip per step. {@link #BANDS} varies the clip's mel-band magnitudes, computed once, and only finishes
 * them (log, DCT) per step ({@link BandAugmenter}); features that are not mel bands always use the audio.
 */
public enum AugmentDomain {
    BANDS,
    AUDIO
}
