package org.babble.dataset.label;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import org.babble.core.BabbleException;
import org.junit.jupiter.api.Test;

class AnnotationFilesTest {
    private static final Path FILE = Path.of("night.csv");

    @Test
    void csvWithHeaderSecondsAndClockTimes() {
        List<Annotation> rows = AnnotationFiles.parse(
                FILE,
                List.of("start_s,end_s,label", "0.0,10.0,room_empty", "", "# a comment", "00:00:10,0:15.5,\"crying\""));
        assertEquals(List.of(new Annotation(0, 10, "room_empty", 2), new Annotation(10, 15.5, "crying", 5)), rows);
    }

    @Test
    void csvWithoutHeader() {
        assertEquals(List.of(new Annotation(1, 2, "noise", 1)), AnnotationFiles.parse(FILE, List.of("1,2,noise")));
    }

    @Test
    void audacityLabelTrackWithFrequencyLines() {
        List<Annotation> rows = AnnotationFiles.parse(
                Path.of("labels.txt"),
                List.of(
                        "12.500000\t17.250000\tcrying",
                        "\\\t220.000000\t4000.000000",
                        "20.000000\t25.000000\tbaby laughing"));
        assertEquals(
                List.of(new Annotation(12.5, 17.25, "crying", 1), new Annotation(20, 25, "baby laughing", 3)), rows);
    }

    @Test
    void aBadLineIsNamedByNumber() {
        BabbleException e = assertThrows(
                BabbleException.class,
                () -> AnnotationFiles.parse(FILE, List.of("start,end,label", "1,2,crying", "3,oops,crying")));
        assertTrue(e.getMessage().startsWith("night.csv: line 3: 'oops' is not seconds or hh:mm:ss"), e.getMessage());
        BabbleException reversed =
                assertThrows(BabbleException.class, () -> AnnotationFiles.parse(FILE, List.of("5,2,crying")));
        assertTrue(
                reversed.getMessage().contains("line 1: end (2.0) must be after start (5.0)"), reversed.getMessage());
        BabbleException path =
                assertThrows(BabbleException.class, () -> AnnotationFiles.parse(FILE, List.of("1,2,cry/ing")));
        assertTrue(path.getMessage().contains("line 1: label 'cry/ing' contains '/'"), path.getMessage());
        BabbleException twoFields =
                assertThrows(BabbleException.class, () -> AnnotationFiles.parse(FILE, List.of("1,2")));
        assertTrue(twoFields.getMessage().contains("line 1: expected start, end, label"), twoFields.getMessage());
    }

    @Test
    void anEmptyFileSaysSo() {
        BabbleException e =
                assertThrows(BabbleException.class, () -> AnnotationFiles.parse(FILE, List.of("start,end,label", "")));
        assertTrue(e.getMessage().contains("no annotations"), e.getMessage());
    }
}
