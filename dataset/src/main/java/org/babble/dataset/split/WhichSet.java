package org.babble.dataset.split;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;

/**
 * TensorFlow speech_commands' {@code which_set}: a file's split depends only on the part of its name before
 * {@code _nohash_}, so every clip of one speaker or recording lands in the same split, and adding files later never moves
 * an existing one to another split. Reproduced bit for bit so that users of the TF tutorial get the same partitions.
 */
public final class WhichSet {
    /** TF's {@code MAX_NUM_WAVS_PER_CLASS}: 2^27 - 1. */
    public static final long MAX_NUM_WAVS_PER_CLASS = (1L << 27) - 1;

    private static final String NOHASH = "_nohash_";

    private WhichSet() {}

    /** The split of {@code fileName} (a base name or a path; only the base name counts). */
    public static Split of(String fileName, double validationPercentage, double testingPercentage) {
        double percentage = percentage(fileName);
        if (percentage < validationPercentage) {
            return Split.VALIDATION;
        } else if (percentage < testingPercentage + validationPercentage) {
            return Split.TESTING;
        }
        return Split.TRAINING;
    }

    /** The part of the base name that is hashed: everything from the first {@code _nohash_} on removed. */
    public static String hashName(String fileName) {
        String base = baseName(fileName);
        int cut = base.indexOf(NOHASH);
        return cut < 0 ? base : base.substring(0, cut);
    }

    /** TF's {@code percentage_hash} in [0, 100]. */
    public static double percentage(String fileName) {
        byte[] digest = sha1(hashName(fileName).getBytes(StandardCharsets.UTF_8));
        long bucket = new BigInteger(1, digest)
                .mod(BigInteger.valueOf(MAX_NUM_WAVS_PER_CLASS + 1))
                .longValue();
        return bucket * (100.0 / MAX_NUM_WAVS_PER_CLASS);
    }

    private static String baseName(String fileName) {
        int slash = Math.max(fileName.lastIndexOf('/'), fileName.lastIndexOf('\\'));
        return fileName.substring(slash + 1);
    }

    private static byte[] sha1(byte[] data) {
        try {
            return MessageDigest.getInstance("SHA-1").digest(data);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime provides SHA-1", e);
        }
    }
}
