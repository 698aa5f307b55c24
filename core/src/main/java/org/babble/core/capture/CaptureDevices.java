package org.babble.core.capture;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioSystem;
import javax.sound.sampled.DataLine;
import javax.sound.sampled.Line;
import javax.sound.sampled.Mixer;
import javax.sound.sampled.SourceDataLine;
import javax.sound.sampled.TargetDataLine;
import org.babble.core.BabbleException;

/**
 * The machine's capture devices as javax.sound sees them, and the one clear failure when there are none: people run
 * {@code babble record} on servers and in containers, and "no capture device (found: ...)" is what they need to read.
 */
public final class CaptureDevices {
    private CaptureDevices() {}

    /** Every mixer that offers a {@link TargetDataLine}, numbered in AudioSystem's order. */
    public static List<CaptureDevice> list() {
        List<CaptureDevice> devices = new ArrayList<>();
        for (Mixer.Info info : mixers()) {
            Mixer mixer = AudioSystem.getMixer(info);
            List<String> formats = captureFormats(mixer);
            if (formats != null) {
                devices.add(new CaptureDevice(devices.size(), info.getName(), info.getDescription(), formats));
            }
        }
        return devices;
    }

    /**
     * The device {@code spec} names: an index from {@link #list()}, or a case-insensitive part of a name; the first
     * capture device when {@code spec} is null.
     */
    public static Mixer.Info find(String spec) {
        List<Mixer.Info> capture = new ArrayList<>();
        List<String> others = new ArrayList<>();
        for (Mixer.Info info : mixers()) {
            if (captureFormats(AudioSystem.getMixer(info)) != null) {
                capture.add(info);
            } else {
                others.add(info.getName() + " (" + kind(AudioSystem.getMixer(info)) + ")");
            }
        }
        if (capture.isEmpty()) {
            throw new BabbleException(
                    noDeviceMessage(others),
                    "connect a microphone (babble record --list-devices shows what Java sees), or rehearse with --from FILE");
        }
        if (spec == null || spec.isBlank()) {
            return capture.get(0);
        }
        if (spec.chars().allMatch(Character::isDigit)) {
            int index = Integer.parseInt(spec);
            if (index < capture.size()) {
                return capture.get(index);
            }
        } else {
            for (Mixer.Info info : capture) {
                if (info.getName().toLowerCase(Locale.ROOT).contains(spec.toLowerCase(Locale.ROOT))) {
                    return info;
                }
            }
        }
        List<String> names = new ArrayList<>();
        for (int i = 0; i < capture.size(); i++) {
            names.add(i + ": " + capture.get(i).getName());
        }
        throw new BabbleException(
                "no capture device matches --device " + spec + " (capture devices: " + String.join(", ", names) + ")",
                "give an index or part of a name from babble record --list-devices");
    }

    /** The message for a machine without capture devices, naming what was found instead. */
    static String noDeviceMessage(List<String> otherMixers) {
        return "no capture device found (no microphone or line-in that Java can open; "
                + (otherMixers.isEmpty()
                        ? "found no audio devices at all"
                        : "found only: " + String.join(", ", otherMixers))
                + ")";
    }

    private static Mixer.Info[] mixers() {
        try {
            return AudioSystem.getMixerInfo();
        } catch (RuntimeException | LinkageError e) {
            // headless JREs without the sound provider: treat as no devices
            return new Mixer.Info[0];
        }
    }

    /** Supported capture formats in words, or null when the mixer cannot capture. */
    private static List<String> captureFormats(Mixer mixer) {
        Set<String> formats = new LinkedHashSet<>();
        boolean capture = false;
        for (Line.Info info : mixer.getTargetLineInfo()) {
            if (info instanceof DataLine.Info data && TargetDataLine.class.isAssignableFrom(data.getLineClass())) {
                capture = true;
                for (AudioFormat format : data.getFormats()) {
                    formats.add(describe(format));
                }
            }
        }
        return capture ? new ArrayList<>(formats) : null;
    }

    private static String kind(Mixer mixer) {
        for (Line.Info info : mixer.getSourceLineInfo()) {
            if (info instanceof DataLine.Info data && SourceDataLine.class.isAssignableFrom(data.getLineClass())) {
                return "playback only";
            }
        }
        return "ports/controls only";
    }

    static String describe(AudioFormat format) {
        String rate = format.getSampleRate() == AudioSystem.NOT_SPECIFIED
                ? "any rate"
                : String.format(Locale.ROOT, "%.0f Hz", format.getSampleRate());
        String channels = format.getChannels() == AudioSystem.NOT_SPECIFIED ? "any ch" : format.getChannels() + " ch";
        return format.getEncoding() + " " + format.getSampleSizeInBits() + "-bit, " + channels + ", " + rate
                + (format.getSampleSizeInBits() > 8 ? (format.isBigEndian() ? ", big-endian" : ", little-endian") : "");
    }
}
