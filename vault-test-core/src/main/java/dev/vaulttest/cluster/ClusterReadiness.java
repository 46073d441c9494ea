package dev.vaulttest.cluster;

import dev.vaulttest.internal.Wait;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeCondition;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The gate that says a cluster can run Vault, not merely that its API server started: every node Ready, and,
 * on k3s, the default ServiceAccount present and the CoreDNS and local-path provisioner pods Ready.
 */
final class ClusterReadiness {

    static final String SYSTEM_NAMESPACE = "kube-system";

    private final boolean requireSystemPods;
    private final Duration interval;
    private final Optional<Instant> restartedAfter;

    private ClusterReadiness(boolean requireSystemPods, Duration interval, Optional<Instant> restartedAfter) {
        this.requireSystemPods = requireSystemPods;
        this.interval = interval;
        this.restartedAfter = restartedAfter;
    }

    /** The full gate for a k3s cluster the library started. */
    static ClusterReadiness forK3s() {
        return new ClusterReadiness(true, Duration.ofSeconds(2), Optional.empty());
    }

    /**
     * The gate for an existing cluster: the API answers and every node is Ready. System pods differ between
     * distributions and their namespace may not be readable, so they are not checked; a user who may not list
     * nodes passes on the API check alone.
     */
    static ClusterReadiness forExistingCluster() {
        return new ClusterReadiness(false, Duration.ofSeconds(2), Optional.empty());
    }

    /** The same gate polling at another interval (tests). */
    ClusterReadiness every(Duration newInterval) {
        return new ClusterReadiness(requireSystemPods, newInterval, restartedAfter);
    }

    /**
     * The same gate after a cluster restart: statuses written before the restart are stale (nobody marked the
     * pods NotReady while k3s was down), so system pods only count when their containers started after
     * {@code instant}.
     */
    ClusterReadiness restartedAfter(Instant instant) {
        return new ClusterReadiness(requireSystemPods, interval, Optional.of(instant));
    }

    /**
     * Waits until the cluster passes the gate.
     *
     * @throws dev.vaulttest.base.WaitTimeoutException naming what was not ready when the timeout passed
     */
    State await(KubernetesClient client, String clusterName, Duration timeout) {
        return Wait.until(clusterName + " ready to run Vault", timeout, interval, () -> observe(client),
                State::ready, State::describe);
    }

    State observe(KubernetesClient client) {
        Optional<List<Node>> nodes;
        try {
            nodes = Optional.of(client.nodes().list().getItems());
        } catch (KubernetesClientException e) {
            if (e.getCode() != 403 || requireSystemPods) {
                throw e;
            }
            nodes = Optional.empty();
        }
        List<String> notReadyNodes = nodes.orElse(List.of()).stream()
                .filter(n -> !nodeReady(n)).map(n -> n.getMetadata().getName()).toList();
        if (!requireSystemPods) {
            return new State(nodes.map(List::size).orElse(-1), notReadyNodes, true, PodGroup.NOT_CHECKED,
                    PodGroup.NOT_CHECKED);
        }
        boolean serviceAccount = client.serviceAccounts().inNamespace("default").withName("default").get() != null;
        PodGroup coreDns = podGroup(client, "CoreDNS", "k8s-app", "kube-dns");
        PodGroup localPath = podGroup(client, "local-path provisioner", "app", "local-path-provisioner");
        return new State(nodes.map(List::size).orElse(0), notReadyNodes, serviceAccount, coreDns, localPath);
    }

    private PodGroup podGroup(KubernetesClient client, String name, String labelKey, String labelValue) {
        List<Pod> pods = client.pods().inNamespace(SYSTEM_NAMESPACE).withLabel(labelKey, labelValue).list().getItems();
        List<String> notReady = pods.stream().filter(p -> !podReady(p) || !startedAfterRestart(p))
                .map(p -> podState(p) + (podReady(p) ? " (status from before the restart)" : "")).toList();
        return new PodGroup(name + " (" + labelKey + "=" + labelValue + ")", pods.size(), pods.size() - notReady.size(),
                notReady);
    }

    private boolean startedAfterRestart(Pod pod) {
        if (restartedAfter.isEmpty()) {
            return true;
        }
        List<ContainerStatus> statuses = pod.getStatus() == null ? null : pod.getStatus().getContainerStatuses();
        return statuses != null && !statuses.isEmpty() && statuses.stream().allMatch(cs -> cs.getState() != null
                && cs.getState().getRunning() != null && cs.getState().getRunning().getStartedAt() != null
                && !Instant.parse(cs.getState().getRunning().getStartedAt()).isBefore(restartedAfter.get()));
    }

    static boolean nodeReady(Node node) {
        List<NodeCondition> conditions = node.getStatus() == null ? null : node.getStatus().getConditions();
        return conditions != null && conditions.stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    static boolean podReady(Pod pod) {
        List<PodCondition> conditions = pod.getStatus() == null ? null : pod.getStatus().getConditions();
        return conditions != null && conditions.stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
    }

    private static String podState(Pod pod) {
        String phase = pod.getStatus() == null || pod.getStatus().getPhase() == null ? "no status"
                : pod.getStatus().getPhase();
        String reasons = pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null ? ""
                : pod.getStatus().getContainerStatuses().stream()
                        .filter(cs -> cs.getState() != null && cs.getState().getWaiting() != null)
                        .map(cs -> cs.getName() + " " + cs.getState().getWaiting().getReason())
                        .collect(Collectors.joining(", "));
        return pod.getMetadata().getName() + " " + phase + (reasons.isEmpty() ? "" : " (" + reasons + ")");
    }

    /** One observation of the gate's conditions; {@code nodeCount} is -1 when nodes may not be listed. */
    record State(int nodeCount, List<String> notReadyNodes, boolean defaultServiceAccount, PodGroup coreDns,
            PodGroup localPath) {

        boolean ready() {
            return nodeCount != 0 && notReadyNodes.isEmpty() && defaultServiceAccount && coreDns.ready()
                    && localPath.ready();
        }

        String describe() {
            String nodes = nodeCount < 0 ? "nodes not listable (403), API reachable"
                    : nodeCount == 0 ? "no nodes registered"
                    : notReadyNodes.isEmpty() ? nodeCount + " node(s) Ready"
                    : "nodes not Ready: " + String.join(", ", notReadyNodes) + " of " + nodeCount;
            return nodes + "; default ServiceAccount " + (defaultServiceAccount ? "present" : "missing")
                    + "; " + coreDns.describe() + "; " + localPath.describe();
        }
    }

    /** The pods of one system component. */
    record PodGroup(String name, int total, int readyCount, List<String> notReady) {

        static final PodGroup NOT_CHECKED = new PodGroup("system pods not checked", -1, -1, List.of());

        boolean ready() {
            return total < 0 || (total > 0 && readyCount == total);
        }

        String describe() {
            if (total < 0) {
                return name;
            }
            if (total == 0) {
                return name + ": no pods yet";
            }
            return name + ": " + readyCount + "/" + total + " Ready" + (notReady.isEmpty() ? "" : " " + notReady);
        }
    }
}
