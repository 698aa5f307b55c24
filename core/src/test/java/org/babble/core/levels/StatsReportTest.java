package org.babble.core.levels;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.babble.core.audio.AudioClip;
import org.junit.jupiter.api.Test;

/** The report's number formats follow sox's (C printf and sox's three-significant-figure counts). */
class StatsReportTest {

    @Test
    void countsHaveThreeSignificantFiguresAndAnSiSuffix() {
        // outputs of sox's sigfigs3 as seen in its reports: Pk count 2, 9.50, 27.4k, 1.03k; Num samples 33.1k, 110k,
        // 5.76M
        assertEquals("2", StatsReport.sigfigs3(2));
        assertEquals("9.50", StatsReport.sigfigs3(9.5));
        assertEquals("10", StatsReport.sigfigs3(10));
        assertEquals("1.03k", StatsReport.sigfigs3(1030));
        assertEquals("27.4k", StatsReport.sigfigs3(27412));
        assertEquals("33.1k", StatsReport.sigfigs3(33075));
        assertEquals("110k", StatsReport.sigfigs3(110250));
        assertEquals("5.76M", StatsReport.sigfigs3(5_760_000));
        assertEquals("0", StatsReport.sigfigs3(0));
    }

    @Test
    void fixedPointFollowsC() {
        assertEquals(" -0.757812", StatsReport.fixed(-0.7578125, 10, 6));
        assertEquals("-0.000000", StatsReport.fixed(-1e-9, 9, 6));
        assertEquals("      -inf", StatsReport.fixed(Double.NEGATIVE_INFINITY, 10, 2));
    }

    @Test
    void sixChannelsGetNumberedColumnsAndSilenceShowsMinusInf() {
        String report = StatsReport.format(LevelStats.of(new AudioClip(8000, new float[6][10])));
        assertTrue(report.startsWith("             Overall     Ch1       Ch2  "), report);
        assertTrue(report.contains("Pk lev dB       -inf      -inf"), report);
        assertTrue(report.contains("Crest factor       -      1.00"), report);
    }
}
