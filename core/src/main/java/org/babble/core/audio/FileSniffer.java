package org.babble.core.audio;

import java.nio.charset.StandardCharsets;

/**
 * Tells, from a file's first bytes, what a non-WAV file probably is, so an error can say "a 3GP/MP4 container" instead
 * of "bad header": phones and recorder apps often save other formats under a {@code .wav} name.
 */
final class FileSniffer {
    private static final int TEXT_PREVIEW = 24;

    private FileSniffer() {}

    /** A short noun phrase such as {@code a 3GP/MP4 container (3gp4)}. */
    static String describe(byte[] bytes) {
        if (bytes.length == 0) {
            return "an empty file";
        }
        if (ascii(bytes, 4, "ftyp")) {
            String brand = new String(bytes, 8, Math.min(4, bytes.length - 8), StandardCharsets.US_ASCII).trim();
            return brand.startsWith("3g")
                    ? "a 3GP/MP4 container (" + brand + ")"
                    : "an MP4/M4A container (" + brand + ")";
        }
        if (ascii(bytes, 0, "RIFX")) {
            return "a big-endian RIFX file";
        }
        if (ascii(bytes, 0, "RF64")) {
            return "an RF64 file (a WAV over 4 GB)";
        }
        if (ascii(bytes, 0, "RIFF")) {
            String type = bytes.length >= 12 ? new String(bytes, 8, 4, StandardCharsets.US_ASCII).trim() : "?";
            return "a RIFF file of type '" + printable(type) + "', not WAVE";
        }
        if (ascii(bytes, 0, "OggS")) {
            return "an Ogg container (Vorbis/Opus)";
        }
        if (ascii(bytes, 0, "fLaC")) {
            return "a FLAC file";
        }
        if (ascii(bytes, 0, "#!AMR")) {
            return "an AMR voice recording";
        }
        if (ascii(bytes, 0, "FORM") && (ascii(bytes, 8, "AIFF") || ascii(bytes, 8, "AIFC"))) {
            return "an AIFF file";
        }
        if (ascii(bytes, 0, "ID3") || (bytes.length >= 2 && (bytes[0] & 0xFF) == 0xFF && (bytes[1] & 0xE0) == 0xE0)) {
            return "an MP3 file";
        }
        if (looksLikeText(bytes)) {
            String start =
                    new String(bytes, 0, Math.min(bytes.length, TEXT_PREVIEW), StandardCharsets.US_ASCII).strip();
            return "a text file (\"" + printable(start) + (bytes.length > TEXT_PREVIEW ? "…" : "") + "\")";
        }
        return "unknown content (" + bytes.length + " bytes)";
    }

    private static boolean looksLikeText(byte[] bytes) {
        int n = Math.min(bytes.length, 512);
        for (int i = 0; i < n; i++) {
            int b = bytes[i] & 0xFF;
            if (b < 0x09 || (b > 0x0D && b < 0x20 && b != 0x1B) || b == 0x7F) {
                return false;
            }
        }
        return n > 0;
    }

    private static String printable(String text) {
        return text.replaceAll("[^\\x20-\\x7E]", "?");
    }

    /** Whether {@code text} (ASCII) stands at {@code at}; false where the file is too short. */
    static boolean ascii(byte[] bytes, int at, String text) {
        if (at + text.length() > bytes.length) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (bytes[at + i] != text.charAt(i)) {
                return false;
            }
        }
        return true;
    }
}
