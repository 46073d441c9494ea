package dev.vaulttest.testkit;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The fake's snapshots: a gzip-compressed tar archive, like Vault's, holding {@code meta.json},
 * {@code state.bin} (the double's state as JSON), {@code SHA256SUMS} and {@code SHA256SUMS.sealed}.
 */
final class Snapshots {

    private static final int BLOCK = 512;

    private Snapshots() {
    }

    static Reply save(RaftStorage storage) {
        ObjectNode state = Reply.JSON.createObjectNode();
        state.put("cluster_id", storage.clusterId);
        state.put("cluster_name", storage.clusterName);
        state.put("keyring_id", storage.keyringId);
        state.put("shares", storage.shares);
        state.put("threshold", storage.threshold);
        ArrayNode unseal = state.putArray("unseal_keys");
        storage.unsealKeys.forEach(key -> unseal.add(RaftStorage.hex(key)));
        ArrayNode recovery = state.putArray("recovery_keys");
        storage.recoveryKeys.forEach(key -> recovery.add(RaftStorage.hex(key)));
        state.put("root_token", storage.rootToken);
        ObjectNode tokens = state.putObject("tokens");
        storage.tokens.forEach(tokens::set);
        state.set("logical", storage.logical.deepCopy());
        byte[] stateBytes = Reply.JSON.writeValueAsBytes(state);
        byte[] meta = Reply.JSON.writeValueAsBytes(Reply.JSON.createObjectNode()
                .put("index", storage.index).put("term", storage.term).put("version", 1));
        String sums = sha256(meta) + "  meta.json\n" + sha256(stateBytes) + "  state.bin\n";
        byte[] sumsBytes = sums.getBytes(StandardCharsets.UTF_8);
        byte[] sealed = ("sealed:" + storage.keyringId + ":" + sha256(sumsBytes)).getBytes(StandardCharsets.UTF_8);
        Map<String, byte[]> entries = new LinkedHashMap<>();
        entries.put("meta.json", meta);
        entries.put("state.bin", stateBytes);
        entries.put("SHA256SUMS", sumsBytes);
        entries.put("SHA256SUMS.sealed", sealed);
        return Reply.bytes(gzipTar(entries), "application/gzip");
    }

    /** Whether the bytes start with the gzip magic number, as Go's {@code gzip.NewReader} requires. */
    static boolean isGzip(byte[] bytes) {
        return bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b;
    }

    /** The state inside a snapshot, if the bytes are a complete snapshot of this double. */
    static Optional<JsonNode> read(byte[] snapshot) {
        try {
            Map<String, byte[]> entries = untar(snapshot);
            byte[] sealed = entries.get("SHA256SUMS.sealed");
            byte[] state = entries.get("state.bin");
            if (sealed == null || sealed.length == 0 || state == null) {
                return Optional.empty();
            }
            return Optional.of(Reply.JSON.readTree(state));
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    static void apply(RaftStorage storage, JsonNode state) {
        storage.initialized = true;
        storage.clusterId = state.path("cluster_id").asString("");
        storage.clusterName = state.path("cluster_name").asString("");
        storage.keyringId = state.path("keyring_id").asString("");
        storage.shares = state.path("shares").asInt(1);
        storage.threshold = state.path("threshold").asInt(1);
        storage.unsealKeys = keys(state.path("unseal_keys"));
        storage.recoveryKeys = keys(state.path("recovery_keys"));
        storage.rootToken = state.path("root_token").asString("");
        storage.tokens = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> token : state.path("tokens").properties()) {
            storage.tokens.put(token.getKey(), (ObjectNode) token.getValue().deepCopy());
        }
        storage.logical = (ObjectNode) state.path("logical").deepCopy();
        storage.index++;
    }

    private static List<byte[]> keys(JsonNode array) {
        List<byte[]> keys = new ArrayList<>();
        for (JsonNode key : array) {
            keys.add(HexFormat.of().parseHex(key.asString()));
        }
        return keys;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this JVM", e);
        }
    }

    static byte[] gzipTar(Map<String, byte[]> entries) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            for (Map.Entry<String, byte[]> entry : entries.entrySet()) {
                gzip.write(header(entry.getKey(), entry.getValue().length));
                gzip.write(entry.getValue());
                int padding = (BLOCK - entry.getValue().length % BLOCK) % BLOCK;
                gzip.write(new byte[padding]);
            }
            gzip.write(new byte[BLOCK * 2]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }

    private static byte[] header(String name, long size) {
        byte[] header = new byte[BLOCK];
        put(header, 0, name);
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", size));
        put(header, 136, String.format("%011o", System.currentTimeMillis() / 1000));
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
            header[i] = ' ';
        }
        long checksum = 0;
        for (byte b : header) {
            checksum += b & 0xff;
        }
        put(header, 148, String.format("%06o", checksum));
        header[154] = 0;
        header[155] = ' ';
        return header;
    }

    private static void put(byte[] target, int offset, String text) {
        byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(bytes, 0, target, offset, bytes.length);
    }

    private static Map<String, byte[]> untar(byte[] gzipped) throws IOException {
        Map<String, byte[]> entries = new LinkedHashMap<>();
        try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(gzipped))) {
            while (true) {
                byte[] header = in.readNBytes(BLOCK);
                if (header.length < BLOCK) {
                    throw new IOException("truncated tar header");
                }
                boolean zero = true;
                for (byte b : header) {
                    zero &= b == 0;
                }
                if (zero) {
                    return entries;
                }
                int end = 0;
                while (end < 100 && header[end] != 0) {
                    end++;
                }
                String name = new String(header, 0, end, StandardCharsets.US_ASCII);
                long size = Long.parseLong(new String(header, 124, 11, StandardCharsets.US_ASCII).trim(), 8);
                byte[] content = in.readNBytes((int) size);
                if (content.length < size) {
                    throw new IOException("truncated tar entry " + name);
                }
                in.readNBytes((int) ((BLOCK - size % BLOCK) % BLOCK));
                entries.put(name, content);
            }
        }
    }
}
