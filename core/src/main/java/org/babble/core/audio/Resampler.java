package org.babble.core.audio;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.IntStream;

/**
 * Band-limited sample-rate conversion by a polyphase Kaiser-windowed sinc, matched to sox's default {@code rate}
 * (flat to 91% of the lower Nyquist, -3 dB near 95%, more than 120 dB down at Nyquist, linear phase and no delay).
 *
 * <p>Training clips must sound the same whether they came from a 48 kHz phone or a 44.1 kHz recorder, so the
 * conversion has to keep the whole passband and fold nothing back; linear interpolation does neither. Output sample
 * {@code n} sits exactly at input time {@code n * from / to}, and the output holds {@code round(n * to / from)}
 * samples, as sox does.
 */
public final class Resampler {
    /** Filter cut-off (-6 dB) as a fraction of the lower Nyquist frequency. */
    private static final double CUTOFF = 0.956;
    /** Width of the transition band as a fraction of the lower Nyquist frequency. */
    private static final double TRANSITION = 0.088;
    /** Stop-band attenuation in dB. */
    private static final double ATTENUATION_DB = 125;
    /** Above this many phases the table is interpolated instead of holding one row per exact phase. */
    private static final int MAX_EXACT_PHASES = 2048;

    private static final int INTERPOLATED_PHASES = 1024;
    /**
     * Floats the filter table may hold (32 MB). Every usual rate pair needs under 0.6 M; only extreme ratios with
     * coprime rates (767999 Hz to 1 kHz) would need more, and they get fewer interpolated phases instead.
     */
    static final long MAX_TABLE_FLOATS = 8L << 20;
    /** The longest filter the table may hold: a conversion down by more than the widest in-range ratio is refused. */
    private static final long MAX_TAPS = MAX_TABLE_FLOATS / 16;
    /**
     * Output samples converted as one block; longer outputs are split into blocks converted in parallel (the monitor
     * converts about 55 000 a block of its stream).
     */
    private static final int CHUNK = 1 << 13;

    /**
     * Converters by rate pair: building the filter table costs about as much as converting a second of audio, and
     * callers (clean's pieces, every window the monitor scores, every clip a data set loads) convert many short
     * signals between the same two rates. Converters are immutable, so sharing them is safe.
     */
    private static final Map<Conversion, Resampler> BY_RATES = new ConcurrentHashMap<>();
    /** Rate pairs kept, and the largest table kept (4 MB; 44.1 kHz to 16 kHz needs 0.2 M floats). */
    private static final int MAX_CACHED = 32;

    private static final long MAX_CACHED_TABLE_FLOATS = 1L << 20;
    /**
     * The Kaiser window, tabulated once: a table of millions of taps (odd rates such as 767999 Hz) evaluated by its
     * Bessel series took seconds; interpolating this table is off by under 1e-7, below a float's resolution.
     */
    private static final KaiserWindow KAISER = new KaiserWindow(0.1102 * (ATTENUATION_DB - 8.7), 1 << 14);

    private final int fromRate;
    private final int toRate;
    private final long up;
    private final long down;
    private final int half;
    private final int taps;
    private final int phases;
    private final boolean exact;
    private final float[][] table;

    /**
     * A rate pair and the band {@code [0, bandHz]} that must come through exactly; {@code bandHz} at or above the
     * lower Nyquist frequency asks for sox's whole passband.
     */
    private record Conversion(int fromRate, int toRate, double bandHz) {}

    private Resampler(Conversion conversion) {
        this.fromRate = conversion.fromRate();
        this.toRate = conversion.toRate();
        long g = gcd(fromRate, toRate);
        this.up = toRate / g;
        this.down = fromRate / g;
        double nyquist = Math.min(fromRate, toRate) / 2.0;
        double cutoffHz = CUTOFF * nyquist;
        double transitionHz = TRANSITION * nyquist;
        // Only [0, band] is used: what lies above the lower Nyquist may fold back as long as it lands above the band,
        // so the filter may pass the band and stop from 2 * nyquist - band on, centred on the Nyquist frequency.
        double relaxedHz = 2 * (nyquist - conversion.bandHz());
        if (relaxedHz > transitionHz) {
            cutoffHz = nyquist;
            transitionHz = relaxedHz;
        }
        double cutoff = cutoffHz / fromRate; // cycles per input sample
        double transition = transitionHz / fromRate;
        double length = Math.ceil((ATTENUATION_DB - 7.95) / (2.285 * 2 * Math.PI * transition));
        if (length > MAX_TAPS) {
            throw new IllegalArgumentException("cannot convert " + fromRate + " Hz to " + toRate
                    + " Hz: the ratio is too" + " extreme (rates must lie within " + SampleRates.RANGE + ")");
        }
        this.half = (int) length / 2 + 1;
        this.taps = 2 * half;
        this.exact = up <= MAX_EXACT_PHASES && up * taps <= MAX_TABLE_FLOATS;
        this.phases = exact ? (int) up : (int) Math.min(INTERPOLATED_PHASES, MAX_TABLE_FLOATS / taps - 1);
        int rows = exact ? phases : phases + 1;
        this.table = new float[rows][taps];
        for (int p = 0; p < rows; p++) {
            double frac = p / (double) phases;
            for (int k = 0; k < taps; k++) {
                // tap k weighs input sample (base + k - half + 1) for an output at (base + frac)
                double u = frac - (k - half + 1);
                table[p][k] = (float) (2 * cutoff * sinc(2 * cutoff * u) * KAISER.at(u / half));
            }
        }
    }

