package dev.vaulttest;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.chart.ReleaseRevision;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * One running Vault deployment on Kubernetes: the Helm release, its namespace, its nodes, the KMS
 * emulator that unseals it, and the keys that were produced at init.
 *
 * <p>Closing the environment uninstalls the release, deletes the namespaces it created and stops
 * what it started; a cluster it borrowed stays up. Closing twice does nothing the second time.
 *
 * <p>The root token and the unseal or recovery keys are held here and never appear in
 * {@code toString}, logs, exceptions or reports.
 */
public interface VaultEnvironment extends AutoCloseable {

    /**
     * Brings up a deployment on a cluster of its own, as the spec says: the cluster is started (k3s) or
     * connected (existing), Vault installed, initialised, unsealed, joined and past its ready gate. Closing
     * the environment also closes the cluster.
     *
     * @param spec the deployment
     * @return the ready environment
     * @throws BringUpException when a phase fails; nothing is left running
     */
    static VaultEnvironment start(VaultEnvironmentSpec spec) {
        return EnvironmentFactory.standard().start(spec);
    }

    /**
     * Brings up a deployment on a cluster the caller owns (the spec's cluster is ignored); closing the
     * environment leaves the cluster running.
     *
     * @param spec the deployment
     * @param cluster the cluster to deploy on
     * @return the ready environment
     * @throws BringUpException when a phase fails; nothing the environment created is left behind
     */
    static VaultEnvironment start(VaultEnvironmentSpec spec, KubernetesCluster cluster) {
        return EnvironmentFactory.standard().deploy(spec, cluster);
    }

    /**
     * The spec this environment was started from.
     *
     * @return the spec
     */
    VaultEnvironmentSpec spec();

    /**
     * The namespace the Vault release is installed in (created by the library, unique per environment).
     *
     * @return the namespace
     */
    String namespace();

    /**
     * The Helm release name (unique per environment, so cluster-scoped chart objects do not collide).
     *
     * @return the release name
     */
    String releaseName();

    /**
     * The cluster the deployment runs on.
     *
     * @return the cluster
     */
    KubernetesCluster cluster();

    /**
     * The fabric8 client of the cluster.
     *
     * @return the client
     */
    KubernetesClient kubernetes();

    /**
     * Every Vault node the deployment should have, in pod-name order.
     *
     * @return the nodes
     */
    List<VaultNode> nodes();

    /**
     * The node with the given pod name.
     *
     * @param name the pod name
     * @return the node
     * @throws IllegalArgumentException when the deployment has no such node; the message lists the nodes
     */
    VaultNode node(String name);

    /**
     * The node that is active now.
     *
     * @return the active node
     * @throws VaultTestException when no single node is active; the message describes every node
     */
    VaultNode active();

    /**
     * The unsealed standbys now.
     *
     * @return the standbys, possibly none
     */
    List<VaultNode> standbys();

    /**
     * A client for the active node, authenticated with the root token.
     *
     * @return the client
     */
    default VaultNodeClient client() {
        return active().client();
    }

    /**
     * A configured vault-java-driver client for the active node, authenticated with the root token.
     *
     * @return the driver client
     */
    default io.github.jopenlibs.vault.Vault driverClient() {
        return client().driverClient();
    }

    /**
     * The KMS emulator that auto-unseals this deployment.
     *
     * @return the emulator; empty with Shamir or with real AWS KMS
     */
    Optional<KmsEmulator> kms();

    /**
     * The root token produced at init. Reveal it only to send it to Vault.
     *
     * @return the token, redacted in {@code toString}
     */
    Sensitive rootToken();

    /**
     * The unseal keys (Shamir) produced at init, enough to reach the threshold.
     *
     * @return the keys, redacted in {@code toString}; empty under auto-unseal
     */
    List<Sensitive> unsealKeys();

    /**
     * The recovery keys produced at init under auto-unseal; they authorise an unseal after a manual seal,
     * generate-root and seal migration.
     *
     * @return the keys, redacted in {@code toString}; empty with Shamir and in dev mode (and in implementations
     *     that hold none)
     */
    default List<Sensitive> recoveryKeys() {
        return List.of();
    }

    /**
     * Unseals every sealed node with the keys held here (Shamir only) and waits until each is
     * unsealed. Under auto-unseal this only waits.
     *
     * @param timeout how long to wait for every node to be unsealed
     * @return the snapshot in which every node is unsealed
     */
    DeploymentSnapshot unsealAll(Duration timeout);

    /**
     * The values Helm installed with: the team's files, the spec's overrides and the library's
     * k3s additions, secrets redacted.
     *
     * @return the effective values
     */
    EffectiveValues effectiveValues();

    /**
     * What the library added to the team's values and why.
     *
     * @return the adjustments, in the order they were made
     */
    List<Adjustment> adjustments();

    /**
     * The values a chart upgrade of this release gives Helm for a team's values: those values with the spec's mode
     * layer and the cluster fit-ups of the install (scheduling, storage, TLS, KMS wiring), computed the same way
     * as at install, so that a values file restating {@code server.affinity} or the seal stanza cannot undo them.
     * A new KMS key alias in the values gets its key in the emulator.
     *
     * @param teamValues the team's values for the upgrade
     * @return the values to upgrade with
     * @throws VaultTestException if the fitted values need an object (a Secret or StorageClass) that the install
     *         did not create
     */
    ChartValues valuesForUpgrade(ChartValues teamValues);

    /**
     * The bring-up phases and their durations.
     *
     * @return the timeline
     */
    PhaseTimeline timeline();

    /**
     * The Helm release's revisions, oldest first, like {@code helm history}; for diagnostics.
     *
     * @return the revisions; empty for implementations that install no Helm release
     * @throws dev.vaulttest.chart.HelmException when Helm cannot read the history
     */
    default List<ReleaseRevision> releaseHistory() {
        return List.of();
    }

    /**
     * Observes every node now. Never throws for unreachable nodes; they show up as such.
     *
     * @return the snapshot
     */
    DeploymentSnapshot snapshot();

    /**
     * Waits until the ready gate holds: every node unsealed, exactly one active node, the expected raft
     * voters, and a kv write and read through the active node.
     *
     * @param timeout how long to wait
     * @return the snapshot in which the gate held
     * @throws dev.vaulttest.base.WaitTimeoutException when it did not hold in time; the message
     *     describes the last snapshot
     */
    DeploymentSnapshot awaitReady(Duration timeout);

    /**
     * Uninstalls the release, deletes the namespaces the environment created and stops what it
     * started. Idempotent.
     */
    @Override
    void close();
}
