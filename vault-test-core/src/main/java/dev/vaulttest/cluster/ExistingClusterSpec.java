package dev.vaulttest.cluster;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * How to reach an existing cluster (kind, minikube, a staging cluster): a kubeconfig file and an optional
 * context. The library creates its own namespaces there and removes them at close; it never changes other
 * namespaces.
 *
 * @param kubeconfig the kubeconfig file
 * @param context the context to use; empty for the file's {@code current-context}
 * @param readyTimeout how long the API server and nodes may take to answer and be Ready
 */
public record ExistingClusterSpec(Path kubeconfig, Optional<String> context, Duration readyTimeout)
        implements ClusterSpec {

    /**
     * Validates.
     *
     * @param kubeconfig the kubeconfig file
     * @param context the context to use; empty for the file's {@code current-context}
     * @param readyTimeout how long the API server and nodes may take to answer and be Ready
     */
    public ExistingClusterSpec {
        Objects.requireNonNull(kubeconfig, "kubeconfig");
        Objects.requireNonNull(context, "context");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
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
        return new ExistingClusterSpec(kubeconfig, Optional.of(contextName), readyTimeout);
    }

    /**
     * The same cluster with another readiness timeout.
     *
     * @param timeout the timeout
     * @return a new spec
     */
    public ExistingClusterSpec withReadyTimeout(Duration timeout) {
        return new ExistingClusterSpec(kubeconfig, context, timeout);
    }

    @Override
    public KubernetesCluster open() {
        return ExistingCluster.connect(this);
    }
}
