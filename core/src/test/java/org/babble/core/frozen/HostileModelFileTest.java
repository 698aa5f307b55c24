package org.babble.core.frozen;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import org.babble.core.BabbleException;
import org.babble.core.features.FeatureLayout;
import org.babble.testing.TinyModels;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every way a model file can be damaged or hostile is refused with one clear line naming the file. */
class HostileModelFileTest {
    @TempDir
    Path dir;

    private Path good;
    private Map<String, byte[]> goodEntries;

    @BeforeEach
    void writeAGoodModel() throws IOException {
        good = dir.resolve("good.babble");
        FrozenModelWriter.write(good, TinyModels.tones(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        goodEntries = ModelZips.entries(good);
    }

    private static void assertRefused(Path file, String expected) {
        assertRefused(file, ZipLimits.DEFAULT, expected);
    }

    private static void assertRefused(Path file, ZipLimits limits, String expected) {
        BabbleException e = assertThrows(BabbleException.class, () -> FrozenModelReader.read(file, limits));
        assertTrue(e.getMessage().startsWith(file.toString()), () -> "names the file: " + e.getMessage());
        assertTrue(e.getMessage().contains(expected), () -> "expected '" + expected + "' in: " + e.getMessage());
        assertTrue(e.remedy().isPresent(), "says what to do");
    }

    private Path variant(String name, Map<String, byte[]> entries) throws IOException {
        return ModelZips.write(dir.resolve(name), entries);
    }

    private Map<String, byte[]> goodWith(String name, byte[] bytes) {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.put(name, bytes);
        return entries;
    }

    private ObjectNode metadataJson() throws IOException {
        return (ObjectNode) FrozenModelFormat.json().readTree(goodEntries.get(FrozenModelFormat.METADATA));
    }

    @Test
    void theGoodFileLoads() {
        FrozenModelReader.read(good);
    }

    @Test
    void missingFileIsRefused() {
        assertRefused(dir.resolve("absent.babble"), "no such model file");
    }

    @Test
    void missingMetadataEntryIsRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.remove(FrozenModelFormat.METADATA);
        assertRefused(variant("no-metadata.babble", entries), "missing entry '" + FrozenModelFormat.METADATA + "'");
    }

    @Test
    void missingNetworkEntryIsRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        entries.remove(FrozenModelFormat.NETWORK);
        assertRefused(variant("no-network.babble", entries), "missing entry '" + FrozenModelFormat.NETWORK + "'");
    }

