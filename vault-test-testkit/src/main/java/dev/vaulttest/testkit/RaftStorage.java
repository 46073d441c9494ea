package dev.vaulttest.testkit;

import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.node.ObjectNode;

/**
 * The state the nodes of a fake cluster share through Raft: identity, seal configuration and keys, tokens,
 * logical data (mounts, policies, audit devices, auth methods) and the membership.
 */
final class RaftStorage {

    private static final String TOKEN_ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";

    /** One Raft member. */
    static final class Member {
        final String nodeId;
        boolean voter;
        Instant stableSince = Instant.now();

        Member(String nodeId, boolean voter) {
            this.nodeId = nodeId;
            this.voter = voter;
        }
    }

    final SecureRandom random;
    boolean initialized;
    String clusterId = "";
    String clusterName = "";
    /** Identifies the keyring: snapshots of another keyring need the forced restore. */
    String keyringId = "";
    int shares;
    int threshold;
    List<byte[]> unsealKeys = new ArrayList<>();
    List<byte[]> recoveryKeys = new ArrayList<>();
    String rootToken = "";
    /** Valid tokens, by token value. */
    Map<String, ObjectNode> tokens = new LinkedHashMap<>();
    /** Mounts, policies, audit devices, auth methods: everything a snapshot carries. */
    ObjectNode logical = Reply.JSON.createObjectNode();
    final List<Member> members = new ArrayList<>();
    String leader;
    Instant leaderSince = Instant.EPOCH;
    long index;
    long term = 1;

    RaftStorage(SecureRandom random) {
        this.random = random;
        resetLogical();
    }

    void resetLogical() {
        logical = Reply.JSON.createObjectNode();
        logical.putObject("mounts");
        logical.putObject("policies");
        logical.putObject("audit");
        logical.putObject("auth");
    }

    ObjectNode mounts() {
        return (ObjectNode) logical.get("mounts");
    }

    ObjectNode policies() {
        return (ObjectNode) logical.get("policies");
    }

    ObjectNode audit() {
        return (ObjectNode) logical.get("audit");
    }

    ObjectNode auth() {
        return (ObjectNode) logical.get("auth");
    }

    void initialise(String name, int keyShares, int keyThreshold, boolean recovery, String presetRootToken) {
        initialized = true;
        clusterId = UUID.randomUUID().toString();
        clusterName = name;
        keyringId = UUID.randomUUID().toString();
        shares = keyShares;
        threshold = keyThreshold;
        unsealKeys = new ArrayList<>();
        recoveryKeys = new ArrayList<>();
        for (int i = 0; i < keyShares; i++) {
            (recovery ? recoveryKeys : unsealKeys).add(randomBytes(33));
        }
        rootToken = presetRootToken != null ? presetRootToken : newToken();
        tokens = new LinkedHashMap<>();
        ObjectNode root = Reply.JSON.createObjectNode();
        root.putArray("policies").add("root");
        tokens.put(rootToken, root);
        resetLogical();
        index = 1;
    }

    String newToken() {
        StringBuilder token = new StringBuilder("hvs.");
        for (int i = 0; i < 28; i++) {
            token.append(TOKEN_ALPHABET.charAt(random.nextInt(TOKEN_ALPHABET.length())));
        }
        return token.toString();
    }

    byte[] randomBytes(int length) {
        byte[] bytes = new byte[length];
        random.nextBytes(bytes);
        return bytes;
    }

    Optional<Member> member(String nodeId) {
        return members.stream().filter(member -> member.nodeId.equals(nodeId)).findFirst();
    }

    List<Member> voters() {
        return members.stream().filter(member -> member.voter).toList();
    }

    /** The keys that unseal the cluster right now: unseal keys for Shamir, recovery keys otherwise. */
    List<byte[]> activeKeys(SealKind seal) {
        return seal == SealKind.SHAMIR ? unsealKeys : recoveryKeys;
    }

    static String hex(byte[] key) {
        return HexFormat.of().formatHex(key);
    }

    static String base64(byte[] key) {
        return Base64.getEncoder().encodeToString(key);
    }
}
