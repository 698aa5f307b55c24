package org.babble.dataset.label;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import org.babble.core.BabbleException;

/** The lines of a small text file a person wrote (annotations, verdicts), with one-line errors naming it. */
final class TextLines {
    private TextLines() {}

    static List<String> read(Path file) {
        try {
            return Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw new BabbleException(file, "no such file", "check the path");
        } catch (IOException e) {
            throw new BabbleException(file, "cannot read: " + e.getMessage(), "check it is a UTF-8 text file", e);
        }
    }
}
