/**
 * Signal levels: the figures of {@code sox FILE -n stats} ({@link org.babble.core.levels.LevelStats}), built on the
 * peak, RMS and dBFS arithmetic of {@link org.babble.core.audio.Levels}. Works on decoded samples at full scale ±1.
 */
package org.babble.core.levels;