    /** {@code samples} at {@code fromRate}, converted to {@code toRate}; a copy when the rates are equal. */
    public static float[] resample(float[] samples, int fromRate, int toRate) {
        return resample(samples, fromRate, toRate, Double.POSITIVE_INFINITY);
    }

    /**
     * {@code samples} converted to {@code toRate} for a reader of {@code [0, bandHz]} only (a model whose features stop
     * at {@code bandHz}): that band is as exact as {@link #resample(float[], int, int)} makes it, while what lies
     * between the band and the lower Nyquist frequency may hold folded-back audio from above it. The filter is then
     * as many times shorter as its transition band is wider: 48 kHz to a 22050 Hz model with features up to 4 kHz
     * takes 28 taps a sample instead of 404.
     */
    public static float[] resample(float[] samples, int fromRate, int toRate, double bandHz) {
        if (fromRate <= 0 || toRate <= 0) {
            throw new IllegalArgumentException("sample rates must be positive, got " + fromRate + " -> " + toRate);
        }
        if (fromRate == toRate) {
            return samples.clone();
        }
        return of(fromRate, toRate, bandHz).apply(samples);
    }

    /** Every channel of {@code clip} converted to {@code toRate}; the clip itself when it already has that rate. */
    public static AudioClip resample(AudioClip clip, int toRate) {
        if (clip.sampleRate() == toRate) {
            return clip;
        }
        Resampler resampler = of(clip.sampleRate(), toRate);
        float[][] out = new float[clip.channelCount()][];
        for (int c = 0; c < out.length; c++) {
            out[c] = resampler.apply(clip.channel(c));
        }
        return new AudioClip(toRate, out);
    }

    /**
     * A shared converter for a usual rate pair; odd pairs with large tables are built for the call and dropped, and the
     * cache is emptied when full, so files with many different rates cannot pile tables up in memory.
     */
    static Resampler of(int fromRate, int toRate) {
        return of(fromRate, toRate, Double.POSITIVE_INFINITY);
    }

    /** {@link #of(int, int)} for a reader of {@code [0, bandHz]} (see {@link #resample(float[], int, int, double)}). */
    static Resampler of(int fromRate, int toRate, double bandHz) {
        double band = Math.min(bandHz, Math.min(fromRate, toRate) / 2.0); // one key for every "whole passband"
        Conversion key = new Conversion(fromRate, toRate, band);
        Resampler known = BY_RATES.get(key);
        if (known != null) {
            return known;
        }
        Resampler made = new Resampler(key);
        if ((long) made.table.length * made.taps <= MAX_CACHED_TABLE_FLOATS) {
            if (BY_RATES.size() >= MAX_CACHED) {
                BY_RATES.clear();
            }
            BY_RATES.putIfAbsent(key, made);
        }
        return made;
    }

    /** The output length for {@code frames} input samples: {@code round(frames * to / from)}. */
    public static int outputLength(long frames, int fromRate, int toRate) {
        return (int) ((frames * toRate + fromRate / 2) / fromRate);
    }

    float[] apply(float[] samples) {
        int outLength = outputLength(samples.length, fromRate, toRate);
        // zeros beyond both ends, so the inner loop needs no bounds checks
        float[] padded = new float[samples.length + 2 * taps];
        System.arraycopy(samples, 0, padded, taps, samples.length);
        float[] out = new float[outLength];
        convertInBlocks(padded, -taps, out, 0, outLength);
        return out;
    }

