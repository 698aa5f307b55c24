package org.babble.core.monitor;

import org.babble.core.BabbleException;
import org.babble.core.capture.AudioSource;
import org.babble.core.capture.CaptureFormat;

/**
 * A capture device seen by the monitor: a microphone has no end of input, so a read that reports the end (the line was
 * stopped or closed: the device was unplugged) is a lost device, which the monitor logs and reopens with backoff,
 * rather than the end of the night.
 */
public final class UnendingSource implements AudioSource {
    private final AudioSource device;

    public UnendingSource(AudioSource device) {
        this.device = device;
    }

    @Override
    public CaptureFormat format() {
        return device.format();
    }

    @Override
    public int read(float[][] into, int maxFrames) {
        int n = device.read(into, maxFrames);
        if (n < 0) {
            throw new BabbleException(
                    device.describe() + " stopped delivering audio",
                    "check the device is plugged in; the monitor keeps trying to reopen it");
        }
        return n;
    }

    @Override
    public long lostFrames() {
        return device.lostFrames();
    }

    @Override
    public String describe() {
        return device.describe();
    }

    @Override
    public void close() {
        device.close();
    }
}
