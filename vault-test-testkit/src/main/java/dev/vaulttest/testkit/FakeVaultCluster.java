package dev.vaulttest.testkit;

import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import javax.net.ssl.SSLContext;

/**
 * A stateful, in-process double of a Vault cluster's HTTP API, for tests. Not library API.
 *
 * <p>N nodes, each an HTTP(S) server on 127.0.0.1 with its own port (see {@link LoopbackPorts}), share Raft
 * storage. The double
 * answers the subset of the API the library uses (seal status, health, init, unseal, seal, leader, step-down,
 * Raft join/configuration/remove-peer/autopilot/snapshots, mounts, KV v2, audit devices, ACL policies, auth
 * methods, Kubernetes auth) with the documented JSON shapes, status codes and error strings.
 *
 * <p>What it models:
 * <ul>
 *   <li>uninitialised, sealed (progress, threshold, nonce, reset) and unsealed nodes; Shamir and {@code awskms}
 *       auto-unseal (recovery keys, unsealed right after init and after every start while the KMS is
 *       reachable). Unseal follows Vault's order and answers: shares of the wrong size are refused, each new
 *       share raises {@code progress}, a failed combination at the threshold is a 400 and resets progress,
 *       {@code reset} on an unsealed node is {@code 400 vault is unsealed}; {@code sys/seal} on a sealed node is
 *       a 204, {@code sys/leader} on one a 503;</li>
 *   <li>restarts: storage survives and a Shamir node comes back sealed; in dev mode everything is lost and the
 *       node comes back as a fresh dev server with the configured root token;</li>
 *   <li>a KMS outage ({@link #setKmsReachable(boolean)}): running nodes keep serving, but an auto-unseal node
 *       that starts exits at once, like Vault failing {@code DescribeKey}. The double models the crash loop
 *       as a node whose port refuses connections ({@link NodeState#CRASH_LOOPING}); when the KMS is back
 *       the node starts (no kubelet back-off is modelled);</li>
 *   <li>Raft: one leader among unsealed, running voters while a quorum of voters is up; standbys serve
 *       requests as if forwarded, or answer {@code 500 local node not active but active cluster node not
 *       found} without a leader; step-down hands leadership to another eligible voter; remove-peer (the removed
 *       node reports health 530);</li>
 *   <li>joins as Vault answers them: an explicit join contacts the leader at once ({@code joined: true}), a
 *       {@code retry: true} join answers {@code joined: false} and joins in the background
 *       ({@link Builder#retryJoinInterval(Duration)}), a join sent to a node with data answers
 *       {@code joined: true}. Under Shamir a joiner reports {@code initialized: true} with the leader's
 *       threshold while it waits for the leader's keys (Vault's {@code isRaftUnseal}, forgotten on restart);
 *       the share that reaches the threshold answers {@code sealed: true, progress: 0} and the node unseals in
 *       the background ({@link Builder#raftUnsealDelay(Duration)});</li>
 *   <li>autopilot: a joiner starts as a non-voter and is promoted once it has been healthy for
 *       {@link Builder#autopilotStabilizationTime(Duration)} (real Vault: 10 s), or only by
 *       {@link #promoteToVoter(String)} with {@link Builder#joinAsNonVoter(boolean)};</li>
 *   <li>snapshot restore answers 204 at once and applies in the background
 *       ({@link Builder#snapshotRestoreDelay(Duration)}); a forced restore of another cluster's snapshot seals
 *       Shamir nodes;</li>
 *   <li>{@code sys/health} with Vault's precedence (uninitialised, removed, sealed, HA-unhealthy, DR
 *       secondary, performance standby, standby) and query parsing;</li>
 *   <li>Kubernetes auth with the plugin's error matrix, backed by {@link FakeKubernetes}.</li>
 * </ul>
 *
 * <p>Simplifications: every valid token acts as root (no ACL evaluation); audit devices are recorded, not
 * written; snapshots are gzip tar archives of the double's own state, not Raft snapshots; an init on a second
 * node of an initialised cluster is refused (a real Vault would start a second, independent cluster there);
 * JWT signatures are never checked (see {@link FakeKubernetes}); an auto-unseal joiner unseals at once (real
 * Vault takes a moment); a standby reports {@code ha_connection_healthy} and
 * {@code last_request_forwarding_heartbeat_ms} from the start (real Vault only after its first forwarding
 * heartbeat, a few seconds after it became standby); error strings the reference does not quote (some init,
 * join and remove-peer validation) are the double's own, prefixed {@code test double:} where they describe a
 * simplification.
 *
 * <p>Latency: the JDK's HTTP server writes a response's headers and body separately, and without
 * {@code TCP_NODELAY} the body waits for the client's delayed acknowledgement, about 40 ms per request on Linux.
 * The double therefore sets {@value #NODELAY_PROPERTY}{@code =true} unless the JVM was started with a value; the
 * JDK reads it once, when the first HTTP server of the JVM is created, so a server created before the double's
 * class was loaded keeps the slow default.
 */