    @Test
    void corruptEntryDataIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        // flip bits in the middle of the network entry's compressed data, after its local header
        byte[] name = FrozenModelFormat.NETWORK.getBytes(StandardCharsets.US_ASCII);
        int header = indexOf(bytes, name);
        int middle = header + name.length + 2000;
        for (int i = 0; i < 16; i++) {
            bytes[middle + i] ^= (byte) 0x5A;
        }
        Path file = dir.resolve("corrupt.babble");
        Files.write(file, bytes);
        BabbleException e = assertThrows(BabbleException.class, () -> FrozenModelReader.read(file));
        assertTrue(e.getMessage().contains("corrupt"), e.getMessage());
    }

    @Test
    void truncatedFileIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("truncated.babble");
        Files.write(file, Arrays.copyOf(bytes, bytes.length - 30));
        assertRefused(file, "truncated or corrupt");
    }

    @Test
    void fileCutInsideTheNetworkIsRefused() throws IOException {
        byte[] bytes = Files.readAllBytes(good);
        Path file = dir.resolve("half.babble");
        Files.write(file, Arrays.copyOf(bytes, bytes.length / 2));
        assertRefused(file, "truncated or corrupt");
    }

    @Test
    void textFileIsRefused() throws IOException {
        Path file = Files.writeString(dir.resolve("notes.babble"), "not a model\n");
        assertRefused(file, "truncated or corrupt");
    }

    @Test
    void entryEscapingTheFolderIsRefused() throws IOException {
        assertRefused(variant("slip.babble", goodWith("../../evil.sh", new byte[] {1})), "escapes the model folder");
    }

    @Test
    void absoluteEntryPathIsRefused() throws IOException {
        assertRefused(
                variant("absolute.babble", goodWith("/etc/cron.d/evil", new byte[] {1})), "escapes the model folder");
    }

    @Test
    void windowsStyleEscapeIsRefused() throws IOException {
        assertRefused(
                variant("backslash.babble", goodWith("..\\evil.bat", new byte[] {1})), "escapes the model folder");
    }

    @Test
    void entryEscapingInsideTheNetworkZipIsRefused() throws IOException {
        Map<String, byte[]> network =
                BoundedZip.readBytes(good, "network", goodEntries.get(FrozenModelFormat.NETWORK), ZipLimits.DEFAULT);
        network.put("../escape.bin", new byte[] {1});
        assertRefused(
                variant("inner-slip.babble", goodWith(FrozenModelFormat.NETWORK, ModelZips.zip(network))),
                "escapes the model folder");
    }

    @Test
    void entryInflatingBeyondTheLimitIsRefused() throws IOException {
        // 24 MB of zeros compress to about 24 KB: a small zip bomb; the limit is counted on inflated bytes
        Path bomb = variant("bomb.babble", goodWith("padding.bin", new byte[24 << 20]));
        assertTrue(Files.size(bomb) < 1 << 20, "the bomb itself is small");
        assertRefused(bomb, new ZipLimits(64, 16L << 20, 32L << 20), "inflates to more than 16777216 bytes");
    }

    @Test
    void entriesInflatingBeyondTheTotalLimitAreRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        for (int i = 0; i < 4; i++) {
            entries.put("part" + i + ".bin", new byte[10 << 20]);
        }
        assertRefused(
                variant("bombs.babble", entries),
                new ZipLimits(64, 16L << 20, 32L << 20),
                "more than 33554432 bytes in total");
    }

    @Test
    void tooManyEntriesAreRefused() throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>(goodEntries);
        for (int i = 0; i < 70; i++) {
            entries.put("e" + i, new byte[0]);
        }
        assertRefused(variant("many.babble", entries), "more than 64 entries");
    }

    @Test
    void moreLabelsThanNetworkOutputsAreRefused() throws IOException {
        ObjectNode json = metadataJson();
        ((com.fasterxml.jackson.databind.node.ArrayNode) json.get("metadata").get("labels")).add("extra");
        Path file = variant(
                "labels.babble",
                goodWith(FrozenModelFormat.METADATA, FrozenModelFormat.json().writeValueAsBytes(json)));
        assertRefused(file, "the network has 3 outputs but the model lists 4 labels");
    }

    @Test
    void unknownFormatVersionIsRefused() throws IOException {
        ObjectNode json = metadataJson();
        json.put("formatVersion", 99);
        Path file = variant(
                "future.babble",
                goodWith(FrozenModelFormat.METADATA, FrozenModelFormat.json().writeValueAsBytes(json)));
        assertRefused(file, "unknown model format version 99");
    }

    @Test
    void aComputationGraphIsRefusedAsAKindThisBabbleDoesNotRead() throws IOException {
        ObjectNode json = metadataJson();
        json.put("network", "COMPUTATION_GRAPH");
        Path file = variant(
                "graph.babble",
                goodWith(FrozenModelFormat.METADATA, FrozenModelFormat.json().writeValueAsBytes(json)));
        assertRefused(
                file,
                "the network is a COMPUTATION_GRAPH; this babble reads only layer networks" + " (MULTI_LAYER_NETWORK)");
    }

    @Test
    void invalidFeatureSettingsAreRefused() throws IOException {
        ObjectNode json = metadataJson();
        ((ObjectNode) json.get("metadata").get("featureSettings")).put("sampleRate", -1);
        Path file = variant(
                "settings.babble",
                goodWith(FrozenModelFormat.METADATA, FrozenModelFormat.json().writeValueAsBytes(json)));
        assertRefused(file, "metadata is not valid");
    }

    @Test
    void malformedJsonIsRefused() throws IOException {
        Path file = variant(
                "json.babble",
                goodWith(
                        FrozenModelFormat.METADATA,
                        "{\"formatVersion\": 1, \"metadata\": [".getBytes(StandardCharsets.UTF_8)));
        assertRefused(file, "metadata");
    }

    @Test
    void weightsOfAnotherNetworkAreRefused() throws IOException {
        Map<String, byte[]> network =
                BoundedZip.readBytes(good, "network", goodEntries.get(FrozenModelFormat.NETWORK), ZipLimits.DEFAULT);
        Map<String, byte[]> other = BoundedZip.readBytes(good, "network", anotherNetwork(), ZipLimits.DEFAULT);
        network.put(FrozenModelFormat.COEFFICIENTS, other.get(FrozenModelFormat.COEFFICIENTS));
        assertRefused(
                variant("weights.babble", goodWith(FrozenModelFormat.NETWORK, ModelZips.zip(network))),
                "does not fit together");
    }

    @Test
    void weightsClaimingMoreValuesThanTheConfigurationNeedsAreRefusedBeforeReading() throws IOException {
        Map<String, byte[]> network =
                BoundedZip.readBytes(good, "network", goodEntries.get(FrozenModelFormat.NETWORK), ZipLimits.DEFAULT);
        byte[] weights = network.get(FrozenModelFormat.COEFFICIENTS);
        // the data buffer's length field sits after its allocation mode, just before the "FLOAT" type name
        int type = indexOf(weights, "\u0000\u0005FLOAT".getBytes(StandardCharsets.US_ASCII));
        java.nio.ByteBuffer.wrap(weights, type - 8, 8).putLong(Integer.MAX_VALUE);
        Path file = variant("lying-weights.babble", goodWith(FrozenModelFormat.NETWORK, ModelZips.zip(network)));
        long before = System.nanoTime();
        assertRefused(file, "claims 2147483647 values but");
        assertTrue(System.nanoTime() - before < 2_000_000_000L, "refused at once");
    }

    @Test
    void aSerializedJavaObjectInTheNetworkIsRefusedUnread() throws IOException {
        Map<String, byte[]> network =
                BoundedZip.readBytes(good, "network", goodEntries.get(FrozenModelFormat.NETWORK), ZipLimits.DEFAULT);
        network.put("preprocessor.bin", ModelZips.serializedObject());
        assertRefused(
                variant("serialized.babble", goodWith(FrozenModelFormat.NETWORK, ModelZips.zip(network))),
                "refusing entry 'preprocessor.bin'");
    }

    @Test
    void metadataClaimingHugeFeaturesIsRefusedNotAllocated() throws IOException {
        for (String[] field : new String[][] {
            {"clipDurationMs", "2000000000"},
            {"featureBinCount", "16777216"},
            {"melChannels", "2000000000"},
            {"sampleRate", "2000000000"}
        }) {
            ObjectNode json = metadataJson();
            ((ObjectNode) json.get("metadata").get("featureSettings")).put(field[0], Long.parseLong(field[1]));
            Path file = variant(
                    field[0] + ".babble",
                    goodWith(
                            FrozenModelFormat.METADATA, FrozenModelFormat.json().writeValueAsBytes(json)));
            assertRefused(file, "invalid feature setting " + field[0]);
            String message = assertThrows(BabbleException.class, () -> FrozenModelReader.read(file))
                    .getMessage();
            assertTrue(!message.contains("Cannot construct instance"), "no JSON library wording: " + message);
        }
        ObjectNode json = metadataJson();
        ((ObjectNode) json.get("metadata").get("featureSettings"))
                .put("clipDurationMs", 100_000_000)
                .put("windowStrideMs", 0.0625);
        assertRefused(
                variant(
                        "overflow.babble",
                        goodWith(
                                FrozenModelFormat.METADATA,
                                FrozenModelFormat.json().writeValueAsBytes(json))),
                "invalid feature setting clipDurationMs");
    }

    /** The network entry of a model whose network has other layer sizes than the good file's. */
    private byte[] anotherNetwork() throws IOException {
        Path other = dir.resolve("other.babble");
        FrozenModelWriter.write(
                other, ReferenceModelMaker.network(), TinyModels.metadata(TinyModels.LABELS, FeatureLayout.FLAT));
        return ModelZips.entries(other).get(FrozenModelFormat.NETWORK);
    }

    private static int indexOf(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return i;
        }
        throw new AssertionError("not found");
    }
}
