package org.babble.testing;

import static org.junit.jupiter.api.Assumptions.abort;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

/**
 * A real, nearly full disk for tests: a tmpfs of a few kilobytes mounted on a fresh folder, so writes fail with the
 * kernel's own "No space left on device" rather than a simulated one. Mounting needs root (CI runs as root); where it
 * is refused the test is skipped with the reason.
 */
public final class SmallDisk implements AutoCloseable {
    private final Path folder;

    private SmallDisk(Path folder) {
        this.folder = folder;
    }

    public static SmallDisk mount(Path parent, int kilobytes) throws IOException, InterruptedException {
        Path folder = Files.createDirectories(parent.resolve("small-disk"));
        if (run("mount", "-t", "tmpfs", "-o", "size=" + kilobytes + "k", "tmpfs", folder.toString()) != 0) {
            abort("needs root to mount a " + kilobytes + " KB tmpfs on " + folder + " (CI runs as root)");
        }
        return new SmallDisk(folder);
    }

    public Path folder() {
        return folder;
    }

    @Override
    public void close() throws IOException, InterruptedException {
        run("umount", "-l", folder.toString());
    }

    private static int run(String... command) throws IOException, InterruptedException {
        Process p = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        if (!p.waitFor(20, TimeUnit.SECONDS)) {
            p.destroyForcibly();
            return -1;
        }
        return p.exitValue();
    }
}
