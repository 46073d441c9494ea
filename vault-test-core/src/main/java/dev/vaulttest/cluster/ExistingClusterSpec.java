package dev.vaulttest.cluster;

import dev.vaulttest.internal.Labels;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an existing cluster (kind, minikube, a staging cluster): a kubeconfig file and an optional
 * context. The library creates its own namespaces there and removes them at close; it never changes other
 * namespaces.
 *
 * <p>When it connects, the library also removes what runs that were killed before their teardown left there: each
 * of its namespaces carries a heartbeat that its run renews every minute, and a namespace whose heartbeat is older
 * than {@link #reapAfter()} is removed with its release's cluster-wide objects and the StorageClasses the library
 * created for it. Namespaces that keep-on-failure left running are never removed; other runs' live namespaces
 * are left alone.
 *
 * @param kubeconfig the kubeconfig file
 * @param context the context to use; empty for the file's {@code current-context}
 * @param readyTimeout how long the API server and nodes may take to answer and be Ready
 * @param reapAfter how long a namespace of the library must have had no heartbeat before it is removed as the
 *     leftover of a killed run ({@link #DEFAULT_REAP_AFTER} by default); empty to only warn about leftovers
 */
public record ExistingClusterSpec(Path kubeconfig, Optional<String> context, Duration readyTimeout,
        Optional<Duration> reapAfter) implements ClusterSpec {

    /**
     * How long a namespace must have had no heartbeat to be removed, unless configured: long enough that a run
     * paused in a debugger for a while keeps its namespace, short enough that a killed nightly run's leftovers are
     * gone by the next run.
     */
    public static final Duration DEFAULT_REAP_AFTER = Duration.ofHours(1);

    /**
     * The shortest reap-after time: three heartbeat intervals, so that a heartbeat renewed late (a busy API server, a
     * JVM in a long garbage collection) never makes a live run's namespace look abandoned.
     */
    public static final Duration MINIMUM_REAP_AFTER = Labels.HEARTBEAT_INTERVAL.multipliedBy(3);

    /**
     * Validates.
     *
     * @param kubeconfig the kubeconfig file
     * @param context the context to use; empty for the file's {@code current-context}
     * @param readyTimeout how long the API server and nodes may take to answer and be Ready
     * @param reapAfter how long without a heartbeat before a leftover namespace is removed; empty for never
     * @throws IllegalArgumentException when {@code reapAfter} is shorter than {@link #MINIMUM_REAP_AFTER}
     */
    public ExistingClusterSpec {
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        Objects.requireNonNull(reapAfter, "reapAfter");
        if (reapAfter.filter(after -> after.compareTo(MINIMUM_REAP_AFTER) < 0).isPresent()) {
            throw new IllegalArgumentException("reapAfter must be at least " + MINIMUM_REAP_AFTER + " (three heartbeat"
                    + " intervals, or live runs' namespaces would be removed), was " + reapAfter.get()
                    + "; use withoutReaping() to never remove leftovers");
        }
    }

    /**
     * A spec that removes leftovers after {@link #DEFAULT_REAP_AFTER}.
     *
     * @param kubeconfig the kubeconfig file
     * @param context the context to use; empty for the file's {@code current-context}
     * @param readyTimeout how long the API server and nodes may take to answer and be Ready
     */
    public ExistingClusterSpec(Path kubeconfig, Optional<String> context, Duration readyTimeout) {
        this(kubeconfig, context, readyTimeout, Optional.of(DEFAULT_REAP_AFTER));
    }

    /**
     * The cluster of a kubeconfig file's current context, with a one-minute readiness timeout.
     *
     * @param kubeconfig the kubeconfig file
     * @return the spec
     */
    public static ExistingClusterSpec of(Path kubeconfig) {
        return new ExistingClusterSpec(kubeconfig, Optional.empty(), Duration.ofMinutes(1));
    }

    /**
     * The same cluster through another context of the file.
     *
     * @param contextName the context name
     * @return a new spec
     */
    public ExistingClusterSpec withContext(String contextName) {
        return new ExistingClusterSpec(kubeconfig, Optional.of(contextName), readyTimeout, reapAfter);
    }

    /**
     * The same cluster with another readiness timeout.
     *
     * @param timeout the timeout
     * @return a new spec
     */
    public ExistingClusterSpec withReadyTimeout(Duration timeout) {
        return new ExistingClusterSpec(kubeconfig, context, timeout, reapAfter);
    }

    /**
     * The same cluster, removing leftover namespaces whose heartbeat is older than the given time.
     *
     * @param age how long without a heartbeat; at least {@link #MINIMUM_REAP_AFTER}
     * @return a new spec
     */
    public ExistingClusterSpec withReapAfter(Duration age) {
        return new ExistingClusterSpec(kubeconfig, context, readyTimeout, Optional.of(age));
    }

    /**
     * The same cluster, never removing leftovers: they are only named in a warning.
     *
     * @return a new spec
     */
    public ExistingClusterSpec withoutReaping() {
        return new ExistingClusterSpec(kubeconfig, context, readyTimeout, Optional.empty());
    }

    @Override
    public KubernetesCluster open() {
        return ExistingCluster.connect(this);
    }
}
