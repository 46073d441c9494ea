package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.cluster.KubernetesCluster;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The whole cluster stopped and started again (for k3s: the container), like a power cut: every Vault process
 * dies at once and restarts with the cluster. The handle is returned once the cluster is back and every Vault
 * pod shows a container started after the reboot; the nodes then unseal by themselves (auto-unseal) or stay
 * sealed (Shamir). The reboot heals itself; {@link #healedAt()} is when the cluster was ready again.
 */
final class ClusterReboot extends AbstractDisruption {

    private ClusterReboot(VaultEnvironment env, ChaosOptions options) {
        super(env, options, "cluster-reboot", "cluster/" + env.cluster().description());
    }

    static ClusterReboot apply(VaultEnvironment env, ChaosOptions options) {
        KubernetesCluster cluster = env.cluster();
        if (!cluster.supportsRestart()) {
            throw new ChaosPreconditionException("The cluster " + cluster.description() + " cannot be stopped and"
                    + " started by the library (only k3s clusters it runs can); a reboot needs one.");
        }
        ClusterReboot reboot = new ClusterReboot(env, options);
        reboot.run(cluster);
        return reboot;
    }

    private void run(KubernetesCluster cluster) {
        ReleaseObjects release = new ReleaseObjects(env);
        Map<String, Before> before = new LinkedHashMap<>();
        release.pods().forEach((name, pod) -> before.put(name, Before.of(pod)));
        if (before.isEmpty()) {
            throw new ChaosPreconditionException("No Vault pod of release " + env.releaseName() + " exists in "
                    + env.namespace() + "; a reboot would show nothing.");
        }
        Instant applied = now();
        markApplied(applied);
        cluster.stop();
        cluster.start();
        markHealed(now());
        Instant threshold = applied.truncatedTo(ChronoUnit.SECONDS);
        verifyWithin("every Vault pod " + before.keySet() + " restarted by the reboot", options.faultTimeout(),
                () -> new ReleaseObjects(env).pods(), pods -> before.entrySet().stream()
                        .allMatch(b -> Optional.ofNullable(pods.get(b.getKey()))
                                .map(pod -> b.getValue().restartedIn(pod, threshold)).orElse(false)),
                pods -> before.keySet().stream().map(name -> name + ": " + Optional.ofNullable(pods.get(name))
                        .map(Before::describe).orElse("no pod")).collect(Collectors.joining(", ")),
                "The Vault containers kept running through the reboot; was the cluster really stopped?");
    }

    /** What a pod looked like before the reboot. */
    private record Before(String uid, int restarts, Optional<Instant> started) {

        static Before of(Pod pod) {
            Optional<ContainerStatus> status = ReleaseObjects.vaultStatus(pod);
            return new Before(pod.getMetadata().getUid(), status.map(ContainerStatus::getRestartCount).orElse(0),
                    startedAt(status));
        }

        /** A new pod, a higher restart count, or a container started later than before (and not before the reboot). */
        boolean restartedIn(Pod pod, Instant threshold) {
            if (!uid.equals(pod.getMetadata().getUid())) {
                return true;
            }
            Optional<ContainerStatus> status = ReleaseObjects.vaultStatus(pod);
            if (status.map(ContainerStatus::getRestartCount).orElse(0) > restarts) {
                return true;
            }
            return startedAt(status).filter(now -> !now.isBefore(threshold))
                    .map(now -> started.map(now::isAfter).orElse(true)).orElse(false);
        }

        static Optional<Instant> startedAt(Optional<ContainerStatus> status) {
            return status.map(ContainerStatus::getState)
                    .map(state -> state.getRunning() == null ? null : state.getRunning().getStartedAt())
                    .map(Instant::parse);
        }

        static String describe(Pod pod) {
            Optional<ContainerStatus> status = ReleaseObjects.vaultStatus(pod);
            return "UID " + pod.getMetadata().getUid() + ", restarts "
                    + status.map(ContainerStatus::getRestartCount).orElse(0) + ", started "
                    + startedAt(status).map(Instant::toString).orElse("?");
        }
    }
}
