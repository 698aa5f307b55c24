package org.babble.core.io;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.stream.Stream;
import org.babble.core.BabbleException;
import org.babble.testing.SmallDisk;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileGetsTheModeAnyOrdinaryWriteWouldGiveIt() throws IOException {
        Path file = dir.resolve("clip.wav");
        AtomicFiles.write(file, new byte[] {1, 2, 3});
        assertArrayEquals(new byte[] {1, 2, 3}, Files.readAllBytes(file));
        Path plain = Files.write(dir.resolve("plain.wav"), new byte[] {1});
        assertEquals(
                Files.getPosixFilePermissions(plain),
                Files.getPosixFilePermissions(file),
                "the umask decides, not an owner-only temp file");
    }

    @Test
    void aZeroTailFollowsTheContentAsZeroBytes() throws IOException {
        Path file = dir.resolve("padded.wav");
        AtomicFiles.write(file, out -> out.write(new byte[] {1, 2, 3}), 5);
        assertArrayEquals(new byte[] {1, 2, 3, 0, 0, 0, 0, 0}, Files.readAllBytes(file));
        AtomicFiles.write(file, out -> {}, 2);
        assertArrayEquals(new byte[] {0, 0}, Files.readAllBytes(file));
        assertThrows(IllegalArgumentException.class, () -> AtomicFiles.write(file, out -> {}, -1));
    }

    @Test
    void replacingAFileKeepsItsMode() throws IOException {
        Path file = dir.resolve("model.babble");
        Files.write(file, new byte[] {9});
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.write(file, new byte[] {1});
        assertEquals("rw-rw----", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
    }

    @Test
    void aFailedWriteLeavesNeitherTheTargetNorATempFile() throws IOException {
        Path file = dir.resolve("half.wav");
        assertThrows(
                IllegalStateException.class,
                () -> AtomicFiles.write(file, out -> {
                    out.write(new byte[100]);
                    throw new IllegalStateException("crash mid-write");
                }));
        try (Stream<Path> left = Files.list(dir)) {
            assertEquals(List.of(), left.toList());
        }
    }

    @Test
    void anUnwritableFolderIsReportedWithTheFileName() {
        Path blocker = dir.resolve("not-a-folder");
        AtomicFiles.write(blocker, new byte[] {0});
        BabbleException e = assertThrows(
                BabbleException.class, () -> AtomicFiles.write(blocker.resolve("clip.wav"), new byte[] {1}));
        assertEquals(blocker.resolve("clip.wav"), e.file().orElseThrow());
    }

    @Test
    void aFullDiskIsItsOwnFailureNamingTheFolderAndLeavesNoTemporaryFile() throws Exception {
        try (SmallDisk disk = SmallDisk.mount(dir, 64)) {
            Path file = disk.folder().resolve("big.wav");
            DiskFullException e =
                    assertThrows(DiskFullException.class, () -> AtomicFiles.write(file, new byte[256 << 10]));
            assertTrue(
                    e.getMessage().startsWith(disk.folder().toAbsolutePath() + ": disk full (No space left on device)"),
                    e.getMessage());
            assertTrue(e.remedy().isPresent());
            try (Stream<Path> left = Files.list(disk.folder())) {
                assertEquals(List.of(), left.toList(), "the partial temporary file is removed");
            }
        }
    }

    @Test
    void onlyNoSpaceAndQuotaCountAsAFullDisk() {
        assertTrue(DiskFullException.isDiskFull(new RuntimeException(new IOException("No space left on device"))));
        assertTrue(DiskFullException.isDiskFull(new IOException("Disk quota exceeded")));
        assertFalse(DiskFullException.isDiskFull(new IOException("Permission denied")));
        assertFalse(
                DiskFullException.isDiskFull(new IllegalStateException("No space left on device")),
                "only the operating system's I/O errors");
    }
}
