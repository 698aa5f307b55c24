package org.babble.core.audio;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.babble.core.BabbleException;

/**
 * Reads RIFF/WAVE files of every common encoding into {@link AudioClip}s.
 *
 * <p>Recorders get killed mid-write and phones rename other containers to {@code .wav}; the reader salvages what it can
 * (with a warning) and otherwise fails with a {@link BabbleException} that says what the file looks like.
 *
 * <p>Samples are scaled exactly as sox scales them: integer PCM by 2<sup>bits-1</sup> (8-bit unsigned around 128),
 * G.711 through its 16-bit linear value, floats as stored.
 */
public final class WavReader {
    private static final int WAVE_FORMAT_PCM = 0x0001;
    private static final int WAVE_FORMAT_IEEE_FLOAT = 0x0003;
    private static final int WAVE_FORMAT_ALAW = 0x0006;
    private static final int WAVE_FORMAT_MULAW = 0x0007;
    private static final int WAVE_FORMAT_EXTENSIBLE = 0xFFFE;
    /** KSDATAFORMAT_SUBTYPE_* GUIDs after their leading 2-byte format tag: {0000xxxx-0000-0010-8000-00aa00389b71}. */
    private static final byte[] SUBTYPE_GUID_TAIL = {
        0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71
    };
    /** More than any microphone array or ambisonic order babble could meet; each channel is a decoded array. */
    static final int MAX_CHANNELS = 64;
    /** Java arrays stop at 2 GiB; a 16-bit WAV cannot claim more than 4 GiB anyway. */
    private static final long MAX_FILE_BYTES = Integer.MAX_VALUE - 8;

    private static final String DAMAGED = "the file is damaged; re-record or re-export it";

    private WavReader() {}

