package org.babble.core.capture;

import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.LineUnavailableException;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.TargetDataLine;
import org.babble.core.BabbleException;
import org.babble.core.audio.WavWriter;

/**
 * A microphone through javax.sound: signed little-endian 16-bit PCM at the requested rate and channel count, read in
 * blocks, with dropped frames counted by an {@link OverrunDetector}. The only class that turns device bytes into floats.
 */
public final class DeviceSource implements AudioSource {
    private static final double BUFFER_SECONDS = 2.0;

    private final TargetDataLine line;
    private final CaptureFormat format;
    private final String name;
    private final OverrunDetector overruns;
    private final int frameBytes;
    private byte[] bytes = new byte[0];
    private long delivered;

    /** Wraps an opened, started line (tests hand in a stand-in). */
    DeviceSource(TargetDataLine line, CaptureFormat format, String name) {
        this.line = line;
        this.format = format;
        this.name = name;
        this.frameBytes = 2 * format.channels();
        this.overruns = new OverrunDetector(line.getBufferSize() / frameBytes);
    }

    /** Opens and starts the device {@code spec} names (see {@link CaptureDevices#find}). */
    public static DeviceSource open(String spec, int sampleRate, int channels) {
        Mixer.Info info = CaptureDevices.find(spec);
        AudioFormat audioFormat = new AudioFormat(sampleRate, 16, channels, true, false);
        try {
            Mixer mixer = AudioSystem.getMixer(info);
            TargetDataLine line = (TargetDataLine) mixer.getLine(new DataLine.Info(TargetDataLine.class, audioFormat));
            int bufferBytes = ((int) (BUFFER_SECONDS * sampleRate)) * channels * 2;
            line.open(audioFormat, bufferBytes);
            line.start();
            return new DeviceSource(
                    line, new CaptureFormat(sampleRate, channels, WavWriter.Depth.PCM16), info.getName());
        } catch (LineUnavailableException | IllegalArgumentException e) {
            throw new BabbleException(
                    (java.nio.file.Path) null,
                    info.getName() + " cannot capture " + sampleRate + " Hz, " + channels + " ch, 16-bit: "
                            + e.getMessage(),
                    "pick a format it lists (babble record --list-devices) with --rate/--channels, or close other recorders",
                    e);
        }
    }

    @Override
    public CaptureFormat format() {
        return format;
    }

    @Override
    public int read(float[][] into, int maxFrames) {
        if (!line.isOpen()) {
            return -1;
        }
        overruns.observe(line.getLongFramePosition(), delivered);
        int want = maxFrames * frameBytes;
        if (bytes.length < want) {
            bytes = new byte[want];
        }
        int got = line.read(bytes, 0, want);
        int frames = got / frameBytes;
        int p = 0;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < format.channels(); c++) {
                into[c][i] = (short) ((bytes[p] & 0xFF) | (bytes[p + 1] << 8)) / 32768f;
                p += 2;
            }
        }
        delivered += frames;
        // a blocking read returns short only when the line was stopped or closed (device unplugged): the end
        return frames == 0 ? -1 : frames;
    }

    @Override
    public long lostFrames() {
        return overruns.lostFrames();
    }

    @Override
    public String describe() {
        return name;
    }

    @Override
    public void close() {
        line.stop();
        line.close();
    }
}
