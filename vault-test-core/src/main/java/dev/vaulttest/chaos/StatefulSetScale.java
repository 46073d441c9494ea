package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.internal.Wait;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.stream.IntStream;

/**
 * The Vault StatefulSet scaled to another replica count; closing scales it back. The handle is returned once the
 * pods match the new count: removed pods gone (their objects deleted, not merely terminating, since a terminating
 * Vault still answers until its grace period ends), added pods created. Raft does not notice a scale down: the
 * removed pods stay voters that no longer answer, so scaling 3 nodes to 1 loses quorum.
 */
final class StatefulSetScale extends AbstractDisruption {

    private final int replicas;
    private String setName;
    private int originalReplicas;

    private StatefulSetScale(VaultEnvironment env, ChaosOptions options, int replicas) {
        super(env, options, "scale-statefulset", "statefulset/" + env.releaseName() + " to " + replicas);
        this.replicas = replicas;
    }

    static StatefulSetScale apply(VaultEnvironment env, ChaosOptions options, int replicas) {
        if (replicas < 0) {
            throw new IllegalArgumentException("replicas must not be negative, got " + replicas);
        }
        StatefulSetScale scale = new StatefulSetScale(env, options, replicas);
        scale.run();
        return scale;
    }

    private void run() {
        ReleaseObjects release = new ReleaseObjects(env);
        StatefulSet set = release.statefulSet();
        setName = set.getMetadata().getName();
        originalReplicas = Optional.ofNullable(set.getSpec().getReplicas()).orElse(1);
        if (originalReplicas == replicas) {
            throw new ChaosPreconditionException("StatefulSet " + setName + " already has " + replicas
                    + " replicas; scaling to the same count disrupts nothing.");
        }
        markApplied(now());
        setReplicas(release, replicas);
        int widest = Math.max(originalReplicas, replicas);
        verifyWithin("exactly pods " + expected(replicas) + ", the others deleted", options.faultTimeout(),
                () -> existing(release, widest, true), pods -> pods.equals(expected(replicas)),
                pods -> "pods " + pods,
                "The StatefulSet controller did not converge; check the StatefulSet's events and pod disruption"
                        + " budgets.");
    }

    @Override
    Optional<Instant> heal() {
        ReleaseObjects release = new ReleaseObjects(env);
        setReplicas(release, originalReplicas);
        int widest = Math.max(originalReplicas, replicas);
        try {
            Wait.until("StatefulSet " + setName + " back to " + originalReplicas + " pods", options.faultTimeout(),
                    options.pollInterval(), () -> existing(release, widest, false),
                    pods -> pods.equals(expected(originalReplicas)), pods -> "pods " + pods);
        } catch (WaitTimeoutException e) {
            throw new VaultTestException("Scaled StatefulSet " + setName + " back to " + originalReplicas
                    + " replicas, but its pods did not follow: " + e.lastObserved(), e);
        }
        return Optional.of(now());
    }

    private void setReplicas(ReleaseObjects release, int count) {
        release.client().apps().statefulSets().inNamespace(release.namespace()).withName(setName).edit(set -> {
            set.getSpec().setReplicas(count);
            return set;
        });
    }

    private List<String> expected(int count) {
        return IntStream.range(0, count).mapToObj(i -> setName + "-" + i).toList();
    }

    /** The pods of the set that exist now; terminating ones count only when {@code withTerminating}. */
    private List<String> existing(ReleaseObjects release, int widest, boolean withTerminating) {
        TreeSet<String> present = new TreeSet<>(java.util.Comparator.comparingInt(this::ordinal));
        for (int i = 0; i < widest; i++) {
            String name = setName + "-" + i;
            if (release.pod(name).filter(p -> withTerminating || p.getMetadata().getDeletionTimestamp() == null)
                    .isPresent()) {
                present.add(name);
            }
        }
        return List.copyOf(present);
    }

    private int ordinal(String podName) {
        return Integer.parseInt(podName.substring(podName.lastIndexOf('-') + 1));
    }
}
