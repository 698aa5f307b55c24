package org.babble.dataset.index;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Predicate;
import java.util.stream.Stream;
import org.babble.core.BabbleException;
import org.babble.dataset.split.Split;
import org.babble.dataset.split.WhichSet;

/**
 * Which clip is in which split under which label: TF speech_commands' {@code prepare_data_index}. Wanted words are
 * classes, every other label folder feeds {@code _unknown_}, and each split gets {@code _silence_} and {@code _unknown_}
 * examples as percentages of its wanted-word count, all shuffled with the settings' seed. Clips in
 * {@link Labels#HARD_NEGATIVE_DIR} (a model's false alarms) are all added as {@code _unknown_}, weighted by
 * {@link Labels#HARD_NEGATIVE_WEIGHT} in training, as Mycroft Precise retrains on captured false activations.
 *
 * <p>Only file names are read here; clips are decoded later, and {@link #without} drops the ones that fail.
 */
public final class DataIndex {
    private final DatasetSettings settings;
    private final List<String> labels;
    private final Map<Split, List<Example>> examples;
    private final List<Path> backgroundNoiseFiles;
    private final List<String> folders;
    private final boolean hasUnknownFolders;
    private final List<String> notes;

    private DataIndex(
            DatasetSettings settings,
            Map<Split, List<Example>> examples,
            List<Path> backgroundNoiseFiles,
            List<String> folders,
            boolean hasUnknownFolders,
            List<String> notes) {
        this.notes = List.copyOf(notes);
        this.settings = settings;
        this.labels = Labels.of(settings.wantedWords());
        this.examples = examples;
        this.backgroundNoiseFiles = List.copyOf(backgroundNoiseFiles);
        this.folders = List.copyOf(folders);
        this.hasUnknownFolders = hasUnknownFolders;
    }

    /** Reads the folder tree of {@code settings.dataDir()} and builds the splits. */
    public static DataIndex build(DatasetSettings settings) {
        return build(settings, clip -> true);
    }

