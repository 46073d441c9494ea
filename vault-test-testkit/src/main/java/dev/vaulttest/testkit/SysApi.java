package dev.vaulttest.testkit;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The {@code sys/*} endpoints of the fake, and the routing of every request. Runs under the cluster lock.
 */
final class SysApi {

    private static final String GO_ZERO_TIME = "0001-01-01T00:00:00Z";

    private final FakeVaultCluster cluster;
    private final RaftStorage storage;
    private final LogicalApi logical;

    SysApi(FakeVaultCluster cluster) {
        this.cluster = cluster;
        this.storage = cluster.storage;
        this.logical = new LogicalApi(cluster, this);
    }

    Reply handle(FakeVaultNode node, Call call) {
        String path = call.path();
        switch (path) {
            case "sys/init":
                return call.isRead() ? initStatus(node) : call.isWrite() ? init(node, call) : unsupported(path);
            case "sys/seal-status":
                return sealStatus(node);
            case "sys/health":
                return health(node, call);
            case "sys/unseal":
                return call.isWrite() ? unseal(node, call) : unsupported(path);
            case "sys/leader":
                return leader(node);
            case "sys/storage/raft/join":
                return call.isWrite() ? join(node, call) : unsupported(path);
            case "sys/seal":
                if (call.isWrite() && (!node.hasData || node.sealed)) {
                    // Vault's SealWithRequest returns at once on a sealed node: 204, before any token check.
                    return Reply.noContent();
                }
                break;
            default:
                break;
        }
        if (path.startsWith("auth/") && path.endsWith("/login")) {
            return requireServing(node, call, false).orElseGet(() -> logical.login(call));
        }
        Optional<Reply> refusal = requireServing(node, call, true);
        if (refusal.isPresent()) {
            return refusal.get();
        }
        return switch (path) {
            case "sys/seal" -> seal(node);
            case "sys/step-down" -> stepDown(node);
            case "sys/storage/raft/configuration" -> raftConfiguration();
            case "sys/storage/raft/remove-peer" -> removePeer(node, call);
            case "sys/storage/raft/autopilot/state" -> autopilotState();
            case "sys/storage/raft/snapshot" -> "GET".equals(call.method()) ? Snapshots.save(storage)
                    : restore(call, false);
            case "sys/storage/raft/snapshot-force" -> restore(call, true);
            default -> logical.handle(node, call);
        };
    }

    /**
     * The common gate: the node must be initialised and unsealed, know an active node (standbys forward), and
     * the request must carry a valid token.
     */
    Optional<Reply> requireServing(FakeVaultNode node, Call call, boolean authenticated) {
        if (!node.hasData || node.sealed) {
            return Optional.of(Reply.sealed());
        }
        if (cluster.config().devMode) {
            return authenticated ? checkToken(call) : Optional.empty();
        }
        if (node.removed) {
            return Optional.of(Reply.error(500, "node was removed from a HA cluster"));
        }
        if (storage.leader == null || storage.member(node.name()).isEmpty()) {
            return Optional.of(Reply.error(500, "local node not active but active cluster node not found"));
        }
        return authenticated ? checkToken(call) : Optional.empty();
    }

    private Optional<Reply> checkToken(Call call) {
        if (call.token() == null || !storage.tokens.containsKey(call.token())) {
            return Optional.of(Reply.permissionDenied());
        }
        return Optional.empty();
    }

    static Reply unsupported(String path) {
        return Reply.error(405, "1 error occurred:\n\t* unsupported operation\n\n");
    }

    // ---- init, seal, unseal -------------------------------------------------------------------------

    private Reply initStatus(FakeVaultNode node) {
        return Reply.ok(Reply.JSON.createObjectNode().put("initialized", node.hasData));
    }

    private Reply init(FakeVaultNode node, Call call) {
        if (node.hasData) {
            return Reply.error(400, "Vault is already initialized");
        }
        if (storage.initialized && !cluster.config().devMode) {
            return Reply.error(400, "test double: this cluster is already initialised on another node; a real Vault"
                    + " would create a second, independent cluster here. Join this node with sys/storage/raft/join.");
        }
        SealKind seal = cluster.config().seal;
        List<String> wrong = new ArrayList<>();
        List<String> wrongFields = seal == SealKind.SHAMIR
                ? List.of("recovery_shares", "recovery_threshold", "recovery_pgp_keys")
                : List.of("secret_shares", "secret_threshold", "pgp_keys");
        for (String field : wrongFields) {
            if (call.has(field)) {
                wrong.add(field);
            }
        }
        if (!wrong.isEmpty()) {
            return Reply.error(400, "parameters " + String.join(",", wrong) + " not applicable to seal type "
                    + seal.vaultType());
        }
        String prefix = seal == SealKind.SHAMIR ? "secret" : "recovery";
        int shares = call.body().path(prefix + "_shares").asInt(0);
        int threshold = call.body().path(prefix + "_threshold").asInt(0);
        if (shares < 1) {
            return Reply.error(400, "invalid seal configuration: share count must be at least one");
        }
        if (threshold < 1 || threshold > shares) {
            return Reply.error(400, "invalid seal configuration: threshold must be between one and the share count");
        }
        initialise(node, shares, threshold);
        ObjectNode body = Reply.JSON.createObjectNode();
        ArrayNode keys = body.putArray("keys");
        ArrayNode keysBase64 = body.putArray("keys_base64");
        for (byte[] key : storage.unsealKeys) {
            keys.add(RaftStorage.hex(key));
            keysBase64.add(RaftStorage.base64(key));
        }
        if (!storage.recoveryKeys.isEmpty()) {
            ArrayNode recovery = body.putArray("recovery_keys");
            ArrayNode recoveryBase64 = body.putArray("recovery_keys_base64");
            for (byte[] key : storage.recoveryKeys) {
                recovery.add(RaftStorage.hex(key));
                recoveryBase64.add(RaftStorage.base64(key));
            }
        }
        body.put("root_token", storage.rootToken);
        return Reply.ok(body);
    }

    void initialise(FakeVaultNode node, int shares, int threshold) {
        boolean recovery = cluster.config().seal == SealKind.AUTO_UNSEAL;
        storage.initialise("vault-cluster-" + HexFormat.of().formatHex(storage.randomBytes(4)), shares, threshold,
                recovery, null);
        storage.members.clear();
        storage.leader = null;
        node.hasData = true;
        node.removed = false;
        storage.members.add(new RaftStorage.Member(node.name(), true));
        if (recovery) {
            cluster.unsealDirectly(node);
        }
        cluster.electLeader(null);
    }

    private Reply sealStatus(FakeVaultNode node) {
        return Reply.ok(sealStatusBody(node));
    }

    ObjectNode sealStatusBody(FakeVaultNode node) {
        SealKind seal = cluster.config().seal;
        boolean initialized = node.hasData;
        ObjectNode body = Reply.JSON.createObjectNode();
        body.put("type", seal.vaultType());
        body.put("initialized", initialized);
        body.put("sealed", node.sealed);
        body.put("t", initialized ? storage.threshold : 0);
        body.put("n", initialized ? storage.shares : 0);
        body.put("progress", node.unsealProgress.size());
        body.put("nonce", node.nonce);
        body.put("version", cluster.config().version);
        body.put("build_date", cluster.config().buildDate);
        body.put("migration", false);
        if (initialized && !node.sealed) {
            body.put("cluster_name", storage.clusterName);
            body.put("cluster_id", storage.clusterId);
        }
        body.put("recovery_seal", seal == SealKind.AUTO_UNSEAL);
        if (initialized && seal == SealKind.AUTO_UNSEAL) {
            // Real Vault names the recovery keys' seal type once initialised (recorded from Vault 1.21.1).
            body.put("recovery_seal_type", "shamir");
        }
        body.put("storage_type", cluster.config().devMode ? "inmem" : cluster.config().storageType);
        body.put("removed_from_cluster", node.removed);
        return body;
    }

    /** Vault's barrier key length (AES-256: 16 to 32 bytes) plus one byte of Shamir overhead. */
    private static final int MIN_KEY_BYTES = 16;
    private static final int MAX_KEY_BYTES = 33;

    /** {@code handleSysUnseal} and {@code Core.unsealFragment}, in their order. */
    private Reply unseal(FakeVaultNode node, Call call) {
        if (node.removed) {
            return Reply.error(500, "node was removed from a HA cluster");
        }
        if (call.body().path("reset").asBoolean(false)) {
            if (!node.sealed) {
                return Reply.error(400, "vault is unsealed");
            }
            node.unsealProgress.clear();
            node.nonce = "";
            return sealStatus(node);
        }
        String key = call.text("key");
        if (key.isEmpty()) {
            return Reply.error(400, "'key' must be specified in request body as JSON, or 'reset' set to true");
        }
        Optional<byte[]> decoded = decodeKey(key);
        if (decoded.isEmpty()) {
            return Reply.error(400, "'key' must be a valid hex or base64 string");
        }
        if (!node.hasData) {
            return Reply.error(400, "Vault is not initialized");
        }
        if (decoded.get().length < MIN_KEY_BYTES) {
            return Reply.error(400, "invalid key: key is shorter than minimum " + MIN_KEY_BYTES + " bytes");
        }
        if (decoded.get().length > MAX_KEY_BYTES) {
            return Reply.error(400, "invalid key: key is longer than maximum " + MAX_KEY_BYTES + " bytes");
        }
        if (!node.sealed || node.unsealingInBackground) {
            return sealStatus(node);
        }
        if (node.unsealProgress.isEmpty()) {
            node.nonce = UUID.randomUUID().toString();
        }
        node.unsealProgress.add(RaftStorage.hex(decoded.get()));
        if (node.unsealProgress.size() < storage.threshold) {
            return sealStatus(node);
        }
        List<String> valid = storage.activeKeys(cluster.config().seal).stream().map(RaftStorage::hex).toList();
        boolean allValid = valid.containsAll(node.unsealProgress);
        node.unsealProgress.clear();
        node.nonce = "";
        if (!allValid) {
            if (node.awaitingJoinKeys) {
                // unsealWithRaft cannot open the leader's challenge with these keys.
                return Reply.error(500, "error decrypting challenge: cipher: message authentication failed");
            }
            return Reply.error(400, "Unseal failed, invalid key");
        }
        if (node.awaitingJoinKeys) {
            return unsealAfterJoin(node);
        }
        cluster.unsealDirectly(node);
        cluster.electLeader(null);
        return sealStatus(node);
    }

    /**
     * Vault's {@code unsealWithRaft}: the keys answer the leader's challenge, the node becomes a Raft member, and
     * it unseals in the background once it has the leader's keyring; the answer to this share still says
     * {@code sealed: true, progress: 0}.
     */
    private Reply unsealAfterJoin(FakeVaultNode node) {
        node.awaitingJoinKeys = false;
        node.unsealingInBackground = true;
        cluster.becomeMember(node);
        cluster.scheduleForNode(node, cluster.config().raftUnsealDelay, () -> {
            if (node.unsealingInBackground && node.sealed) {
                node.unsealingInBackground = false;
                cluster.unsealDirectly(node);
                cluster.electLeader(null);
            }
        });
        return sealStatus(node);
    }

    /** Hex when it decodes to a key-sized value, else standard base64, as {@code handleSysUnseal} decodes. */
    private static Optional<byte[]> decodeKey(String key) {
        try {
            byte[] hex = HexFormat.of().parseHex(key);
            if (hex.length >= MIN_KEY_BYTES && hex.length <= MAX_KEY_BYTES) {
                return Optional.of(hex);
            }
        } catch (IllegalArgumentException notHex) {
            // try base64
        }
        try {
            return Optional.of(Base64.getDecoder().decode(key));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
    }

    private Reply seal(FakeVaultNode node) {
        if (!cluster.config().devMode && !node.name().equals(storage.leader)) {
            return Reply.error(500, "vault cannot seal when in standby mode; please restart instead");
        }
        node.sealed = true;
        node.unsealProgress.clear();
        node.nonce = "";
        storage.leader = null;
        cluster.electLeader(node.name());
        return Reply.noContent();
    }

    // ---- health, leader ------------------------------------------------------------------------------

    private Reply health(FakeVaultNode node, Call call) {
        Map<String, String> query = call.query();
        int code;
        try {
            code = healthCode(node, query);
        } catch (NumberFormatException e) {
            // getSysHealth fails without a body and respondError sends an empty error list.
            return Reply.error(400);
        }
        ObjectNode body = Reply.JSON.createObjectNode();
        boolean standby = isStandby(node);
        body.put("initialized", node.hasData);
        body.put("sealed", node.sealed);
        body.put("standby", standby);
        body.put("performance_standby", standby && node.performanceStandby);
        body.put("replication_performance_mode", "disabled");
        body.put("replication_dr_mode", node.drSecondary ? "secondary" : "disabled");
        body.put("server_time_utc", Instant.now().getEpochSecond());
        body.put("version", cluster.config().version);
        if (node.hasData && !node.sealed) {
            body.put("cluster_name", storage.clusterName);
            body.put("cluster_id", storage.clusterId);
        }
        body.put("enterprise", false);
        body.put("echo_duration_ms", standby ? 1 : 0);
        body.put("clock_skew_ms", 0);
        body.put("replication_primary_canary_age_ms", 0);
        body.put("removed_from_cluster", node.removed);
        if (standby) {
            body.put("ha_connection_healthy", node.haConnectionHealthy);
            body.put("last_request_forwarding_heartbeat_ms", node.haConnectionHealthy ? 2 : 15000);
        }
        return Reply.json(code, body);
    }

    private boolean isStandby(FakeVaultNode node) {
        return node.hasData && !node.sealed && !node.removed && !cluster.config().devMode
                && !node.name().equals(storage.leader);
    }

    /**
     * {@code getSysHealth}: every query parameter is parsed first (a bad one is a 400), then the first matching
     * state wins in Vault's order: uninitialised, removed, sealed, HA-unhealthy, DR secondary, performance
     * standby, standby.
     */
    private int healthCode(FakeVaultNode node, Map<String, String> query) {
        boolean standbyOk = flag(query, "standbyok");
        boolean perfStandbyOk = flag(query, "perfstandbyok");
        int uninit = code(query, "uninitcode", 501);
        int sealed = code(query, "sealedcode", 503);
        int standbyCode = code(query, "standbycode", 429);
        int active = code(query, "activecode", 200);
        int drSecondary = code(query, "drsecondarycode", 472);
        int perfStandby = code(query, "performancestandbycode", 473);
        int haUnhealthy = code(query, "haunhealthycode", 474);
        int removed = code(query, "removedcode", 530);
        boolean standby = isStandby(node);
        if (!node.hasData) {
            return uninit;
        }
        if (node.removed) {
            return removed;
        }
        if (node.sealed) {
            return sealed;
        }
        if (standby && !node.haConnectionHealthy) {
            return haUnhealthy;
        }
        if (node.drSecondary) {
            return drSecondary;
        }
        if (standby && node.performanceStandby) {
            return perfStandbyOk ? active : perfStandby;
        }
        if (standby) {
            return standbyOk ? active : standbyCode;
        }
        return active;
    }

    /** {@code fetchStatusCode}: {@code strconv.Atoi}, so an empty or non-numeric value is a 400. */
    private static int code(Map<String, String> query, String name, int fallback) {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        int parsed = Integer.parseInt(value);
        if (parsed < 1) {
            throw new NumberFormatException(name + "=" + value);
        }
        return parsed;
    }

    /**
     * {@code parseutil.ParseBool} (a weak decode): an empty value is false, otherwise Go's
     * {@code strconv.ParseBool}.
     */
    private static boolean flag(Map<String, String> query, String name) {
        String value = query.get(name);
        if (value == null || value.isEmpty()) {
            return false;
        }
        return switch (value) {
            case "1", "t", "T", "TRUE", "true", "True" -> true;
            case "0", "f", "F", "FALSE", "false", "False" -> false;
            default -> throw new NumberFormatException(name + "=" + value);
        };
    }

    private Reply leader(FakeVaultNode node) {
        if (!node.hasData || node.sealed) {
            return Reply.sealed();
        }
        ObjectNode body = Reply.JSON.createObjectNode();
        boolean dev = cluster.config().devMode;
        Optional<FakeVaultNode> leader = Optional.ofNullable(storage.leader).map(cluster::node);
        body.put("ha_enabled", !dev);
        body.put("is_self", !dev && node.name().equals(storage.leader));
        body.put("active_time", !dev && node.name().equals(storage.leader)
                ? DateTimeFormatter.ISO_INSTANT.format(storage.leaderSince) : GO_ZERO_TIME);
        body.put("leader_address", dev ? "" : leader.map(FakeVaultNode::apiAddress).orElse(""));
        body.put("leader_cluster_address", dev ? "" : leader.map(SysApi::clusterAddress).orElse(""));
        body.put("performance_standby", isStandby(node) && node.performanceStandby);
        body.put("performance_standby_last_remote_wal", 0);
        if (!dev) {
            body.put("raft_committed_index", storage.index);
            body.put("raft_applied_index", storage.index);
        }
        return Reply.ok(body);
    }

    static String clusterAddress(FakeVaultNode node) {
        return "https://" + node.name() + ".vault-internal:8201";
    }

    private Reply stepDown(FakeVaultNode node) {
        if (cluster.config().devMode) {
            return Reply.noContent();
        }
        cluster.electLeader(storage.leader);
        return Reply.noContent();
    }

    // ---- raft ----------------------------------------------------------------------------------------

    /**
     * {@code JoinRaftCluster}: a node with data answers {@code joined: true} without doing anything; an explicit
     * join contacts the leader at once (500 if it cannot); {@code retry: true} answers {@code joined: false} and
     * keeps trying in the background. Under Shamir the joiner then waits for the leader's unseal keys.
     */
    private Reply join(FakeVaultNode node, Call call) {
        if (cluster.config().devMode) {
            return Reply.error(400, "raft storage is not in use");
        }
        if (node.removed) {
            return Reply.error(500, "node has been removed from the HA cluster. All vault data for this node must"
                    + " be cleaned up before it can be added back");
        }
        if (node.hasData && !node.awaitingJoinKeys) {
            return Reply.ok(Reply.JSON.createObjectNode().put("joined", true));
        }
        String leaderAddress = call.text("leader_api_addr");
        if (leaderAddress.isEmpty()) {
            return Reply.error(400, "leader_api_addr is required");
        }
        if (call.body().path("retry").asBoolean(false)) {
            node.pendingJoin = leaderAddress;
            cluster.scheduleForNode(node, Duration.ZERO, () -> retryJoin(node, leaderAddress));
            return Reply.ok(Reply.JSON.createObjectNode().put("joined", false));
        }
        Optional<String> failure = tryJoin(node, leaderAddress);
        if (failure.isEmpty()) {
            return Reply.ok(Reply.JSON.createObjectNode().put("joined", true));
        }
        return Reply.error(500, "failed to join raft cluster: " + failure.get());
    }

    /** One background attempt of a {@code retry: true} join; schedules the next one if it fails. */
    private void retryJoin(FakeVaultNode node, String leaderAddress) {
        if (!leaderAddress.equals(node.pendingJoin) || (node.hasData && !node.awaitingJoinKeys)) {
            return;
        }
        if (tryJoin(node, leaderAddress).isPresent()) {
            cluster.scheduleForNode(node, cluster.config().retryJoinInterval, () -> retryJoin(node, leaderAddress));
        }
    }

    /** Joins if the leader at the address is reachable and active; empty on success, else why not. */
    private Optional<String> tryJoin(FakeVaultNode node, String leaderAddress) {
        Optional<FakeVaultNode> target = cluster.nodeByAddress(leaderAddress);
        if (target.isEmpty() || !target.get().running) {
            return Optional.of("dial tcp: lookup or connect to " + leaderAddress + " failed");
        }
        if (!storage.initialized || storage.leader == null || target.get().sealed) {
            return Optional.of("leader at " + leaderAddress + " is sealed or not active");
        }
        node.hasData = true;
        node.pendingJoin = null;
        node.removed = false;
        node.sealed = true;
        if (cluster.config().seal == SealKind.AUTO_UNSEAL) {
            node.awaitingJoinKeys = false;
            cluster.unsealDirectly(node);
            cluster.electLeader(null);
        } else {
            node.awaitingJoinKeys = true;
            node.unsealProgress.clear();
            node.nonce = "";
        }
        return Optional.empty();
    }

    private Reply raftConfiguration() {
        if (cluster.config().devMode) {
            return Reply.error(400, "raft storage is not in use");
        }
        ObjectNode data = Reply.JSON.createObjectNode();
        ObjectNode config = data.putObject("config");
        config.put("index", storage.index);
        ArrayNode servers = config.putArray("servers");
        for (RaftStorage.Member member : storage.members) {
            ObjectNode server = servers.addObject();
            server.put("node_id", member.nodeId);
            server.put("address", member.nodeId + ".vault-internal:8201");
            server.put("leader", member.nodeId.equals(storage.leader));
            server.put("protocol_version", "3");
            server.put("voter", member.voter);
        }
        return Reply.envelope(data, List.of(), "system");
    }

    private Reply removePeer(FakeVaultNode node, Call call) {
        if (cluster.config().devMode) {
            return Reply.error(400, "raft storage is not in use");
        }
        String id = call.text("server_id");
        if (id.isEmpty()) {
            return Reply.error(400, "no server id provided");
        }
        Optional<RaftStorage.Member> member = storage.member(id);
        if (member.isEmpty()) {
            return Reply.error(400, "test double: no raft peer with id " + id);
        }
        if (id.equals(storage.leader)) {
            return Reply.error(400, "test double: refusing to remove the active node " + id + "; step it down first");
        }
        storage.members.remove(member.get());
        storage.index++;
        cluster.nodes().stream().filter(candidate -> candidate.name().equals(id)).forEach(removed -> removed.removed = true);
        cluster.electLeader(null);
        return Reply.noContent();
    }

    private Reply autopilotState() {
        if (cluster.config().devMode) {
            return Reply.error(400, "raft storage is not in use");
        }
        ObjectNode data = Reply.JSON.createObjectNode();
        List<RaftStorage.Member> voters = storage.voters();
        long healthyVoters = voters.stream().filter(member -> healthy(member.nodeId)).count();
        int quorum = voters.size() / 2 + 1;
        boolean allHealthy = storage.members.stream().allMatch(member -> healthy(member.nodeId));
        data.put("healthy", allHealthy && storage.leader != null);
        data.put("failure_tolerance", Math.max(0, healthyVoters - quorum));
        data.put("leader", storage.leader == null ? "" : storage.leader);
        ArrayNode voterIds = data.putArray("voters");
        voters.forEach(member -> voterIds.add(member.nodeId));
        List<RaftStorage.Member> nonVoters = storage.members.stream().filter(member -> !member.voter).toList();
        if (!nonVoters.isEmpty()) {
            ArrayNode ids = data.putArray("non_voters");
            nonVoters.forEach(member -> ids.add(member.nodeId));
        }
        ObjectNode servers = data.putObject("servers");
        for (RaftStorage.Member member : storage.members) {
            boolean healthy = healthy(member.nodeId);
            boolean leader = member.nodeId.equals(storage.leader);
            ObjectNode server = servers.putObject(member.nodeId);
            server.put("id", member.nodeId);
            server.put("name", member.nodeId);
            server.put("address", member.nodeId + ".vault-internal:8201");
            server.put("node_status", healthy ? "alive" : "failed");
            server.put("last_contact", leader ? "0s" : healthy ? "1.5ms" : "12.3s");
            server.put("last_term", storage.term);
            server.put("last_index", storage.index);
            server.put("healthy", healthy);
            server.put("stable_since", DateTimeFormatter.ISO_INSTANT.format(member.stableSince));
            server.put("status", leader ? "leader" : member.voter ? "voter" : "non-voter");
            server.put("version", cluster.config().version);
            server.put("node_type", "voter");
        }
        return Reply.envelope(data, List.of(), "system");
    }

    private boolean healthy(String nodeId) {
        return cluster.nodes().stream().filter(node -> node.name().equals(nodeId)).findFirst()
                .map(node -> node.running && node.hasData && !node.sealed && !node.removed).orElse(false);
    }

    // ---- snapshots -----------------------------------------------------------------------------------

    /**
     * {@code handleStorageRaftSnapshotWrite}: the archive and its keyring are checked while the request waits
     * (not gzip: 500; another cluster's keyring without force: 400), then the answer is 204 and the snapshot is
     * applied in the background after {@link FakeVaultCluster.Builder#snapshotRestoreDelay}. A forced restore of
     * another cluster's snapshot leaves the nodes sealed under Shamir (the source cluster's keys unseal them).
     */
    private Reply restore(Call call, boolean force) {
        if (!call.isWrite()) {
            return unsupported(call.path());
        }
        if (!Snapshots.isGzip(call.raw())) {
            return Reply.error(500, "failed to decompress snapshot: gzip: invalid header");
        }
        Optional<JsonNode> snapshot = Snapshots.read(call.raw());
        if (snapshot.isEmpty()) {
            return Reply.error(500, "failed to read snapshot file: not a tar archive with SHA256SUMS.sealed");
        }
        JsonNode state = snapshot.get();
        boolean sameKeyring = storage.keyringId.equals(state.path("keyring_id").asString(""));
        if (!force && !sameKeyring) {
            return Reply.error(400, "could not verify hash file, possibly the snapshot is using a different set of"
                    + " unseal keys; use the snapshot-force API to bypass this check");
        }
        cluster.schedule(cluster.config().snapshotRestoreDelay, () -> apply(state, sameKeyring));
        return Reply.noContent();
    }

    private void apply(JsonNode state, boolean sameKeyring) {
        Snapshots.apply(storage, state);
        if (sameKeyring) {
            return;
        }
        for (FakeVaultNode node : cluster.nodes()) {
            if (node.running && node.hasData) {
                node.sealed = true;
                node.unsealProgress.clear();
                node.nonce = "";
                node.unsealingInBackground = false;
                if (cluster.config().seal == SealKind.AUTO_UNSEAL && cluster.kmsReachable()) {
                    cluster.unsealDirectly(node);
                }
            }
        }
        storage.leader = null;
        cluster.electLeader(null);
    }
}
