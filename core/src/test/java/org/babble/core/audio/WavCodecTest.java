package org.babble.core.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Stream;
import org.babble.core.BabbleException;
import org.babble.testing.Signals;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** Writing then reading gives back the samples, to within each depth's quantisation step; headers are exact. */
class WavCodecTest {
    private static final Path NAME = Path.of("test.wav");

    @TempDir
    Path dir;

    /** A stereo clip: a chirp on the left, noise on the right, both peaking well below full scale. */
    private static AudioClip stereo() {
        return new AudioClip(
                44100, new float[][] {Signals.chirp(100, 8000, 0.8, 44100, 20000), Signals.noise(0.2, 7, 20000)});
    }

    @ParameterizedTest
    @EnumSource(WavWriter.Depth.class)
    void roundTripsWithinHalfAStep(WavWriter.Depth depth) {
        AudioClip clip = stereo();
        Path file = dir.resolve(depth + ".wav");
        WavWriter.write(file, clip, depth);
        DecodedWav back = WavReader.read(file);

        double halfStep = switch (depth) {
            case PCM16 -> 0.5 / 32768;
            case PCM24 -> 0.5 / 8388608;
            case FLOAT32 -> 0;
        };
        assertEquals(clip.sampleRate(), back.clip().sampleRate());
        assertEquals(clip.frames(), back.clip().frames());
        assertEquals(2, back.clip().channelCount());
        assertEquals(List.of(), back.warnings());
        for (int c = 0; c < 2; c++) {
            float[] in = clip.channel(c);
            float[] out = back.clip().channel(c);
            for (int i = 0; i < in.length; i++) {
                double error = Math.abs(in[i] - out[i]);
                // float rounding of k/32768 etc. adds at most one ulp of the sample
                assertTrue(
                        error <= halfStep + Math.ulp(in[i]), depth + " ch" + c + " sample " + i + " off by " + error);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(WavWriter.Depth.class)
    void headerSizesAreExact(WavWriter.Depth depth) {
        AudioClip clip = new AudioClip(8000, new float[3][101]);
        ByteBuffer b = ByteBuffer.wrap(WavWriter.encode(clip, depth)).order(ByteOrder.LITTLE_ENDIAN);
        int bytes = depth.bits / 8;
        int dataSize = 101 * 3 * bytes;
        assertEquals(44 + dataSize, b.capacity(), "file length");
        assertEquals(36 + dataSize, b.getInt(4), "RIFF size");
        assertEquals(depth == WavWriter.Depth.FLOAT32 ? 3 : 1, b.getShort(20), "format tag");
        assertEquals(3, b.getShort(22), "channels");
        assertEquals(8000, b.getInt(24), "sample rate");
        assertEquals(8000 * 3 * bytes, b.getInt(28), "byte rate");
        assertEquals(3 * bytes, b.getShort(32), "block align");
        assertEquals(depth.bits, b.getShort(34), "bits");
        assertEquals(dataSize, b.getInt(40), "data size");
    }

    @ParameterizedTest
    @EnumSource(WavWriter.Depth.class)
    void encodedSamplesAreTheFileAfterItsHeader(WavWriter.Depth depth) {
        byte[] file = WavWriter.encode(stereo(), depth);
        assertArrayEquals(Arrays.copyOfRange(file, 44, file.length), WavWriter.encodeSamples(stereo(), depth));
    }

    @Test
    void integerDepthsClampAtFullScaleAndRoundToNearest() {
        AudioClip clip = AudioClip.mono(8000, new float[] {1.5f, -1.5f, 1f, -1f, 0.5f / 32768, Float.NaN});
        DecodedWav back = WavReader.decode(NAME, WavWriter.encode(clip, WavWriter.Depth.PCM16));
        assertArrayEquals(
                new float[] {32767 / 32768f, -1f, 32767 / 32768f, -1f, 1 / 32768f, 0f},
                back.clip().channel(0));
    }

    @Test
    void float32KeepsValuesBeyondFullScale() {
        AudioClip clip = AudioClip.mono(8000, new float[] {1.5f, -2f, 1e-9f});
        DecodedWav back = WavReader.decode(NAME, WavWriter.encode(clip, WavWriter.Depth.FLOAT32));
        assertArrayEquals(clip.channel(0), back.clip().channel(0));
    }

    /**
     * A clip padded with silence (clean's clips padded to length) is written without encoding the padding; the file
     * holds exactly the bytes of the in-memory encoding, whatever the depth, with a negative zero in the padding (a
     * zero step in PCM, a sign bit in float) and with no padding at all.
     */
    @ParameterizedTest
    @EnumSource(WavWriter.Depth.class)
    void aClipEndingInSilenceIsWrittenAsItsEncoding(WavWriter.Depth depth) throws IOException {
        float[] left = Arrays.copyOf(Signals.chirp(100, 8000, 0.8, 44100, 20000), 50000);
        float[] right = Arrays.copyOf(Signals.noise(0.2, 7, 15000), 50000);
        right[30000] = -0f;
        List<AudioClip> clips = List.of(
                new AudioClip(44100, new float[][] {left, right}),
                new AudioClip(44100, new float[][] {new float[1000]}),
                stereo());
        for (AudioClip clip : clips) {
            Path file = dir.resolve("padded-" + depth + ".wav");
            WavWriter.write(file, clip, depth);
            assertArrayEquals(WavWriter.encode(clip, depth), Files.readAllBytes(file));
        }
    }

    @Test
    void writeIsAtomicAndLeavesNoTemporaryFiles() throws IOException {
        Path file = dir.resolve("out.wav");
        Files.writeString(file, "old content");
        WavWriter.write(file, stereo());
        assertEquals(
                WavReader.read(file).clip(),
                WavReader.decode(NAME, WavWriter.encode(stereo(), WavWriter.Depth.PCM16))
                        .clip());
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(List.of(file), files.toList());
        }
    }

    @Test
    void defaultDepthIs16BitPcm() {
        Path file = dir.resolve("default.wav");
        WavWriter.write(file, stereo());
        assertEquals(WavFormat.pcm16(2, 44100), WavReader.read(file).format());
    }

    // ---- hand-built headers: the layouts the odd/ folder does not cover ----

    @Test
    void skipsUnknownChunksOfOddSizeBeforeAndAfterFmt() {
        byte[] file = riff(
                chunk("junk", new byte[3]),
                fmt(1, 1, 8000, 16),
                chunk("LIST", new byte[5]),
                chunk("data", shorts(1000, -1000)));
        AudioClip clip = WavReader.decode(NAME, file).clip();
        assertArrayEquals(new float[] {1000 / 32768f, -1000 / 32768f}, clip.channel(0));
    }

    /** KSDATAFORMAT_SUBTYPE_PCM after its first two bytes, as Microsoft's ksmedia.h defines it. */
    private static final byte[] PCM_GUID_TAIL = {
        0, 0, 0, 0, 0x10, 0, (byte) 0x80, 0, 0, (byte) 0xAA, 0, 0x38, (byte) 0x9B, 0x71
    };

    private static byte[] extensibleFmt(int validBits, byte[] guidTail) {
        ByteBuffer ext = ByteBuffer.allocate(40).order(ByteOrder.LITTLE_ENDIAN);
        ext.putShort((short) 0xFFFE)
                .putShort((short) 2)
                .putInt(48000)
                .putInt(48000 * 6)
                .putShort((short) 6)
                .putShort((short) 24)
                .putShort((short) 22)
                .putShort((short) validBits)
                .putInt(3)
                .putShort((short) 1)
                .put(guidTail);
        return chunk("fmt ", ext.array());
    }

    @Test
    void extensibleNeedsTheWholeSubFormatGuid() {
        byte[] tail = PCM_GUID_TAIL.clone();
        tail[13] = 0x72;
        assertMessage(
                riff(extensibleFmt(24, tail), chunk("data", new byte[6])),
                "unsupported WAVE_FORMAT_EXTENSIBLE sub-format");
        assertMessage(
                riff(extensibleFmt(24, new byte[14]), chunk("data", new byte[6])),
                "unsupported WAVE_FORMAT_EXTENSIBLE sub-format");
    }

    @Test
    void extensibleValidBitsCannotExceedTheContainer() {
        assertMessage(
                riff(extensibleFmt(25, PCM_GUID_TAIL), chunk("data", new byte[6])), "25 valid bits in a 24-bit sample");
    }

    @Test
    void sampleRatesOutsideWhatAudioUsesAreRefusedSayingTheRange() {
        for (int rate : new int[] {1, 2, 999, 768_001, Integer.MAX_VALUE, -1}) {
            assertMessage(
                    riff(fmt(1, 1, rate, 16), chunk("data", new byte[4])), "outside the 1 kHz–768 kHz that audio uses");
        }
        assertEquals(
                1000,
                WavReader.decode(NAME, riff(fmt(1, 1, 1000, 16), chunk("data", new byte[4])))
                        .format()
                        .sampleRate());
        assertEquals(
                768_000,
                WavReader.decode(NAME, riff(fmt(1, 1, 768_000, 16), chunk("data", new byte[4])))
                        .format()
                        .sampleRate());
    }

    @Test
    void moreChannelsThanAnyRecorderHasAreRefused() {
        assertMessage(riff(fmt(1, 65, 8000, 16), chunk("data", new byte[130])), "it says 65 channels");
    }

    @Test
    void readsExtensible24BitAndInterleavedChannels() {
        byte[] samples = {
            0, 0, (byte) 0x80, (byte) 0xFF, (byte) 0xFF, 0x7F, 1, 0, 0, (byte) 0xFF, (byte) 0xFF, (byte) 0xFF
        };
        DecodedWav wav = WavReader.decode(NAME, riff(extensibleFmt(24, PCM_GUID_TAIL), chunk("data", samples)));
        assertTrue(wav.format().extensible());
        assertArrayEquals(new float[] {-1f, 1 / 8388608f}, wav.clip().channel(0));
        assertArrayEquals(
                new float[] {8388607 / 8388608f, -1 / 8388608f}, wav.clip().channel(1));
    }

    @Test
    void aPartialLastFrameIsDroppedWithAWarning() {
        DecodedWav wav = WavReader.decode(NAME, riff(fmt(1, 2, 8000, 16), chunk("data", new byte[10])));
        assertEquals(2, wav.clip().frames());
        assertEquals(List.of("data ends in a partial frame of 2 bytes; ignored it"), wav.warnings());
    }

    @Test
    void refusesWhatItCannotDecodeSayingWhy() {
        assertMessage(
                riff(fmt(2, 1, 8000, 4), chunk("data", new byte[4])), "unsupported WAV encoding 0x0002 (MS ADPCM)");
        assertMessage(riff(fmt(1, 1, 8000, 12), chunk("data", new byte[4])), "unsupported sample size: 12-bit PCM");
        assertMessage(riff(fmt(1, 0, 8000, 16), chunk("data", new byte[4])), "it says 0 channels");
        assertMessage(riff(chunk("data", new byte[4]), fmt(1, 1, 8000, 16)), "data chunk before any fmt chunk");
        assertMessage(riff(fmt(1, 1, 8000, 16)), "no data chunk");
        assertMessage(riff(chunk("LIST", new byte[4])), "no fmt chunk");
        assertMessage("RIFF\0\0".getBytes(StandardCharsets.US_ASCII), "truncated header: only 6 bytes");
        byte[] avi = riff();
        avi[8] = 'A';
        avi[9] = 'V';
        avi[10] = 'I';
        avi[11] = ' ';
        assertMessage(avi, "a RIFF file of type 'AVI', not WAVE");
        assertMessage("OggS\0\0\0\0".getBytes(StandardCharsets.US_ASCII), "an Ogg container");
        assertMessage("fLaC\0\0\0\0".getBytes(StandardCharsets.US_ASCII), "a FLAC file");
        assertMessage("ID3\u0004\0\0".getBytes(StandardCharsets.ISO_8859_1), "an MP3 file");
        assertMessage(new byte[] {0, 1, 2, 3}, "unknown content (4 bytes)");
    }

    @Test
    void aMissingFileSaysSo() {
        BabbleException e = assertThrows(BabbleException.class, () -> WavReader.read(dir.resolve("nope.wav")));
        assertTrue(e.getMessage().contains("no such file"), e.getMessage());
        assertFalse(Files.exists(dir.resolve("nope.wav")));
    }

    private static void assertMessage(byte[] file, String expected) {
        BabbleException e = assertThrows(BabbleException.class, () -> WavReader.decode(NAME, file));
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
    }

    private static byte[] riff(byte[]... chunks) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        body.writeBytes("WAVE".getBytes(StandardCharsets.US_ASCII));
        for (byte[] c : chunks) {
            body.writeBytes(c);
        }
        ByteBuffer b = ByteBuffer.allocate(8 + body.size()).order(ByteOrder.LITTLE_ENDIAN);
        b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(body.size()).put(body.toByteArray());
        return b.array();
    }

    /** A chunk with its pad byte when the size is odd. */
    private static byte[] chunk(String id, byte[] body) {
        ByteBuffer b = ByteBuffer.allocate(8 + body.length + (body.length & 1)).order(ByteOrder.LITTLE_ENDIAN);
        b.put(id.getBytes(StandardCharsets.US_ASCII)).putInt(body.length).put(body);
        return b.array();
    }

    private static byte[] fmt(int tag, int channels, int rate, int bits) {
        int align = channels * ((bits + 7) / 8);
        ByteBuffer b = ByteBuffer.allocate(16).order(ByteOrder.LITTLE_ENDIAN);
        b.putShort((short) tag)
                .putShort((short) channels)
                .putInt(rate)
                .putInt(rate * align)
                .putShort((short) align)
                .putShort((short) bits);
        return chunk("fmt ", b.array());
    }

    private static byte[] shorts(int... values) {
        ByteBuffer b = ByteBuffer.allocate(values.length * 2).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : values) {
            b.putShort((short) v);
        }
        return b.array();
    }

