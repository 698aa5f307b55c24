package org.babble.cli;

import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.babble.core.train.TrainedModel;
import org.babble.core.train.TrainingCheckpoints;
import org.babble.core.train.CheckpointReader;

/**
 * Serves freeze tests' in-memory checkpoints (any network kind, no training needed): registered under a path; a folder
 * resolves to the registered checkpoint in it with the highest step ({@code ckpt-N}). Any other path goes to the real
 * reader, so end-to-end tests freeze what {@code babble train} wrote.
 */
public final class TestCheckpoints implements CheckpointReader {
    private static final Map<Path, TrainedModel> REGISTERED = new ConcurrentHashMap<>();

    static void register(TrainedModel checkpoint) {
        REGISTERED.put(checkpoint.path().toAbsolutePath().normalize(), checkpoint);
    }

    @Override
    public TrainedModel read(Path fileOrTrainDir) {
        Path key = fileOrTrainDir.toAbsolutePath().normalize();
        TrainedModel exact = REGISTERED.get(key);
        if (exact != null) {
            return exact;
        }
        return REGISTERED.values().stream()
                .filter(c -> key.equals(c.path().toAbsolutePath().normalize().getParent()))
                .max((a, b) -> Integer.compare(step(a.path()), step(b.path())))
                .orElseGet(() -> new TrainingCheckpoints().read(fileOrTrainDir));
    }

    private static int step(Path path) {
        String name = path.getFileName().toString();
        return Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
    }
}