    /** Reads and decodes the whole file. */
    public static DecodedWav read(Path file) {
        byte[] bytes;
        try {
            long size = Files.size(file);
            if (size > MAX_FILE_BYTES) {
                throw new BabbleException(
                        file,
                        "too large to read at once (" + size / (1 << 20) + " MiB, over 2 GiB)",
                        "split it first (e.g. sox IN OUT.wav trim 0 3600 : newfile : restart)");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new BabbleException(file, "no such file", "check the path");
        } catch (IOException e) {
            throw new BabbleException(file, "cannot read: " + e.getMessage(), "check the path and permissions", e);
        }
        return decode(file, bytes);
    }

    /** Decodes a file already in memory; {@code file} is only used in messages. */
    public static DecodedWav decode(Path file, byte[] bytes) {
        checkRiffWave(file, bytes);
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
        List<String> warnings = new ArrayList<>();
        WavFormat format = null;
        long pos = 12;
        while (pos + 8 <= bytes.length) {
            int at = (int) pos;
            String id = new String(bytes, at, 4, StandardCharsets.US_ASCII);
            long size = Integer.toUnsignedLong(buf.getInt(at + 4));
            int body = at + 8;
            if (id.equals("fmt ")) {
                if (size < 16 || body + size > bytes.length) {
                    throw new BabbleException(
                            file,
                            "truncated header: the fmt chunk is cut short (file ends after " + bytes.length + " bytes)",
                            DAMAGED);
                }
                format = parseFormat(file, buf, body, (int) size, warnings);
            } else if (id.equals("data")) {
                if (format == null) {
                    throw new BabbleException(file, "damaged header: data chunk before any fmt chunk", DAMAGED);
                }
                return readData(buf, body, size, format, warnings);
            }
            pos = body + size + (size & 1);
        }
        if (format == null) {
            throw new BabbleException(file, "truncated header: no fmt chunk in " + bytes.length + " bytes", DAMAGED);
        }
        throw new BabbleException(
                file,
                "no data chunk: the header (" + format.describe() + ") is all there is in " + bytes.length + " bytes",
                DAMAGED);
    }

    private static void checkRiffWave(Path file, byte[] bytes) {
        if (bytes.length == 0) {
            throw new BabbleException(file, "empty file (0 bytes)", "re-record it or remove it");
        }
        if (FileSniffer.ascii(bytes, 0, "RIFF") && bytes.length < 12) {
            throw new BabbleException(
                    file, "truncated header: only " + bytes.length + " bytes of RIFF header", DAMAGED);
        }
        if (FileSniffer.ascii(bytes, 0, "RIFF") && FileSniffer.ascii(bytes, 8, "WAVE")) {
            return;
        }
        String looksLike = FileSniffer.describe(bytes);
        throw new BabbleException(
                file,
                "not a WAV file: it looks like " + looksLike,
                "convert it to WAV first (e.g. ffmpeg -i IN -c:a pcm_s16le OUT.wav)");
    }

    private static DecodedWav readData(ByteBuffer buf, int body, long size, WavFormat format, List<String> warnings) {
        long available = buf.capacity() - (long) body;
        long length = size;
        if (size > available) {
            length = available;
            long frames = available / format.blockAlign();
            warnings.add(String.format(
                    "data chunk claims %d bytes but only %d follow (recording cut off?);"
                            + " read the %d frames (%.3f s) that are there",
                    size, available, frames, frames / (double) format.sampleRate()));
        }
        long frames = length / format.blockAlign();
        if (length % format.blockAlign() != 0) {
            warnings.add("data ends in a partial frame of " + length % format.blockAlign() + " bytes; ignored it");
        }
        return new DecodedWav(decodeSamples(buf, body, (int) frames, format), format, warnings);
    }

    private static WavFormat parseFormat(Path file, ByteBuffer buf, int at, int size, List<String> warnings) {
        int tag = Short.toUnsignedInt(buf.getShort(at));
        int channels = Short.toUnsignedInt(buf.getShort(at + 2));
        long rate = Integer.toUnsignedLong(buf.getInt(at + 4));
        int blockAlign = Short.toUnsignedInt(buf.getShort(at + 12));
        int bits = Short.toUnsignedInt(buf.getShort(at + 14));
        boolean extensible = tag == WAVE_FORMAT_EXTENSIBLE;
        if (extensible) {
            if (size < 40) {
                throw new BabbleException(
                        file, "truncated header: WAVE_FORMAT_EXTENSIBLE without its sub-format", DAMAGED);
            }
            // The sub-format GUID starts with the classic format tag; wBitsPerSample stays the container size.
            tag = Short.toUnsignedInt(buf.getShort(at + 24));
            for (int i = 0; i < SUBTYPE_GUID_TAIL.length; i++) {
                if (buf.get(at + 26 + i) != SUBTYPE_GUID_TAIL[i]) {
                    throw new BabbleException(
                            file,
                            "unsupported WAVE_FORMAT_EXTENSIBLE sub-format (not one of the"
                                    + " standard PCM, float, A-law or mu-law GUIDs)",
                            "convert it to PCM first (e.g. sox IN -e signed -b 16 OUT.wav)");
                }
            }
            int validBits = Short.toUnsignedInt(buf.getShort(at + 18));
            if (validBits > bits) {
                throw new BabbleException(
                        file, "damaged header: " + validBits + " valid bits in a " + bits + "-bit sample", DAMAGED);
            }
        }
        SampleEncoding encoding = switch (tag) {
            case WAVE_FORMAT_PCM -> SampleEncoding.PCM;
            case WAVE_FORMAT_IEEE_FLOAT -> SampleEncoding.FLOAT;
            case WAVE_FORMAT_ALAW -> SampleEncoding.ALAW;
            case WAVE_FORMAT_MULAW -> SampleEncoding.MULAW;
            default ->
                throw new BabbleException(
                        file,
                        String.format("unsupported WAV encoding 0x%04x (%s)", tag, compressedName(tag)),
                        "convert it to PCM first (e.g. sox IN -e signed -b 16 OUT.wav)");
        };
        boolean bitsOk = switch (encoding) {
            case PCM -> bits == 8 || bits == 16 || bits == 24 || bits == 32;
            case FLOAT -> bits == 32 || bits == 64;
            case ALAW, MULAW -> bits == 8;
        };
        if (!bitsOk) {
            throw new BabbleException(
                    file,
                    "unsupported sample size: " + bits + "-bit " + encoding,
                    "convert it to 16-bit PCM first (e.g. sox IN -b 16 OUT.wav)");
        }
        if (!SampleRates.plausible(rate)) {
            throw new BabbleException(
                    file,
                    "damaged header: it says " + rate + " Hz, outside the " + SampleRates.RANGE + " that audio uses",
                    DAMAGED);
        }
        if (channels == 0 || channels > MAX_CHANNELS) {
            throw new BabbleException(
                    file,
                    "damaged header: it says " + channels + " channels (babble reads 1 to " + MAX_CHANNELS + ")",
                    channels == 0 ? DAMAGED : "mix it down or split it first (e.g. sox IN OUT.wav" + " remix 1 2)");
        }
        WavFormat format = new WavFormat(encoding, bits, channels, (int) rate, extensible);
        if (blockAlign != format.blockAlign()) {
            warnings.add("header says block align " + blockAlign + ", which does not fit " + format.describe()
                    + "; read it as " + format.blockAlign() + " bytes a frame");
        }
        return format;
    }

    private static String compressedName(int tag) {
        return switch (tag) {
            case 0x0002 -> "MS ADPCM";
            case 0x0011 -> "IMA ADPCM";
            case 0x0031 -> "GSM 6.10";
            case 0x0055 -> "MP3";
            default -> "compressed";
        };
    }

    private static AudioClip decodeSamples(ByteBuffer buf, int at, int frames, WavFormat format) {
        int channels = format.channels();
        float[][] out = new float[channels][frames];
        int step = format.bytesPerSample();
        int p = at;
        for (int i = 0; i < frames; i++) {
            for (int c = 0; c < channels; c++) {
                out[c][i] = sample(buf, p, format);
                p += step;
            }
        }
        return new AudioClip(format.sampleRate(), out);
    }

    private static float sample(ByteBuffer buf, int p, WavFormat format) {
        return switch (format.encoding()) {
            case PCM ->
                switch (format.bitsPerSample()) {
                    case 8 -> ((buf.get(p) & 0xFF) - 128) / 128f;
                    case 16 -> buf.getShort(p) / 32768f;
                    case 24 ->
                        ((buf.get(p) & 0xFF) | ((buf.get(p + 1) & 0xFF) << 8) | (buf.get(p + 2) << 16)) / 8388608f;
                    default -> (float) (buf.getInt(p) / 2147483648.0);
                };
            case FLOAT -> format.bitsPerSample() == 32 ? buf.getFloat(p) : (float) buf.getDouble(p);
            case ALAW -> G711.alawToLinear(buf.get(p)) / 32768f;
            case MULAW -> G711.mulawToLinear(buf.get(p)) / 32768f;
        };
    }
}