    /**
     * {@link #convert} of outputs {@code [from, to)} into {@code out[0 ..]}, in blocks converted on all cores when there
     * are several (the blocks are independent, so the result does not depend on how they are split).
     */
    void convertInBlocks(float[] input, long origin, float[] out, long from, long to) {
        int count = (int) (to - from);
        int blocks = (count + CHUNK - 1) / CHUNK;
        if (blocks > 1) {
            IntStream.range(0, blocks)
                    .parallel()
                    .forEach(b -> convert(
                            input,
                            origin,
                            out,
                            b * CHUNK,
                            from + (long) b * CHUNK,
                            Math.min(to, from + (long) (b + 1) * CHUNK)));
        } else {
            convert(input, origin, out, 0, from, to);
        }
    }

    /** Output samples {@code [from, to)} computed need input samples up to this index (exclusive). */
    long inputNeededFor(long to) {
        return to <= 0 ? 0 : inputBase(to - 1) + half + 1;
    }

    /** How many leading output samples read only input samples before index {@code inputs}. */
    long outputsComputableFrom(long inputs) {
        long lastBase = inputs - half - 1;
        // outputs n with floor(n * down / up) <= lastBase, i.e. n * down < (lastBase + 1) * up
        return lastBase < 0 ? 0 : ((lastBase + 1) * up + down - 1) / down;
    }

    /** The earliest input sample output {@code n} reads. */
    long firstInputOf(long n) {
        return inputBase(n) - half + 1;
    }

    private long inputBase(long n) {
        return n * down / up;
    }

    /**
     * Output samples {@code [from, to)} into {@code out[at ..]}, reading input sample {@code i} from
     * {@code input[i - origin]}; the caller guarantees every sample read lies inside {@code input} (zeros standing for
     * audio before the start or after the end). The one loop both the one-shot and the streaming conversion run, so
     * their outputs are identical.
     */
    void convert(float[] input, long origin, float[] out, int at, long from, long to) {
        if (from >= to) {
            return;
        }
        long position = from * down; // input time n*down/up, in units of 1/up samples
        long base = position / up;
        long remainder = position - base * up;
        long baseStep = down / up;
        long remainderStep = down % up;
        // the next output's base and phase follow from this one's without a division: filters of a few dozen taps
        // (a model's band, see resample(float[], int, int, double)) spent a third of their time dividing
        for (long n = from; n < to; n++, at++) {
            int start = (int) (base - half + 1 - origin);
            if (exact) {
                out[at] = dot(table[(int) remainder], input, start);
            } else {
                double scaled = remainder * (double) phases / up;
                int p = (int) scaled;
                double a = scaled - p;
                out[at] = (float) ((1 - a) * dot(table[p], input, start) + a * dot(table[p + 1], input, start));
            }
            base += baseStep;
            remainder += remainderStep;
            if (remainder >= up) {
                remainder -= up;
                base++;
            }
        }
    }

    /**
     * Eight running sums of fused multiply-adds: one sum would wait on the previous add every tap; eight keep both
     * of a core's multiply-add units busy (about twice the four unfused sums this replaced).
     */
    private static float dot(float[] coefficients, float[] x, int start) {
        float s0 = 0;
        float s1 = 0;
        float s2 = 0;
        float s3 = 0;
        float s4 = 0;
        float s5 = 0;
        float s6 = 0;
        float s7 = 0;
        int n = coefficients.length;
        int k = 0;
        for (; k + 7 < n; k += 8) {
            int i = start + k;
            s0 = Math.fma(coefficients[k], x[i], s0);
            s1 = Math.fma(coefficients[k + 1], x[i + 1], s1);
            s2 = Math.fma(coefficients[k + 2], x[i + 2], s2);
            s3 = Math.fma(coefficients[k + 3], x[i + 3], s3);
            s4 = Math.fma(coefficients[k + 4], x[i + 4], s4);
            s5 = Math.fma(coefficients[k + 5], x[i + 5], s5);
            s6 = Math.fma(coefficients[k + 6], x[i + 6], s6);
            s7 = Math.fma(coefficients[k + 7], x[i + 7], s7);
        }
        for (; k < n; k++) {
            s0 = Math.fma(coefficients[k], x[start + k], s0);
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }

    private static double sinc(double x) {
        if (x == 0) {
            return 1;
        }
        double px = Math.PI * x;
        return Math.sin(px) / px;
    }

    private static long gcd(long a, long b) {
        while (b != 0) {
            long t = a % b;
            a = b;
            b = t;
        }
        return a;
    }
}
