package org.babble.dataset.label;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import org.babble.core.BabbleException;

/**
 * Copies or moves a clip into a folder under a free name. A move deletes the original only after the copy is in place
 * and has the same size and SHA-256: inputs are sacred, and a half-copied clip on a full disk must not cost the original.
 */
public final class VerifiedTransfer {
    private VerifiedTransfer() {}

    /** Copies {@code source} into {@code dir} (name kept, suffixed if taken); returns the new file. */
    public static Path copy(Path source, Path dir) {
        return transfer(source, dir, source.getFileName().toString(), false);
    }

    /** Copies, verifies, then deletes the original. */
    public static Path move(Path source, Path dir) {
        return transfer(source, dir, source.getFileName().toString(), true);
    }

    /** Moves {@code file} back to exactly {@code original} (undo of a move), verified the same way. */
    public static void moveBack(Path file, Path original) {
        if (Files.exists(original)) {
            throw new BabbleException(
                    original,
                    "cannot undo the move: a file with this name exists again",
                    "move it aside, then undo again");
        }
        transfer(file, original.getParent(), original.getFileName().toString(), true);
    }

    private static Path transfer(Path source, Path dir, String name, boolean deleteSource) {
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = Files.createTempFile(dir, "." + name + ".", ".part");
            Files.copy(source, temp, StandardCopyOption.REPLACE_EXISTING);
            if (Files.size(temp) != Files.size(source) || !Arrays.equals(sha256(temp), sha256(source))) {
                throw new BabbleException(
                        source,
                        "the copy in " + dir + " differs from the original",
                        "check the disk (full? failing?); the original is untouched");
            }
            Path target = NoClobber.free(dir, name);
            Files.move(temp, target);
            temp = null;
            if (deleteSource) {
                Files.delete(source);
            }
            return target;
        } catch (IOException e) {
            throw new BabbleException(
                    source,
                    "cannot copy into " + dir + ": " + e.getMessage(),
                    "check the folder and free space; the original is untouched",
                    e);
        } finally {
            if (temp != null) {
                try {
                    Files.deleteIfExists(temp);
                } catch (IOException ignored) {
                    // a hidden .part file may stay behind; it is never mistaken for a clip
                }
            }
        }
    }

    static byte[] sha256(Path file) throws IOException {
        MessageDigest digest;
        try {
            digest = MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), digest)) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
        }
        return digest.digest();
    }
}
