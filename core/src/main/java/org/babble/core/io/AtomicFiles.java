package org.babble.core.io;

import java.awt.image.RenderedImage;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.ByteBuffer;
import java.nio.channels.Channels;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.util.concurrent.atomic.AtomicLong;
import javax.imageio.ImageIO;
import org.babble.core.BabbleException;

/**
 * Writes files under a temporary name in the same folder and renames them into place, so a crash or Ctrl-C never
 * leaves a half-written clip, checkpoint or model where a user (or the next run) would trust it.
 */
public final class AtomicFiles {
    /** Temp names are unique per process and write, without the cost of random names. */
    private static final long PROCESS = ProcessHandle.current().pid();

    private static final AtomicLong SEQUENCE = new AtomicLong();

    private AtomicFiles() {}

    /** Something that writes a file's content to a stream. */
    @FunctionalInterface
    public interface Content {
        void writeTo(OutputStream out) throws IOException;
    }

    public static void write(Path target, byte[] bytes) {
        write(target, out -> out.write(bytes));
    }

    /** {@code image} as a PNG file, written like every other output. */
    public static void writePng(Path target, RenderedImage image) {
        write(target, out -> {
            if (!ImageIO.write(image, "png", out)) {
                throw new IOException("no PNG writer available");
            }
        });
    }

    public static void write(Path target, Content content) {
        write(target, content, 0);
    }

    /**
     * {@code content}, then {@code zeroTail} zero bytes, which are not written but left as a hole (a file system
     * without holes fills them itself): a clip padded to length costs no writes for its padding.
     */
    public static void write(Path target, Content content, long zeroTail) {
        if (zeroTail < 0) {
            throw new IllegalArgumentException("zeroTail must not be negative, got " + zeroTail);
        }
        Path dir = target.toAbsolutePath().getParent();
        Path temp = null;
        try {
            Files.createDirectories(dir);
            temp = dir.resolve("." + target.getFileName() + "." + PROCESS + "-" + SEQUENCE.incrementAndGet() + ".part");
            // CREATE_NEW: the umask decides the mode, as for any file the user's programs write
            try (FileChannel channel = FileChannel.open(temp, StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE);
                    OutputStream out = Channels.newOutputStream(channel)) {
                content.writeTo(out);
                if (zeroTail > 0) {
                    channel.write(ByteBuffer.allocate(1), channel.size() + zeroTail - 1);
                }
            }
            keepModeOf(target, temp);
            try {
                Files.move(temp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, target, StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            deleteQuietly(temp);
            if (DiskFullException.isDiskFull(e)) {
                throw new DiskFullException(dir, e);
            }
            throw new BabbleException(
                    target, "cannot write: " + e.getMessage(), "check the folder exists and has space", e);
        } catch (RuntimeException e) {
            deleteQuietly(temp);
            throw e;
        }
    }

    /** A file being replaced keeps its mode (a model a web server reads stays readable to it). */
    private static void keepModeOf(Path target, Path temp) throws IOException {
        if (Files.exists(target) && Files.getFileStore(temp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(temp, Files.getPosixFilePermissions(target));
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException ignored) {
                // the temp name starts with a dot and ends in .part: harmless if it stays
            }
        }
    }
}
