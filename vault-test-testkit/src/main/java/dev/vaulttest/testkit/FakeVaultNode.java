package dev.vaulttest.testkit;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One node of a {@link FakeVaultCluster}: its address, its observable state, and switches for the health
 * states a CE cluster cannot reach on its own (DR secondary, performance standby, lost HA heartbeat).
 *
 * <p>Lifecycle (restart, stop, start, wiping storage) is controlled through the cluster.
 */
public final class FakeVaultNode {

    private final FakeVaultCluster cluster;
    private final String name;
    private final int port;
    private final String scheme;

    // State, guarded by the cluster lock.
    boolean running;
    boolean crashLooping;
    boolean hasData;
    boolean sealed = true;
    final Set<String> unsealProgress = new LinkedHashSet<>();
    String nonce = "";
    boolean removed;
    /** Leader address of a {@code retry: true} join still being attempted in the background. */
    String pendingJoin;
    /**
     * Joined under Shamir and waiting for the leader's unseal keys to answer the join challenge (Vault's
     * {@code isRaftUnseal}): reports initialised, but is not a Raft member yet and forgets the join on restart.
     */
    boolean awaitingJoinKeys;
    /** Took the keys after a join; unseals in the background once it has the leader's keyring. */
    boolean unsealingInBackground;
    /** Bumped on every stop and start, so background work scheduled for an earlier run of the process is dropped. */
    int epoch;
    boolean drSecondary;
    boolean performanceStandby;
    boolean haConnectionHealthy = true;
    final List<RecordedRequest> requests = new ArrayList<>();

    FakeVaultNode(FakeVaultCluster cluster, String name, int port, String scheme) {
        this.cluster = cluster;
        this.name = name;
        this.port = port;
        this.scheme = scheme;
    }

    /**
     * The node's name, also its Raft node id (like a pod name with the Helm chart's {@code setNodeId}).
     *
     * @return for example {@code vault-0}
     */
    public String name() {
        return name;
    }

    /**
     * The local port the node listens on; it stays the same across restarts.
     *
     * @return the port
     */
    public int port() {
        return port;
    }

    /**
     * The base URI clients use, without {@code /v1}.
     *
     * @return for example {@code http://127.0.0.1:41877}
     */
    public URI uri() {
        return URI.create(scheme + "://127.0.0.1:" + port);
    }

    /**
     * The node's {@code api_addr}, which {@code sys/leader} reports and {@code raft/join} accepts. A join also
     * accepts chart-style addresses whose host starts with the node name, such as
     * {@code http://vault-0.vault-internal:8200}.
     *
     * @return the API address
     */
    public String apiAddress() {
        return uri().toString();
    }

    /**
     * What the node is doing now.
     *
     * @return the state
     */
    public NodeState state() {
        synchronized (cluster.lock()) {
            return cluster.stateOf(this);
        }
    }

    /**
     * Makes the node report itself as a DR replication secondary (health 472).
     *
     * @param value whether it is one
     */
    public void setDrSecondary(boolean value) {
        synchronized (cluster.lock()) {
            drSecondary = value;
        }
    }

    /**
     * Makes a standby report itself as a performance standby (health 473).
     *
     * @param value whether it is one
     */
    public void setPerformanceStandby(boolean value) {
        synchronized (cluster.lock()) {
            performanceStandby = value;
        }
    }

    /**
     * Whether a standby can heartbeat the active node; {@code false} makes its health 474.
     *
     * @param value whether the HA connection is healthy
     */
    public void setHaConnectionHealthy(boolean value) {
        synchronized (cluster.lock()) {
            haConnectionHealthy = value;
        }
    }

    /**
     * Requests this node received, oldest first.
     *
     * @return a copy of the request log
     */
    public List<RecordedRequest> requests() {
        synchronized (cluster.lock()) {
            return List.copyOf(requests);
        }
    }

    /**
     * The last request to a path, if any.
     *
     * @param path the path after {@code /v1/}, for example {@code sys/init}
     * @return the request
     */
    public Optional<RecordedRequest> lastRequest(String path) {
        synchronized (cluster.lock()) {
            for (int i = requests.size() - 1; i >= 0; i--) {
                if (requests.get(i).path().equals(path)) {
                    return Optional.of(requests.get(i));
                }
            }
            return Optional.empty();
        }
    }

    @Override
    public String toString() {
        return "FakeVaultNode[" + name + " " + uri() + "]";
    }
}
