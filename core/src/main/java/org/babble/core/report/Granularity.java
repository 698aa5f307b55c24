package org.babble.core.report;

/** How finely a report buckets time: per calendar day, or per clock hour. */
public enum Granularity {
    DAY,
    HOUR
}