    @Test
    void quantizesAsMathRoundDoesOnEverySampleAFloatCanHold() {
        java.util.Random random = new java.util.Random(7);
        float[] samples = new float[200_000];
        for (int i = 0; i < samples.length; i++) {
            samples[i] = switch (i % 4) {
                case 0 -> (float) (random.nextDouble() * 3 - 1.5); // beyond full scale too
                case 1 -> (random.nextInt(65536) - 32768 + 0.5f) / 32768f; // exactly half a step: ties
                case 2 -> Math.nextUp((random.nextInt(65536) - 32768 + 0.5f) / 32768f);
                default -> Math.nextDown((random.nextInt(16_777_216) - 8_388_608 + 0.5f) / 8_388_608f);
            };
        }
        for (float sample : samples) {
            for (int fullScale : new int[] {32768, 8388608}) {
                long expected = Math.max(-fullScale, Math.min(fullScale - 1, Math.round((double) sample * fullScale)));
                assertEquals(expected, WavWriter.quantize(sample, fullScale), () -> sample + " at " + fullScale);
            }
        }
        assertEquals(0, WavWriter.quantize(Float.NaN, 32768));
        assertEquals(32767, WavWriter.quantize(Float.POSITIVE_INFINITY, 32768));
        assertEquals(-32768, WavWriter.quantize(Float.NEGATIVE_INFINITY, 32768));
    }
}
