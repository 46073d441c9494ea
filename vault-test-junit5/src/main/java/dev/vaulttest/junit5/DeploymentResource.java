package dev.vaulttest.junit5;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The owner of one Vault deployment: of one test class (in its class store), or of every
 * {@link SharedDeployment} class that asks for the same deployment (in the root store). It borrows its
 * cluster from a {@link ClusterResource} and never closes it.
 *
 * <p>The deployment can be replaced ({@link #rebuild}) after a disruptive test left it broken, and a shared
 * one is checked when it is handed to the next class ({@link #handOver}). When a test that used it failed and
 * keep-on-failure is on, {@link #close()} leaves the deployment (and the cluster) running and logs how to
 * reach it.
 */
final class DeploymentResource implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(DeploymentResource.class);

    private final String owner;
    private final boolean shared;
    private final List<String> users = new ArrayList<>();
    private final VaultEnvironmentSpec spec;
    private final EnvironmentFactory factory;
    private final ClusterResource cluster;
    private final KeepOnFailure keepOnFailure;
    private final Clock clock;

    private VaultEnvironment current;
    private RuntimeException failure;
    private boolean failureReported;
    private final List<PhaseTiming> unclaimedBringUp = new ArrayList<>();
    private boolean testFailed;
    private boolean closed;
    /** The kept deployment whose instructions were last logged, and for whom: each is announced once. */
    private VaultEnvironment announcedKept;
    private String announcedWhose;

    private DeploymentResource(String owner, boolean shared, VaultEnvironmentSpec spec, EnvironmentFactory factory,
            ClusterResource cluster, KeepOnFailure keepOnFailure, Clock clock) {
        this.owner = owner;
        this.shared = shared;
        users.add(owner);
        this.spec = spec;
        this.factory = factory;
        this.cluster = cluster;
        this.keepOnFailure = keepOnFailure;
        this.clock = clock;
    }

    /**
     * Brings a deployment up, remembering a failure instead of throwing it.
     *
     * @param owner the test class, for messages; for a shared deployment the first class that uses it
     * @param shared whether later classes may be handed the deployment ({@link SharedDeployment})
     * @param spec the deployment
     * @param factory the factory that deploys
     * @param cluster the cluster to deploy on (borrowed)
     * @param keepOnFailure what to do with deployments whose tests failed
     * @return the resource, up or failed
     */
    static DeploymentResource start(String owner, boolean shared, VaultEnvironmentSpec spec,
            EnvironmentFactory factory, ClusterResource cluster, KeepOnFailure keepOnFailure) {
        DeploymentResource resource = new DeploymentResource(owner, shared, spec, factory, cluster, keepOnFailure,
                Clock.systemUTC());
        synchronized (resource) {
            resource.unclaimedBringUp.addAll(cluster.claimTimeline().phases());
            try {
                resource.current = resource.deploy();
            } catch (RuntimeException e) {
                resource.failure = e;
            }
        }
        return resource;
    }

    private VaultEnvironment deploy() {
        KubernetesCluster borrowed = cluster.cluster(owner);
        VaultEnvironment environment = Objects.requireNonNull(factory.deploy(spec, borrowed),
                () -> factory.getClass().getName() + ".deploy returned null");
        unclaimedBringUp.addAll(environment.timeline().phases());
        return environment;
    }

    /**
     * The running deployment.
     *
     * @return the environment
     * @throws RuntimeException the bring-up failure the first time, then a {@link VaultTestException}
     *     pointing to it
     */
    synchronized VaultEnvironment environment() {
        if (closed) {
            throw new VaultTestException(describe() + " was already removed after the "
                    + (shared ? "run" : "class") + " ended; it cannot be used from another class");
        }
        if (current != null) {
            return current;
        }
        if (!failureReported) {
            failureReported = true;
            throw failure;
        }
        throw new VaultTestException(describe() + " failed to come up (see the first failure it caused"
                + (shared ? "" : " in this class") + "): " + Redactor.redact(failure.getMessage()), failure);
    }

    /**
     * The running deployment, if it came up.
     *
     * @return the environment, empty when the bring-up failed or the resource is closed
     */
    synchronized Optional<VaultEnvironment> environmentIfUp() {
        return closed ? Optional.empty() : Optional.ofNullable(current);
    }

    synchronized Optional<RuntimeException> bringUpFailure() {
        return Optional.ofNullable(failure);
    }

    VaultEnvironmentSpec spec() {
        return spec;
    }

    String owner() {
        return owner;
    }

    /**
     * The deployment in the middle of a sentence: whose it is.
     *
     * @return for example {@code the Vault deployment of com.example.RaftTest}, or for a shared one
     *     {@code the shared Vault deployment of com.example.A, com.example.B}
     */
    synchronized String whose() {
        return shared ? "the shared Vault deployment of " + String.join(", ", users)
                : "the Vault deployment of " + owner;
    }

    private String describe() {
        String whose = whose();
        return Character.toUpperCase(whose.charAt(0)) + whose.substring(1);
    }

    /**
     * Hands a shared deployment to the next class that uses it: Shamir-sealed nodes are unsealed with the keys
     * from init, then the ready gate must hold within the timeout; otherwise the deployment is rebuilt. The
     * check is a {@link Phase#HANDOVER} phase of the class's first test.
     *
     * @param nextClass the class that uses the deployment next
     * @param timeout how long the unseal and the ready gate may each take
     * @return what was found, for the report; empty for the class that brought the deployment up. A deployment
     *     whose last bring-up or rebuild failed is brought up again for the next class.
     * @throws RuntimeException when the deployment was not ready, or not up, and could not be rebuilt
     */
    synchronized Optional<String> handOver(String nextClass, Duration timeout) {
        if (users.contains(nextClass)) {
            return Optional.empty();
        }
        users.add(nextClass);
        if (current == null && failure == null) {
            return Optional.empty();
        }
        Instant start = clock.instant();
        if (current == null) {
            // The last bring-up or rebuild failed: each class tries once more, as a class of its own would.
            rebuild(false, "when handed to " + nextClass);
            return Optional.of("rebuilt: it had failed to come up (" + Redactor.redact(String.valueOf(
                    failure.getMessage())) + "); the new bring-up took " + Duration.between(start, clock.instant()));
        }
        try {
            if (current.spec().seal() instanceof SealSpec.Shamir) {
                current.unsealAll(timeout);
            }
            current.awaitReady(timeout);
            Duration took = Duration.between(start, clock.instant());
            addPhase(new PhaseTiming(Phase.HANDOVER, start, took));
            return Optional.of("ready: the shared deployment passed its ready gate in " + took);
        } catch (RuntimeException notReady) {
            addPhase(new PhaseTiming(Phase.HANDOVER, start, Duration.between(start, clock.instant())));
            LOG.warn("{} was not ready within {} when handed to {}; it is rebuilt: {}", describe(), timeout,
                    nextClass, Redactor.redact(String.valueOf(notReady.getMessage())));
            Instant rebuildStart = clock.instant();
            try {
                rebuild(testFailed && keepOnFailure.enabled(), "when handed to " + nextClass);
            } catch (RuntimeException rebuildFailure) {
                rebuildFailure.addSuppressed(notReady);
                throw rebuildFailure;
            }
            return Optional.of("rebuilt: not ready within " + timeout + " ("
                    + Redactor.redact(String.valueOf(notReady.getMessage())) + "); the rebuild took "
                    + Duration.between(rebuildStart, clock.instant()));
        }
    }

    /**
     * The bring-up phases not yet attributed to a test: the first test after a bring-up or rebuild takes
     * them, so the report shows which test paid for them.
     *
     * @return the phases, then empty until the next rebuild
     */
    synchronized PhaseTimeline claimBringUp() {
        PhaseTimeline timeline = new PhaseTimeline(unclaimedBringUp);
        unclaimedBringUp.clear();
        return timeline;
    }

    /** Adds a phase to the next {@link #claimBringUp()}, for example the recovery check. */
    synchronized void addPhase(PhaseTiming timing) {
        unclaimedBringUp.add(timing);
    }

    /** Remembers that a test of the class failed (for keep-on-failure). */
    synchronized void markTestFailed() {
        testFailed = true;
    }

    /**
     * Keeps the running deployment after a test that used it failed, when keep-on-failure is on: marks its
     * namespace, writes how to reach it, and logs that the first time (again only if more classes use it since).
     *
     * @return how to reach it, for the failed test's report; empty when keep-on-failure is off or nothing is up
     */
    synchronized Optional<String> keepAfterTestFailure() {
        if (!keepOnFailure.enabled() || closed || current == null) {
            return Optional.empty();
        }
        return Optional.of(keep(current));
    }

    /**
     * Replaces the deployment with a new one. The old one is closed, or kept running with a message when
     * keep-on-failure applies to it.
     *
     * @param keepOld whether to leave the old deployment running
     * @return the new environment
     * @throws RuntimeException when the new deployment does not come up; later calls then fail too
     */
    synchronized VaultEnvironment rebuild(boolean keepOld) {
        return rebuild(keepOld, "after a @Disruptive test");
    }

    private VaultEnvironment rebuild(boolean keepOld, String when) {
        VaultEnvironment old = current;
        current = null;
        if (old != null) {
            if (keepOld) {
                keep(old);
            } else {
                closeQuietly(old);
            }
        }
        Instant start = clock.instant();
        try {
            current = deploy();
            return current;
        } catch (RuntimeException e) {
            failure = e;
            failureReported = true;
            throw new VaultTestException(describe() + " was broken " + when + " and could not be rebuilt (tried for "
                    + Duration.between(start, clock.instant()) + "): " + Redactor.redact(e.getMessage()), e);
        }
    }

    private String keep(VaultEnvironment environment) {
        cluster.keepRunning();
        String whose = whose();
        String instructions = keepOnFailure.keep(owner, whose, environment);
        if (environment != announcedKept || !whose.equals(announcedWhose)) {
            announcedKept = environment;
            announcedWhose = whose;
            LOG.warn("{}", instructions);
        }
        return instructions;
    }

    private static void closeQuietly(VaultEnvironment environment) {
        try {
            environment.close();
        } catch (RuntimeException e) {
            LOG.warn("Removing the broken Vault deployment {}/{} failed; a new one is deployed anyway: {}",
                    environment.namespace(), environment.releaseName(), e.toString());
        }
    }

    @Override
    public void close() {
        VaultEnvironment toClose;
        synchronized (this) {
            if (closed) {
                return;
            }
            closed = true;
            toClose = current;
            if (toClose != null && testFailed && keepOnFailure.enabled()) {
                keep(toClose);
                return;
            }
        }
        if (toClose != null) {
            toClose.close();
        }
    }

    @Override
    public String toString() {
        return "DeploymentResource[" + owner + "]";
    }
}