public final class FakeVaultCluster implements AutoCloseable {

    /** The JDK HTTP server's switch for {@code TCP_NODELAY} on accepted connections. */
    public static final String NODELAY_PROPERTY = "sun.net.httpserver.nodelay";

    static {
        if (System.getProperty(NODELAY_PROPERTY) == null) {
            System.setProperty(NODELAY_PROPERTY, "true");
        }
    }

    private final Object lock = new Object();
    private final Builder config;
    private final List<FakeVaultNode> nodes = new ArrayList<>();
    private final Map<String, HttpServer> servers = new LinkedHashMap<>();
    private final List<PortLease> ports = new CopyOnWriteArrayList<>();
    private final FakeKubernetes kubernetes = new FakeKubernetes(lock);
    private final ExecutorService executor;
    /** Runs what real Vault does in the background a moment after answering (see the Builder's delays). */
    private final ScheduledExecutorService background;
    private final SecureRandom random = new SecureRandom();
    final RaftStorage storage = new RaftStorage(random);
    private final SysApi sys;
    private boolean kmsReachable = true;
    private boolean closed;

    private FakeVaultCluster(Builder config) {
        this.config = config;
        AtomicInteger threads = new AtomicInteger();
        this.executor = Executors.newCachedThreadPool(runnable -> {
            Thread thread = new Thread(runnable, "fake-vault-" + threads.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        this.background = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "fake-vault-background");
            thread.setDaemon(true);
            return thread;
        });
        this.sys = new SysApi(this);
    }

    /**
     * Starts configuring a cluster (defaults: 1 node, Shamir, not dev mode, Vault version 2.0.4).
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    private void startAll() {
        Map<String, HttpServer> bound = new LinkedHashMap<>();
        for (int i = 0; i < config.nodeCount; i++) {
            String name = config.namePrefix + i;
            LoopbackPorts.Bound<HttpServer> server = LoopbackPorts.bind(this::createServer);
            ports.add(server.lease());
            bound.put(name, server.server());
            nodes.add(new FakeVaultNode(this, name, server.lease().port(),
                    config.sslContext == null ? "http" : "https"));
        }
        synchronized (lock) {
            for (FakeVaultNode node : nodes) {
                startNode(node, bound.get(node.name()));
            }
        }
    }

    // ---- test-facing controls -------------------------------------------------------------------------

    /**
     * All nodes, in creation order.
     *
     * @return the nodes
     */
    public List<FakeVaultNode> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * A node by index.
     *
     * @param index 0-based
     * @return the node
     */
    public FakeVaultNode node(int index) {
        return nodes.get(index);
    }

