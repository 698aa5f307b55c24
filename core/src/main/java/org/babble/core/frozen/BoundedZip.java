package org.babble.core.frozen;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Collections;
import java.util.Enumeration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;
import java.util.zip.ZipInputStream;
import org.babble.core.BabbleException;

/**
 * Reads every entry of a zip into memory while distrusting it: entry names must be plain relative paths (no {@code ..},
 * no absolute or drive paths, no duplicates), inflated sizes are counted byte by byte against {@link ZipLimits}, and
 * each entry's CRC is checked. Model files are small; holding them in memory is cheaper than a temporary folder.
 */
final class BoundedZip {
    private static final String REMEDY = "the model file is damaged or was not written by babble; freeze it again";

    private final Path file;
    private final ZipLimits limits;
    private long total;

    private BoundedZip(Path file, ZipLimits limits) {
        this.file = file;
        this.limits = limits;
    }

    /** Entries of a zip file on disk, in file order. Needs the central directory, so a truncated file is refused. */
    static Map<String, byte[]> readFile(Path file, ZipLimits limits) {
        BoundedZip reader = new BoundedZip(file, limits);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipFile zip = new ZipFile(file.toFile())) {
            for (ZipEntry entry : Collections.list((Enumeration<? extends ZipEntry>) zip.entries())) {
                reader.admit(entries, entry);
                try (InputStream in = zip.getInputStream(entry)) {
                    entries.put(entry.getName(), reader.inflate(entry, in, true));
                }
            }
        } catch (NoSuchFileException | java.io.FileNotFoundException e) {
            throw new BabbleException(
                    file, "no such model file", "give the path of a model.babble written by babble freeze");
        } catch (ZipException | EOFException | IllegalArgumentException e) {
            // IllegalArgumentException: the JDK's zip classes throw it for entry names that are not valid UTF-8
            throw new BabbleException(
                    file, "not a complete model file (" + e.getMessage() + "); truncated or corrupt", REMEDY, e);
        } catch (IOException e) {
            throw new BabbleException(file, "cannot read the model file: " + e.getMessage(), "check permissions", e);
        }
        return entries;
    }

    /** Entries of a zip held in memory (a zip inside the model file), named {@code outer!inner} in messages. */
    static Map<String, byte[]> readBytes(Path file, String what, byte[] bytes, ZipLimits limits) {
        BoundedZip reader = new BoundedZip(file, limits);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
            ZipEntry entry;
            while ((entry = zip.getNextEntry()) != null) {
                reader.admit(entries, entry);
                entries.put(entry.getName(), reader.inflate(entry, zip, false));
            }
        } catch (IOException | IllegalArgumentException e) {
            throw new BabbleException(file, what + " is corrupt (" + e.getMessage() + ")", REMEDY, e);
        }
        if (entries.isEmpty()) {
            throw new BabbleException(file, what + " is empty or not a zip", REMEDY);
        }
        return entries;
    }

    private void admit(Map<String, byte[]> seen, ZipEntry entry) {
        String name = entry.getName();
        if (!isSafeName(name)) {
            throw new BabbleException(
                    file,
                    "refusing entry '" + name + "': its path escapes the model folder",
                    "this file was tampered with; do not use it");
        }
        if (seen.containsKey(name)) {
            throw new BabbleException(file, "duplicate entry '" + name + "'", REMEDY);
        }
        if (seen.size() >= limits.maxEntries()) {
            throw new BabbleException(file, "more than " + limits.maxEntries() + " entries", REMEDY);
        }
    }

    /** Plain relative path: no empty, {@code .} or {@code ..} segment, no leading slash, backslash or drive letter. */
    static boolean isSafeName(String name) {
        if (name.isEmpty()
                || name.startsWith("/")
                || name.indexOf('\\') >= 0
                || name.indexOf(':') >= 0
                || name.indexOf('\0') >= 0) {
            return false;
        }
        for (String segment : name.split("/", -1)) {
            if (segment.isEmpty() || segment.equals(".") || segment.equals("..")) {
                return false;
            }
        }
        return true;
    }

    private byte[] inflate(ZipEntry entry, InputStream in, boolean checkCrc) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        CRC32 crc = new CRC32();
        byte[] buffer = new byte[64 * 1024];
        long size = 0;
        int n;
        while ((n = in.read(buffer)) > 0) {
            size += n;
            total += n;
            if (size > limits.maxEntryBytes()) {
                throw new BabbleException(
                        file,
                        "entry '" + entry.getName() + "' inflates to more than " + limits.maxEntryBytes()
                                + " bytes (a zip bomb?)",
                        "this is not a babble model; do not use it");
            }
            if (total > limits.maxTotalBytes()) {
                throw new BabbleException(
                        file,
                        "entries inflate to more than " + limits.maxTotalBytes() + " bytes in total (a zip bomb?)",
                        "this is not a babble model; do not use it");
            }
            crc.update(buffer, 0, n);
            out.write(buffer, 0, n);
        }
        if (checkCrc && entry.getCrc() != -1 && entry.getCrc() != crc.getValue()) {
            throw new BabbleException(file, "entry '" + entry.getName() + "' is corrupt (checksum mismatch)", REMEDY);
        }
        return out.toByteArray();
    }
}
