package dev.vaulttest.junit5;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.internal.timing.PhaseRecorder;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The root-store owner of one cluster, shared by every test class that asks for the same cluster spec.
 * JUnit closes it when the run ends, after the deployments of every class were closed.
 *
 * <p>A cluster that failed to start is remembered as failed: the first class gets the original exception,
 * later classes a short one that points to it, instead of each waiting minutes for k3s again.
 */
final class ClusterResource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterResource.class);

    private final ClusterSpec spec;
    private final KubernetesCluster cluster;
    private final RuntimeException failure;
    private final PhaseTimeline timeline;
    private final AtomicBoolean failureReported = new AtomicBoolean();
    private final AtomicBoolean timelineClaimed = new AtomicBoolean();
    private final AtomicBoolean keep = new AtomicBoolean();
    private final AtomicBoolean closed = new AtomicBoolean();

    private ClusterResource(ClusterSpec spec, KubernetesCluster cluster, RuntimeException failure,
            PhaseTimeline timeline) {
        this.spec = spec;
        this.cluster = cluster;
        this.failure = failure;
        this.timeline = timeline;
    }

    /**
     * Opens a cluster, remembering a failure instead of throwing it.
     *
     * @param factory the factory that opens clusters
     * @param spec the cluster
     * @return the resource, open or failed
     */
    static ClusterResource open(EnvironmentFactory factory, ClusterSpec spec) {
        PhaseRecorder recorder = new PhaseRecorder();
        try {
            KubernetesCluster cluster = recorder.time(Phase.CLUSTER, () -> factory.openCluster(spec));
            Objects.requireNonNull(cluster, () -> factory.getClass().getName() + ".openCluster returned null");
            return new ClusterResource(spec, cluster, null, recorder.timeline());
        } catch (RuntimeException e) {
            return new ClusterResource(spec, null, e, recorder.timeline());
        }
    }

    /**
     * The open cluster.
     *
     * @param requester the test class that needs it, for the message of a failed cluster
     * @return the cluster
     * @throws RuntimeException the original failure the first time, then a {@link VaultTestException}
     *     pointing to it
     */
    KubernetesCluster cluster(String requester) {
        if (failure == null) {
            return cluster;
        }
        if (failureReported.compareAndSet(false, true)) {
            throw failure;
        }
        throw new VaultTestException("The cluster " + spec + " needed by " + requester
                + " failed to start earlier in this run and is not retried: " + Redactor.redact(failure.getMessage()), failure);
    }

    /**
     * The cluster's start-up phase, handed out once: to the first deployment, whose bring-up it was part of.
     *
     * @return the timeline the first time, then an empty one
     */
    PhaseTimeline claimTimeline() {
        return timelineClaimed.compareAndSet(false, true) ? timeline : PhaseTimeline.empty();
    }

    /** Leaves the cluster running when the run ends (keep-on-failure). */
    void keepRunning() {
        keep.set(true);
    }

    @Override
    public void close() {
        if (cluster == null || !closed.compareAndSet(false, true)) {
            return;
        }
        if (keep.get()) {
            LOG.warn("vault-test leaves the cluster {} running because a test failed and keep-on-failure is on",
                    cluster.description());
            return;
        }
        cluster.close();
    }

    @Override
    public String toString() {
        return "ClusterResource[" + (cluster != null ? cluster.description() : "failed: " + spec) + "]";
    }
}
