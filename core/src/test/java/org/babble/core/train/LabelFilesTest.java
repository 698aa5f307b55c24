package org.babble.core.train;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.babble.core.model.Architecture;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LabelFilesTest {
    private static final List<String> LABELS = List.of("_silence_", "_unknown_", "silence", "crying");

    @TempDir
    Path dir;

    @Test
    void aDefaultRunWritesBabblesFileTheArchitecturesAndTheConvNameTheTutorialsCopy() throws Exception {
        LabelFiles.write(dir, Architecture.TC_RESNET_MAX, LABELS);
        assertEquals("_silence_\n_unknown_\nsilence\ncrying\n", Files.readString(dir.resolve("labels.txt")));
        // TF's train.py: f.write('\n'.join(audio_processor.words_list)), no newline at the end
        assertEquals(
                "_silence_\n_unknown_\nsilence\ncrying", Files.readString(dir.resolve("tc_resnet_max_labels.txt")));
        assertEquals("_silence_\n_unknown_\nsilence\ncrying", Files.readString(dir.resolve("conv_labels.txt")));
    }

    @Test
    void aConvRunWritesTheConvNameOnce() throws Exception {
        LabelFiles.write(dir, Architecture.CONV, LABELS);
        try (var files = Files.list(dir)) {
            assertEquals(
                    List.of("conv_labels.txt", "labels.txt"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
        assertFalse(Files.exists(dir.resolve("tc_resnet_labels.txt")));
    }
}