    /**
     * A node by name.
     *
     * @param name for example {@code vault-1}
     * @return the node
     */
    public FakeVaultNode node(String name) {
        return nodes.stream().filter(node -> node.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No fake node named '" + name + "'; nodes are "
                        + nodes.stream().map(FakeVaultNode::name).toList()));
    }

    /**
     * The active node, if there is one.
     *
     * @return the leader
     */
    public Optional<FakeVaultNode> leader() {
        synchronized (lock) {
            return Optional.ofNullable(storage.leader).map(this::node);
        }
    }

    /**
     * The Kubernetes API as the auth method sees it: issue tokens, break TokenReview.
     *
     * @return the fake Kubernetes
     */
    public FakeKubernetes kubernetes() {
        return kubernetes;
    }

    /**
     * Shortcut for {@code kubernetes().setTokenReviewFails(fails)}: every Kubernetes login is refused with
     * {@code 403 permission denied}, as when Vault cannot reach the API server.
     *
     * @param fails whether TokenReview fails
     */
    public void setTokenReviewFails(boolean fails) {
        kubernetes.setTokenReviewFails(fails);
    }

    /**
     * The seal this cluster uses.
     *
     * @return the seal kind
     */
    public SealKind seal() {
        return config.seal;
    }

    /**
     * Restarts a node's process: connections drop, storage survives (except in dev mode), a Shamir node comes
     * back sealed, an auto-unseal node unseals itself or crash-loops if the KMS is unreachable.
     *
     * @param name the node
     */
    public void restart(String name) {
        synchronized (lock) {
            FakeVaultNode node = node(name);
            stopNode(node);
            startNode(node);
        }
    }

    /**
     * Stops a node's process: its port refuses connections until {@link #start(String)}.
     *
     * @param name the node
     */
    public void stop(String name) {
        synchronized (lock) {
            stopNode(node(name));
        }
    }

    /**
     * Starts a stopped node (as after a restart).
     *
     * @param name the node
     */
    public void start(String name) {
        synchronized (lock) {
            FakeVaultNode node = node(name);
            if (!node.running) {
                startNode(node);
            }
        }
    }

    /**
     * Deletes a node's storage, as deleting its PVC and pod does: the node restarts uninitialised and must join
     * again. Its old membership stays until {@code remove-peer}.
     *
     * @param name the node
     */
    public void wipeStorage(String name) {
        synchronized (lock) {
            FakeVaultNode node = node(name);
            stopNode(node);
            node.hasData = false;
            node.removed = false;
            node.pendingJoin = null;
            node.awaitingJoinKeys = false;
            startNode(node);
        }
    }

    /**
     * Makes the simulated KMS reachable or not. Unreachable: running nodes keep serving; auto-unseal nodes that
     * start crash-loop. Reachable again: crash-looping nodes start and unseal themselves.
     *
     * @param reachable whether the KMS answers
     */
    public void setKmsReachable(boolean reachable) {
        synchronized (lock) {
            kmsReachable = reachable;
            if (reachable) {
                for (FakeVaultNode node : nodes) {
                    if (node.crashLooping) {
                        startNode(node);
                    }
                }
            }
        }
    }

    /**
     * Promotes a non-voter to voter at once, as autopilot does after the stabilisation time. Joined nodes are
     * promoted automatically after {@link Builder#autopilotStabilizationTime(Duration)} unless
     * {@link Builder#joinAsNonVoter(boolean)} is set; this drives the promotion by hand.
     *
     * @param name the node
     */
    public void promoteToVoter(String name) {
        synchronized (lock) {
            storage.member(name).orElseThrow(() -> new IllegalArgumentException(name + " is not a Raft member"))
                    .voter = true;
            storage.index++;
            electLeader(null);
        }
    }

    /**
     * Initialises the cluster on node 0, joins and unseals every node, so a test can start from a working,
     * settled cluster without going through the API: every node votes at once, as after autopilot's
     * stabilisation time (unless {@link Builder#joinAsNonVoter(boolean)}).
     *
     * @param shares key shares (recovery shares under auto-unseal)
     * @param threshold shares needed
     * @return the keys and root token
     */
    public Bootstrap bootstrap(int shares, int threshold) {
        synchronized (lock) {
            if (config.devMode) {
                return new Bootstrap(storage.rootToken, keys(storage.unsealKeys), List.of());
            }
            if (storage.initialized) {
                throw new IllegalStateException("The fake cluster is already initialised");
            }
            FakeVaultNode first = nodes.get(0);
            sys.initialise(first, shares, threshold);
            for (FakeVaultNode node : nodes) {
                if (node != first && node.running) {
                    node.hasData = true;
                }
                if (node.running) {
                    unsealDirectly(node);
                    storage.member(node.name()).ifPresent(member -> member.voter = !config.joinAsNonVoter
                            || node == first);
                }
            }
            electLeader(null);
            return new Bootstrap(storage.rootToken, keys(storage.unsealKeys), keys(storage.recoveryKeys));
        }
    }

    /**
     * Keys and token from {@link #bootstrap(int, int)}; plain strings because this is test support.
     *
     * @param rootToken the root token
     * @param unsealKeysHex Shamir unseal keys, hex
     * @param recoveryKeysHex recovery keys under auto-unseal, hex
     */
    public record Bootstrap(String rootToken, List<String> unsealKeysHex, List<String> recoveryKeysHex) {
    }

    /** Stops every node and the request threads. */
    @Override
    public void close() {
        synchronized (lock) {
            if (closed) {
                return;
            }
            closed = true;
            for (FakeVaultNode node : nodes) {
                closeServer(node);
                node.running = false;
            }
        }
        background.shutdownNow();
        executor.shutdownNow();
        ports.forEach(PortLease::close);
    }

    @Override
    public String toString() {
        return "FakeVaultCluster[" + nodes.size() + " node(s), seal=" + config.seal + (config.devMode ? ", dev" : "")
                + "]";
    }

    // ---- model, package-private ----------------------------------------------------------------------

    Object lock() {
        return lock;
    }

    Builder config() {
        return config;
    }

    boolean kmsReachable() {
        return kmsReachable;
    }

    FakeKubernetes kubernetesModel() {
        return kubernetes;
    }

    NodeState stateOf(FakeVaultNode node) {
        if (node.crashLooping) {
            return NodeState.CRASH_LOOPING;
        }
        if (!node.running) {
            return NodeState.STOPPED;
        }
        if (!node.hasData) {
            return NodeState.UNINITIALIZED;
        }
        if (node.sealed) {
            return NodeState.SEALED;
        }
        if (node.removed) {
            return NodeState.REMOVED;
        }
        return node.name().equals(storage.leader) ? NodeState.ACTIVE : NodeState.STANDBY;
    }

    void startNode(FakeVaultNode node) {
        startNode(node, null);
    }

    /** Starts a node; on the first start its server is already bound ({@code preBound}), later it binds again. */
    private void startNode(FakeVaultNode node, HttpServer preBound) {
        node.epoch++;
        node.unsealProgress.clear();
        node.nonce = "";
        node.unsealingInBackground = false;
        if (config.devMode) {
            startDevNode(node);
        } else if (config.seal == SealKind.AUTO_UNSEAL && !kmsReachable) {
            node.crashLooping = true;
            node.running = false;
            if (preBound != null) {
                preBound.stop(0);
            }
            return;
        } else {
            node.crashLooping = false;
            node.sealed = true;
            if (config.seal == SealKind.AUTO_UNSEAL && node.hasData && storage.initialized) {
                unsealDirectly(node);
            }
        }
        if (preBound != null) {
            openServer(node, preBound);
        } else {
            openServer(node);
        }
        node.running = true;
        electLeader(null);
    }

    void stopNode(FakeVaultNode node) {
        closeServer(node);
        node.epoch++;
        node.running = false;
        node.crashLooping = false;
        node.sealed = true;
        node.unsealProgress.clear();
        node.nonce = "";
        node.unsealingInBackground = false;
        // An API join lives in memory: a restart forgets a join still waiting for its keys or still retrying.
        node.pendingJoin = null;
        if (node.awaitingJoinKeys) {
            node.awaitingJoinKeys = false;
            node.hasData = false;
        }
        if (node.name().equals(storage.leader)) {
            storage.leader = null;
        }
        electLeader(null);
    }

    private void startDevNode(FakeVaultNode node) {
        storage.initialise("vault-cluster-" + Integer.toHexString(random.nextInt()), 1, 1, false, config.devRootToken);
        storage.mounts().putObject("secret").put("type", "kv").put("version", "2").putObject("data");
        storage.members.clear();
        node.hasData = true;
        node.sealed = false;
        node.crashLooping = false;
        storage.leader = node.name();
        storage.leaderSince = Instant.now();
    }

    /** Unseals without keys (auto-unseal, bootstrap) and makes the node a member. */
    void unsealDirectly(FakeVaultNode node) {
        node.sealed = false;
        node.unsealProgress.clear();
        node.nonce = "";
        becomeMember(node);
        // Autopilot counts the stabilisation time from when the server became healthy.
        storage.member(node.name()).ifPresent(member -> member.stableSince = Instant.now());
    }

    /**
     * Adds the node to the Raft configuration. A joiner starts as a non-voter; autopilot promotes it once it has
     * been healthy for the stabilisation time (never with {@link Builder#joinAsNonVoter(boolean)}).
     */
    void becomeMember(FakeVaultNode node) {
        if (config.devMode || storage.member(node.name()).isPresent() || node.removed) {
            return;
        }
        boolean first = storage.members.isEmpty();
        RaftStorage.Member member = new RaftStorage.Member(node.name(), first);
        storage.members.add(member);
        storage.index++;
        if (!first && !config.joinAsNonVoter) {
            schedule(config.autopilotStabilizationTime, () -> autopilotPromote(member));
        }
    }

    /** Autopilot: promotes a non-voter that has been healthy for the stabilisation time; checks again later. */
    private void autopilotPromote(RaftStorage.Member member) {
        if (member.voter || !storage.members.contains(member)) {
            return;
        }
        Optional<FakeVaultNode> node = nodes.stream().filter(candidate -> candidate.name().equals(member.nodeId))
                .findFirst();
        boolean healthy = storage.leader != null && node.map(this::healthyMember).orElse(false);
        Instant now = Instant.now();
        if (!healthy) {
            member.stableSince = now;
            schedule(config.autopilotStabilizationTime, () -> autopilotPromote(member));
            return;
        }
        Instant due = member.stableSince.plus(config.autopilotStabilizationTime);
        if (now.isBefore(due)) {
            schedule(Duration.between(now, due), () -> autopilotPromote(member));
            return;
        }
        member.voter = true;
        storage.index++;
        electLeader(null);
    }

    boolean healthyMember(FakeVaultNode node) {
        return node.running && node.hasData && !node.sealed && !node.removed;
    }

    /**
     * Runs {@code task} under the cluster lock after {@code delay}, like work real Vault does in the background
     * after it answered. Dropped once the cluster is closed.
     */
    void schedule(Duration delay, Runnable task) {
        try {
            background.schedule(() -> {
                synchronized (lock) {
                    if (!closed) {
                        task.run();
                    }
                }
            }, Math.max(0, delay.toNanos()), TimeUnit.NANOSECONDS);
        } catch (RejectedExecutionException closing) {
            // the cluster is closing: nothing runs in the background any more
        }
    }

    /**
     * Runs {@code task} for this node after {@code delay}, unless the node was stopped or restarted meanwhile.
     */
    void scheduleForNode(FakeVaultNode node, Duration delay, Runnable task) {
        int epoch = node.epoch;
        schedule(delay, () -> {
            if (node.epoch == epoch && node.running) {
                task.run();
            }
        });
    }

    boolean eligible(FakeVaultNode node) {
        return node.running && node.hasData && !node.sealed && !node.removed
                && storage.member(node.name()).map(member -> member.voter).orElse(false);
    }

    /**
     * Keeps or elects a leader: any eligible voter, provided a quorum of voters is running and unsealed.
     *
     * @param excluded a node that just stepped down and should not win if another can
     */
    void electLeader(String excluded) {
        if (config.devMode) {
            FakeVaultNode node = nodes.get(0);
            storage.leader = node.running && !node.sealed ? node.name() : null;
            return;
        }
        List<FakeVaultNode> candidates = nodes.stream().filter(this::eligible).toList();
        int voters = storage.voters().size();
        boolean quorum = voters > 0 && candidates.size() >= voters / 2 + 1;
        if (!quorum) {
            storage.leader = null;
            return;
        }
        if (storage.leader != null && !storage.leader.equals(excluded)
                && candidates.stream().anyMatch(node -> node.name().equals(storage.leader))) {
            return;
        }
        Optional<FakeVaultNode> next = candidates.stream().filter(node -> !node.name().equals(excluded)).findFirst();
        if (next.isEmpty()) {
            next = candidates.stream().findFirst();
        }
        String previous = storage.leader;
        storage.leader = next.map(FakeVaultNode::name).orElse(null);
        if (storage.leader != null && !storage.leader.equals(previous)) {
            storage.leaderSince = Instant.now();
            storage.term++;
            storage.index++;
        }
    }

    Optional<FakeVaultNode> nodeByAddress(String address) {
        String wanted = address.strip();
        while (wanted.endsWith("/")) {
            wanted = wanted.substring(0, wanted.length() - 1);
        }
        for (FakeVaultNode node : nodes) {
            if (node.apiAddress().equals(wanted)) {
                return Optional.of(node);
            }
            try {
                String host = java.net.URI.create(wanted).getHost();
                if (host != null && (host.equals(node.name()) || host.startsWith(node.name() + "."))) {
                    return Optional.of(node);
                }
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
        return Optional.empty();
    }

    SysApi sys() {
        return sys;
    }

    SecureRandom random() {
        return random;
    }

    private static List<String> keys(List<byte[]> keys) {
        return keys.stream().map(RaftStorage::hex).toList();
    }

    // ---- servers --------------------------------------------------------------------------------------

    private void openServer(FakeVaultNode node) {
        try {
            openServer(node, createServer(node.port()));
        } catch (IOException e) {
            throw new UncheckedIOException("Fake Vault node " + node.name() + " could not listen on port "
                    + node.port() + " again after a restart: another listener took it (the port is outside the"
                    + " kernel's ephemeral range and leased in this JVM, so only a server elsewhere that names it"
                    + " can)", e);
        }
    }

    private void openServer(FakeVaultNode node, HttpServer server) {
        if (servers.containsKey(node.name())) {
            server.stop(0);
            return;
        }
        server.createContext("/", new NodeHandler(this, node));
        server.setExecutor(executor);
        server.start();
        servers.put(node.name(), server);
    }

    private HttpServer createServer(int port) throws IOException {
        if (config.sslContext != null) {
            HttpsServer https = HttpsServer.create(LoopbackPorts.address(port), 50);
            https.setHttpsConfigurator(new HttpsConfigurator(config.sslContext));
            return https;
        }
        return HttpServer.create(LoopbackPorts.address(port), 50);
    }

    private void closeServer(FakeVaultNode node) {
        HttpServer server = servers.remove(node.name());
        if (server != null) {
            server.stop(0);
        }
    }

    /** Configures a {@link FakeVaultCluster}. */
    public static final class Builder {
        int nodeCount = 1;
        SealKind seal = SealKind.SHAMIR;
        boolean devMode;
        String devRootToken = "root";
        String version = "2.0.4";
        String storageType = "raft";
        String buildDate = "2026-07-30T10:12:44Z";
        String namePrefix = "vault-";
        boolean joinAsNonVoter;
        Duration autopilotStabilizationTime = Duration.ofMillis(200);
        Duration raftUnsealDelay = Duration.ofMillis(300);
        Duration snapshotRestoreDelay = Duration.ofMillis(100);
        Duration retryJoinInterval = Duration.ofMillis(100);
        SSLContext sslContext;

        private Builder() {
        }

        /**
         * How many nodes (default 1; dev mode allows only 1).
         *
         * @param count the node count
         * @return this builder
         */
        public Builder nodes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("A fake cluster needs at least one node, got " + count);
            }
            this.nodeCount = count;
            return this;
        }

        /**
         * The seal (default Shamir).
         *
         * @param kind the seal kind
         * @return this builder
         */
        public Builder seal(SealKind kind) {
            this.seal = Objects.requireNonNull(kind, "kind");
            return this;
        }

        /**
         * Runs as {@code vault server -dev}: initialised, unsealed, in-memory storage, KV v2 at {@code secret/},
         * the given root token; a restart loses everything.
         *
         * @param rootToken the root token ({@code VAULT_DEV_ROOT_TOKEN_ID}; the chart's default is {@code root})
         * @return this builder
         */
        public Builder devMode(String rootToken) {
            this.devMode = true;
            this.devRootToken = Objects.requireNonNull(rootToken, "rootToken");
            return this;
        }

        /**
         * The Vault version the nodes report (default {@code 2.0.4}).
         *
         * @param vaultVersion the version
         * @return this builder
         */
        public Builder version(String vaultVersion) {
            this.version = Objects.requireNonNull(vaultVersion, "vaultVersion");
            return this;
        }

        /**
         * The storage type the nodes report in {@code sys/seal-status} (default {@code raft}; dev mode reports
         * {@code inmem}), for code that must behave differently on, say, {@code file} storage. Only the reported
         * type changes: the raft endpoints still answer.
         *
         * @param type the storage type, for example {@code file}
         * @return this builder
         */
        public Builder storageType(String type) {
            this.storageType = Objects.requireNonNull(type, "type");
            return this;
        }

        /**
         * The node name prefix (default {@code vault-}, giving {@code vault-0}, {@code vault-1}, ...).
         *
         * @param prefix the prefix
         * @return this builder
         */
        public Builder namePrefix(String prefix) {
            this.namePrefix = Objects.requireNonNull(prefix, "prefix");
            return this;
        }

        /**
         * Whether joined nodes stay non-voters until {@link FakeVaultCluster#promoteToVoter(String)} (autopilot
         * never promotes them, as with {@code non_voter: true} joins), also after {@link FakeVaultCluster#bootstrap(int, int)}.
         * Default: a joiner starts as a non-voter and autopilot promotes it after
         * {@link #autopilotStabilizationTime(Duration)}.
         *
         * @param nonVoter whether joined nodes stay non-voters
         * @return this builder
         */
        public Builder joinAsNonVoter(boolean nonVoter) {
            this.joinAsNonVoter = nonVoter;
            return this;
        }

        /**
         * How long a joined node must be healthy before autopilot promotes it to voter (default 200 ms so tests
         * stay fast; real Vault: {@code server_stabilization_time}, 10 s).
         *
         * @param time the stabilisation time
         * @return this builder
         */
        public Builder autopilotStabilizationTime(Duration time) {
            this.autopilotStabilizationTime = nonNegative(time, "time");
            return this;
        }

        /**
         * How long a node that joined under Shamir stays sealed after the share that completes the threshold
         * (answered {@code sealed: true, progress: 0}) before it unseals in the background (default 300 ms; real
         * Vault: about a second, once it has replicated the leader's keyring).
         *
         * @param delay the delay
         * @return this builder
         */
        public Builder raftUnsealDelay(Duration delay) {
            this.raftUnsealDelay = nonNegative(delay, "delay");
            return this;
        }

        /**
         * How long after answering {@code 204} a snapshot restore takes to apply (default 100 ms; real Vault
         * applies it in the background, usually well under a second for small snapshots).
         *
         * @param delay the delay
         * @return this builder
         */
        public Builder snapshotRestoreDelay(Duration delay) {
            this.snapshotRestoreDelay = nonNegative(delay, "delay");
            return this;
        }

        /**
         * How often a {@code retry: true} join is attempted again in the background (default 100 ms; real
         * Vault: every 2 s). The first attempt starts right after the answer.
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder retryJoinInterval(Duration interval) {
            this.retryJoinInterval = nonNegative(interval, "interval");
            return this;
        }

        private static Duration nonNegative(Duration value, String name) {
            Objects.requireNonNull(value, name);
            if (value.isNegative()) {
                throw new IllegalArgumentException(name + " must not be negative, got " + value);
            }
            return value;
        }

        /**
         * Serves HTTPS with this context (its key manager holds the server certificate) instead of HTTP.
         *
         * @param context the server's TLS context
         * @return this builder
         */
        public Builder tls(SSLContext context) {
            this.sslContext = Objects.requireNonNull(context, "context");
            return this;
        }

        /**
         * Starts the cluster.
         *
         * @return the running cluster; close it after the test
         */
        public FakeVaultCluster start() {
            if (devMode && nodeCount != 1) {
                throw new IllegalArgumentException("Dev mode runs a single node; got nodes(" + nodeCount + ")");
            }
            FakeVaultCluster cluster = new FakeVaultCluster(this);
            cluster.startAll();
            return cluster;
        }
    }
}
