package org.babble.core.evaluate;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfusionTest {
    private final Confusion confusion = new Confusion(List.of("a", "b"), new long[][] {{8, 2}, {1, 89}});

    @Test
    void accuracyIsTheDiagonalShare() {
        assertEquals(100, confusion.total());
        assertEquals(97, confusion.correct());
        assertEquals(0.97, confusion.accuracy(), 1e-12);
    }

    @Test
    void printsLikeNumpy() {
        assertEquals("[[ 8  2]\n [ 1 89]]", confusion.format());
    }
}
