package org.babble.core.frozen;

/**
 * How much a model file may inflate to. A model file is input like any other: a hostile or damaged one must not fill
 * the memory or the disk. Sizes are counted on the bytes actually inflated, never taken from the zip headers.
 *
 * @param maxEntries     entries in one zip
 * @param maxEntryBytes  inflated bytes of one entry
 * @param maxTotalBytes  inflated bytes of all entries together
 */
public record ZipLimits(int maxEntries, long maxEntryBytes, long maxTotalBytes) {

    /** Generous for speech-commands-sized networks (a few MB), far below what would hurt a Raspberry Pi. */
    public static final ZipLimits DEFAULT = new ZipLimits(64, 256L << 20, 512L << 20);

    public ZipLimits {
        if (maxEntries < 1 || maxEntryBytes < 1 || maxTotalBytes < maxEntryBytes) {
            throw new IllegalArgumentException("invalid zip limits: " + maxEntries + " entries, " + maxEntryBytes
                    + " bytes per entry, " + maxTotalBytes + " in total");
        }
    }
}