    /**
     * {@link #build(DatasetSettings)} on only the clips {@code include} accepts, as if the others were not in the folder
     * (cross-source folds leave out the recordings they test).
     */
    public static DataIndex build(DatasetSettings settings, Predicate<Path> include) {
        Path dataDir = settings.dataDir();
        if (!Files.isDirectory(dataDir)) {
            throw new BabbleException(dataDir, "not a folder", "give --data-dir a folder with one folder per label");
        }
        Map<String, List<Path>> byFolder = new TreeMap<>();
        List<Path> background = List.of();
        List<Path> hardNegatives = List.of();
        for (Path folder : list(dataDir)) {
            if (!Files.isDirectory(folder)) {
                continue;
            }
            String name = folder.getFileName().toString();
            if (name.equals(Labels.BACKGROUND_NOISE_DIR)) {
                background = wavs(folder);
            } else if (name.equals(Labels.HARD_NEGATIVE_DIR)) {
                hardNegatives = wavs(folder);
            } else if (!name.startsWith("_") && !name.startsWith(".")) {
                List<Path> wavs = wavs(folder).stream().filter(include).toList();
                if (!wavs.isEmpty()) {
                    byFolder.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>())
                            .addAll(wavs);
                }
            }
        }
        if (byFolder.isEmpty()) {
            throw new BabbleException(
                    dataDir,
                    "no .wav files in any label folder",
                    "put clips in one folder per label, e.g. " + dataDir.resolve("yes") + "/a_nohash_0.wav");
        }
        List<String> wanted = settings.wantedWords();
        for (String word : wanted) {
            if (!byFolder.containsKey(word)) {
                throw new BabbleException(
                        dataDir,
                        "no folder for wanted word '" + word + "'; the label folders are: "
                                + String.join(", ", byFolder.keySet()),
                        "fix --wanted-words or add the folder");
            }
        }
        Map<Split, List<Example>> known = emptySplits();
        Map<Split, List<Example>> unknown = emptySplits();
        for (Map.Entry<String, List<Path>> entry : byFolder.entrySet()) {
            String folder = entry.getKey();
            int wantedIndex = wanted.indexOf(folder);
            for (Path file : entry.getValue()) {
                Split split = WhichSet.of(
                        file.getFileName().toString(), settings.validationPercentage(), settings.testingPercentage());
                if (wantedIndex >= 0) {
                    known.get(split).add(new Example(file, wantedIndex + 2, folder, folder, split));
                } else {
                    unknown.get(split).add(new Example(file, Labels.UNKNOWN_INDEX, Labels.UNKNOWN, folder, split));
                }
            }
        }
        List<String> notes = new ArrayList<>();
        for (String word : wanted) {
            holdOutByPosition(word, known, settings, notes);
        }
        Random random = new Random(settings.seed());
        Map<Split, List<Example>> result = new EnumMap<>(Split.class);
        for (Split split : List.of(Split.VALIDATION, Split.TESTING, Split.TRAINING)) {
            List<Example> list = known.get(split);
            int setSize = list.size();
            int silenceSize = (int) Math.ceil(setSize * settings.silencePercentage() / 100);
            for (int i = 0; i < silenceSize; i++) {
                list.add(new Example(null, Labels.SILENCE_INDEX, Labels.SILENCE, Labels.SILENCE, split));
            }
            List<Example> others = unknown.get(split);
            Collections.shuffle(others, random);
            int unknownSize = (int) Math.ceil(setSize * settings.unknownPercentage() / 100);
            list.addAll(others.subList(0, Math.min(unknownSize, others.size())));
            result.put(split, list);
        }
        for (Path file : hardNegatives) {
            Split split = WhichSet.of(
                    file.getFileName().toString(), settings.validationPercentage(), settings.testingPercentage());
            int copies = split == Split.TRAINING ? Labels.HARD_NEGATIVE_WEIGHT : 1;
            for (int i = 0; i < copies; i++) {
                result.get(split)
                        .add(new Example(file, Labels.UNKNOWN_INDEX, Labels.UNKNOWN, Labels.HARD_NEGATIVE_DIR, split));
            }
        }
        for (Split split : List.of(Split.VALIDATION, Split.TESTING, Split.TRAINING)) {
            Collections.shuffle(result.get(split), random);
            result.put(split, List.copyOf(result.get(split)));
        }
        boolean hasUnknownFolders = byFolder.keySet().stream().anyMatch(f -> !wanted.contains(f));
        DataIndex index = new DataIndex(
                settings, result, background, new ArrayList<>(byFolder.keySet()), hasUnknownFolders, notes);
        index.requireEveryClassInEverySplit();
        return index;
    }

    /** This index without the given clips (those that could not be read), checked again for empty classes. */
    public DataIndex without(Collection<Path> dropped) {
        if (dropped.isEmpty()) {
            return this;
        }
        Set<Path> drop = Set.copyOf(dropped);
        Map<Split, List<Example>> kept = new EnumMap<>(Split.class);
        examples.forEach((split, list) -> kept.put(
                split,
                list.stream()
                        .filter(e -> e.isSilence() || !drop.contains(e.file()))
                        .toList()));
        DataIndex index = new DataIndex(
                settings,
                kept,
                backgroundNoiseFiles.stream().filter(f -> !drop.contains(f)).toList(),
                folders,
                hasUnknownFolders,
                notes);
        index.requireEveryClassInEverySplit();
        return index;
    }

    public DatasetSettings settings() {
        return settings;
    }

    /** {@code _silence_, _unknown_, wanted...}. */
    public List<String> labels() {
        return labels;
    }

    /** The examples of a split, in their seeded shuffled order. */
    public List<Example> examples(Split split) {
        return examples.get(split);
    }

    /** Every clip file of every split (no silence), for loading. */
    public List<Path> clipFiles() {
        return examples.values().stream()
                .flatMap(List::stream)
                .filter(e -> !e.isSilence())
                .map(Example::file)
                .distinct()
                .toList();
    }

    /** The WAVs of {@code _background_noise_}, empty when the folder is absent (silence is then digital silence). */
    public List<Path> backgroundNoiseFiles() {
        return backgroundNoiseFiles;
    }

    /** The label folders found (lower case), wanted or not. */
    public List<String> folders() {
        return folders;
    }

    /** Examples per label for a split, in label order. */
    public Map<String, Integer> counts(Split split) {
        Map<String, Integer> counts = new LinkedHashMap<>();
        labels.forEach(label -> counts.put(label, 0));
        examples(split).forEach(e -> counts.merge(e.label(), 1, Integer::sum));
        return counts;
    }

    /** One line per split: {@code training: 1234 (_silence_ 100, _unknown_ 100, yes 517, no 517)}. */
    public List<String> summary() {
        List<String> lines = new ArrayList<>();
        for (Split split : Split.values()) {
            StringBuilder line = new StringBuilder(split.tfName())
                    .append(": ")
                    .append(examples(split).size())
                    .append(" (");
            List<String> parts = new ArrayList<>();
            counts(split).forEach((label, n) -> parts.add(label + " " + n));
            lines.add(line.append(String.join(", ", parts)).append(')').toString());
        }
        return lines;
    }

    /** Lines for the user about how the split was made (classes held out by position within their recordings). */
    public List<String> notes() {
        return notes;
    }

    /**
     * When every clip of a wanted class hashed into one split (one recording, typically), re-splits that class by
     * position within its recordings: see {@link BlockSplit}.
     */
    private static void holdOutByPosition(
            String word, Map<Split, List<Example>> known, DatasetSettings settings, List<String> notes) {
        List<Example> clips = new ArrayList<>();
        known.values()
                .forEach(list ->
                        list.stream().filter(e -> e.folder().equals(word)).forEach(clips::add));
        long splitsUsed = clips.stream().map(Example::split).distinct().count();
        boolean heldOutWanted = settings.validationPercentage() > 0 || settings.testingPercentage() > 0;
        if (splitsUsed != 1 || !heldOutWanted || clips.size() < 2) {
            return;
        }
        known.values().forEach(list -> list.removeIf(e -> e.folder().equals(word)));
        Map<Split, List<Example>> resplit =
                BlockSplit.split(clips, settings.validationPercentage(), settings.testingPercentage());
        resplit.forEach((split, list) -> known.get(split).addAll(list));
        long recordings = clips.stream().map(Example::source).distinct().count();
        int dropped =
                clips.size() - resplit.values().stream().mapToInt(List::size).sum();
        notes.add(String.format(
                Locale.ROOT,
                "%s: all %d clips come from %d recording%s that hash into one split; held out"
                        + " the end of each recording instead (validation %d, testing %d, %d clips dropped at block edges so no"
                        + " audio is shared across splits)",
                word,
                clips.size(),
                recordings,
                recordings == 1 ? "" : "s",
                resplit.get(Split.VALIDATION).size(),
                resplit.get(Split.TESTING).size(),
                dropped));
    }

    private void requireEveryClassInEverySplit() {
        if (settings.allowEmptyClasses()) {
            return;
        }
        for (Split split : Split.values()) {
            double share = switch (split) {
                case TRAINING -> 100 - settings.validationPercentage() - settings.testingPercentage();
                case VALIDATION -> settings.validationPercentage();
                case TESTING -> settings.testingPercentage();
            };
            if (share <= 0) {
                continue;
            }
            Map<String, Integer> counts = counts(split);
            for (String label : labels) {
                boolean expected = switch (label) {
                    case Labels.SILENCE -> settings.silencePercentage() > 0;
                    case Labels.UNKNOWN -> settings.unknownPercentage() > 0 && hasUnknownFolders;
                    default -> true;
                };
                if (expected && counts.get(label) == 0) {
                    throw new BabbleException(
                            settings.dataDir(),
                            "class '" + label + "' has no examples in the "
                                    + split.tfName()
                                    + " split (a split is chosen by the name before _nohash_, so clips of "
                                    + "one recording all land in one split)",
                            "add clips from more recordings or speakers to "
                                    + "that folder, change the split percentages, or allow empty classes");
                }
            }
        }
    }

    private static Map<Split, List<Example>> emptySplits() {
        Map<Split, List<Example>> map = new EnumMap<>(Split.class);
        for (Split split : Split.values()) {
            map.put(split, new ArrayList<>());
        }
        return map;
    }

    private static List<Path> list(Path dir) {
        try (Stream<Path> entries = Files.list(dir)) {
            return entries.sorted().toList();
        } catch (IOException e) {
            throw new BabbleException(dir, "cannot list folder: " + e.getMessage(), "check permissions", e);
        }
    }

    private static List<Path> wavs(Path folder) {
        return list(folder).stream()
                .filter(Files::isRegularFile)
                .filter(p -> p.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".wav"))
                .toList();
    }
}
