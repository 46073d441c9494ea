package dev.vaulttest.chaos;

import dev.vaulttest.cluster.KubernetesCluster;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.WeakHashMap;
import java.util.function.Supplier;

/**
 * Remembers, per cluster, whether the canary check found NetworkPolicies enforced, so the check runs once per
 * cluster rather than once per disruption. Share one instance between the {@link Chaos} objects of one test run
 * (the JUnit extension keeps it next to the cluster); a new instance checks again. Thread-safe. Clusters are held
 * weakly, so a closed cluster does not stay reachable from here.
 */
final class NetworkPolicyEnforcement {

    private final Map<KubernetesCluster, EnforcementCheck> results = new WeakHashMap<>();

    /** Creates an empty record: every cluster is checked on first use. */
    public NetworkPolicyEnforcement() {
    }

    /**
     * What the check found on a cluster, if it has run.
     *
     * @param cluster the cluster
     * @return the result, or empty before the first check
     */
    public synchronized Optional<EnforcementCheck> resultFor(KubernetesCluster cluster) {
        return Optional.ofNullable(results.get(Objects.requireNonNull(cluster, "cluster")));
    }

    /**
     * Runs the check for a cluster unless it ran already; concurrent callers for one cluster wait for one check.
     * A check that could not decide (it threw) is not remembered.
     */
    synchronized EnforcementCheck checkOnce(KubernetesCluster cluster, Supplier<EnforcementCheck> check) {
        EnforcementCheck known = results.get(cluster);
        if (known != null) {
            return known;
        }
        EnforcementCheck result = check.get();
        results.put(cluster, result);
        return result;
    }

    /**
     * The outcome of the canary check on one cluster.
     *
     * @param enforced whether a deny policy blocked the canary
     * @param detail what the control and the policed canary saw
     */
    public record EnforcementCheck(boolean enforced, String detail) {

        /**
         * Validates the components.
         *
         * @param enforced whether policies are enforced
         * @param detail what the canaries saw
         */
        public EnforcementCheck {
            Objects.requireNonNull(detail, "detail");
        }
    }
}
