package dev.vaulttest.engine;

import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultNode;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.vault.HealthStatus;
import dev.vaulttest.vault.SealStatus;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultEndpoint;
import dev.vaulttest.vault.VaultNodeClient;
import dev.vaulttest.vault.VaultTimeouts;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Vault pod of an environment. The connection (a port-forward on a real cluster) is opened on first use
 * and replaced when it died or when the pod was recreated (its UID changed), so a node survives pod deletion.
 */
final class NodeHandle implements VaultNode, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHandle.class);

    private final String name;
    private final String namespace;
    private final String scheme;
    private final Optional<String> caBundlePem;
    private final VaultTimeouts timeouts;
    private final NodeConnector connector;
    private final Supplier<KubernetesClient> kubernetes;
    private final Supplier<Optional<Sensitive>> rootToken;

    private NodeConnection connection;
    private String connectedPodUid;
    private VaultNodeClient anonymous;
    private boolean closed;

    NodeHandle(String name, String namespace, String scheme, Optional<String> caBundlePem, VaultTimeouts timeouts,
            NodeConnector connector, Supplier<KubernetesClient> kubernetes, Supplier<Optional<Sensitive>> rootToken) {
        this.name = Objects.requireNonNull(name, "name");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.scheme = Objects.requireNonNull(scheme, "scheme");
        this.caBundlePem = Objects.requireNonNull(caBundlePem, "caBundlePem");
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.connector = Objects.requireNonNull(connector, "connector");
        this.kubernetes = Objects.requireNonNull(kubernetes, "kubernetes");
        this.rootToken = Objects.requireNonNull(rootToken, "rootToken");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public VaultNodeClient client() {
        Sensitive token = rootToken.get().orElseThrow(() -> new VaultTestException("Node " + name
                + " has no root token yet: the environment has not initialised Vault. Use anonymousClient() for"
                + " unauthenticated endpoints."));
        return anonymousClient().withToken(token);
    }

    @Override
    public VaultNodeClient anonymousClient() {
        return anonymousClient(currentPod());
    }

    private synchronized VaultNodeClient anonymousClient(Pod pod) {
        if (closed) {
            throw new VaultTestException("The environment of node " + name + " is closed.");
        }
        String uid = pod == null ? null : pod.getMetadata().getUid();
        boolean stale = connection == null || !connection.isAlive() || (uid != null && !uid.equals(connectedPodUid));
        if (stale) {
            if (connection != null) {
                LOG.debug("Reconnecting to {}/{} ({})", namespace, name,
                        !connection.isAlive() ? "the connection died" : "the pod was recreated");
                connection.close();
            }
            connection = null;
            anonymous = null;
            NodeConnection fresh = connector.connect(namespace, name, DeploymentPlan.API_PORT);
            VaultEndpoint endpoint = new VaultEndpoint(name, fresh.uri(scheme), caBundlePem, timeouts);
            connection = fresh;
            connectedPodUid = uid;
            anonymous = VaultNodeClient.create(endpoint);
        }
        return anonymous;
    }

    Pod currentPod() {
        return kubernetes.get().pods().inNamespace(namespace).withName(name).get();
    }

    @Override
    public NodeSnapshot snapshot() {
        Pod pod;
        try {
            pod = currentPod();
        } catch (RuntimeException e) {
            return unreachable(Optional.empty(), Optional.empty(), false, 0,
                    "pod could not be read: " + e.getMessage());
        }
        if (pod == null) {
            return unreachable(Optional.empty(), Optional.empty(), false, 0, "no pod");
        }
        Optional<String> uid = Optional.ofNullable(pod.getMetadata().getUid());
        Optional<String> phase = Optional.ofNullable(pod.getStatus()).map(s -> s.getPhase());
        boolean ready = ready(pod);
        int restarts = restarts(pod);
        if (!PodStates.running(pod)) {
            return unreachable(uid, phase, ready, restarts, PodStates.describe(name, pod));
        }
        try {
            VaultNodeClient client = anonymousClient(pod);
            SealStatus seal = client.sealStatus();
            HealthStatus health = client.health();
            return new NodeSnapshot(name, uid, phase, ready, restarts, Optional.of(seal), Optional.of(health),
                    Optional.empty());
        } catch (RuntimeException e) {
            return unreachable(uid, phase, ready, restarts, e.getMessage());
        }
    }

    private NodeSnapshot unreachable(Optional<String> uid, Optional<String> phase, boolean ready, int restarts,
            String reason) {
        return new NodeSnapshot(name, uid, phase, ready, restarts, Optional.empty(), Optional.empty(),
                Optional.of(reason == null ? "unknown error" : reason));
    }

    private static boolean ready(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getConditions() == null) {
            return false;
        }
        return pod.getStatus().getConditions().stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static int restarts(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return 0;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(c -> RenderedDeployment.VAULT_CONTAINER.equals(c.getName()))
                .map(ContainerStatus::getRestartCount).filter(Objects::nonNull).findFirst().orElse(0);
    }

    @Override
    public synchronized void close() {
        closed = true;
        if (connection != null) {
            connection.close();
            connection = null;
        }
        anonymous = null;
    }

    @Override
    public String toString() {
        return "VaultNode[" + namespace + "/" + name + "]";
    }
}
