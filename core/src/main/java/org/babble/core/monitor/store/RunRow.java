package org.babble.core.monitor.store;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A stored run: its info, when it ended (empty while running or after a crash) and why. */
public record RunRow(
        long id,
        String model,
        List<String> labels,
        String source,
        Instant started,
        Optional<Instant> ended,
        String endReason) {}
