package org.babble.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/** What the fuzz targets of file readers share: one temporary file each input is written to, and test resources. */
public final class FuzzInputs {
    private final Path file;

    private FuzzInputs(Path file) {
        this.file = file;
    }

    /** A temporary file with {@code suffix}, removed when the JVM exits. */
    public static FuzzInputs file(String suffix) {
        try {
            Path file = Files.createTempFile("fuzz", suffix);
            file.toFile().deleteOnExit();
            return new FuzzInputs(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The file, now holding {@code bytes}. */
    public Path holding(byte[] bytes) {
        try {
            return Files.write(file, bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A resource beside {@code near}'s class file, as a path. */
    public static Path resource(Class<?> near, String name) {
        try {
            return Path.of(near.getResource(name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
