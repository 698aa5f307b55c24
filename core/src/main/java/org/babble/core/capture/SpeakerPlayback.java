package org.babble.core.capture;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.SourceDataLine;
import org.babble.core.audio.AudioClip;
import org.babble.core.audio.WavWriter;

/** Plays clips on the default output line as 16-bit PCM, on a background thread so keys are read while it plays. */
final class SpeakerPlayback implements Playback {
    private Thread player;
    private volatile SourceDataLine current;

    static boolean available() {
        try {
            return AudioSystem.isLineSupported(
                    new DataLine.Info(SourceDataLine.class, new AudioFormat(44100, 16, 1, true, false)));
        } catch (RuntimeException | LinkageError e) {
            return false;
        }
    }

    @Override
    public synchronized void play(AudioClip clip) {
        stopCurrent();
        player = new Thread(() -> playBlocking(clip), "babble-playback");
        player.setDaemon(true);
        player.start();
    }

    private void playBlocking(AudioClip clip) {
        AudioClip audio = clip.channelCount() <= 2 ? clip : clip.toMono();
        AudioFormat format = new AudioFormat(audio.sampleRate(), 16, audio.channelCount(), true, false);
        byte[] bytes = WavWriter.encodeSamples(audio, WavWriter.Depth.PCM16);
        try (SourceDataLine line = AudioSystem.getSourceDataLine(format)) {
            current = line;
            line.open(format);
            line.start();
            line.write(bytes, 0, bytes.length);
            line.drain();
        } catch (LineUnavailableException | IllegalArgumentException e) {
            // the speakers went away or refuse the format: labelling goes on without sound
        } finally {
            current = null;
        }
    }

    private void stopCurrent() {
        SourceDataLine line = current;
        if (line != null) {
            line.stop();
            line.flush();
            line.close();
        }
    }

    @Override
    public synchronized void stop() {
        stopCurrent();
    }

    @Override
    public boolean audible() {
        return true;
    }

    @Override
    public synchronized void close() {
        stopCurrent();
    }
}
