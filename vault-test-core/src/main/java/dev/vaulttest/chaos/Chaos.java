package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.ChartUpgrade.UpgradeTarget;
import java.util.Objects;
import java.util.Optional;

/**
 * The chaos API for one running deployment. Construction is cheap and does nothing; every method applies one
 * disruption, verifies that it took effect, and returns its handle (close it to heal):
 *
 * <pre>{@code
 * Chaos chaos = Chaos.on(env);
 * try (PodDeletion deletion = chaos.deletePods(PodTarget.active(), Grace.IMMEDIATE)) {
 *     deletion.recovery().awaitWithin(deletion.newLeader(), Duration.ofSeconds(30));
 * }
 * try (BlockingPolicy blocked = chaos.network().blockApiServer()) {
 *     blocked.recovery().staysBrokenFor(RecoveryProbe.loginSucceeds("app", token::jwt), Duration.ofSeconds(60));
 * }
 * }</pre>
 *
 * <p>A disruption that cannot be applied here throws {@link ChaosPreconditionException} and changes nothing; one
 * that was applied but did not take effect is healed and throws {@link FaultNotEffectiveException}.
 */
public final class Chaos {

    private final VaultEnvironment env;
    private final ChaosOptions options;

    private Chaos(VaultEnvironment env, ChaosOptions options) {
        this.env = Objects.requireNonNull(env, "env");
        this.options = Objects.requireNonNull(options, "options");
    }

    /**
     * Chaos for a deployment with the default options.
     *
     * @param env the deployment
     * @return the chaos API
     */
    public static Chaos on(VaultEnvironment env) {
        return new Chaos(env, ChaosOptions.defaults());
    }

    /**
     * Chaos for a deployment.
     *
     * @param env the deployment
     * @param options timeouts, canary image, Helm upgrader, measurement listener, clock
     * @return the chaos API
     */
    public static Chaos on(VaultEnvironment env, ChaosOptions options) {
        return new Chaos(env, options);
    }

    /**
     * The same deployment with other options.
     *
     * @param newOptions the options
     * @return a new chaos API
     */
    public Chaos withOptions(ChaosOptions newOptions) {
        return new Chaos(env, newOptions);
    }

    /**
     * The options in use.
     *
     * @return the options
     */
    public ChaosOptions options() {
        return options;
    }

    /**
     * The deployment.
     *
     * @return the environment
     */
    public VaultEnvironment environment() {
        return env;
    }

    // ---- pods and storage -----------------------------------------------------------------------------------

    /**
     * Deletes Vault pods chosen by role or name and waits until they are gone (new UID), not until they are back.
     *
     * @param target which pods
     * @param grace graceful (the pod's grace period) or immediate (grace period 0)
     * @return the verified deletion
     */
    public PodDeletion deletePods(PodTarget target, Grace grace) {
        return PodDeletion.apply(env, options, Objects.requireNonNull(target, "target"),
                Objects.requireNonNull(grace, "grace"));
    }

    /**
     * Deletes the active node's pod gracefully.
     *
     * @return the verified deletion
     */
    public PodDeletion deleteActive() {
        return deletePods(PodTarget.active(), Grace.GRACEFUL);
    }

    /**
     * Deletes one standby's pod gracefully.
     *
     * @return the verified deletion
     */
    public PodDeletion deleteStandby() {
        return deletePods(PodTarget.aStandby(), Grace.GRACEFUL);
    }

    /**
     * Deletes a pod by name gracefully.
     *
     * @param podName the pod, for example {@code vault-1}
     * @return the verified deletion
     */
    public PodDeletion deletePod(String podName) {
        return deletePods(PodTarget.named(podName), Grace.GRACEFUL);
    }

    /**
     * Deletes a node's data claim and then its pod (gracefully), so it comes back with an empty volume.
     *
     * @param podName the node, for example {@code vault-2}
     * @return the verified deletion, with what happened to the PersistentVolume
     */
    public PvcDeletion deletePvc(String podName) {
        return deletePvc(podName, Grace.GRACEFUL);
    }

    /**
     * Deletes a node's data claim and then its pod.
     *
     * @param podName the node
     * @param grace how to delete the pod
     * @return the verified deletion, with what happened to the PersistentVolume
     */
    public PvcDeletion deletePvc(String podName, Grace grace) {
        return PvcDeletion.apply(env, options, Objects.requireNonNull(podName, "podName"),
                Objects.requireNonNull(grace, "grace"));
    }

    /**
     * Scales the Vault StatefulSet to another replica count; closing scales it back. Raft keeps the removed pods
     * as voters, so scaling below a quorum stops the cluster.
     *
     * @param replicas the new count
     * @return the verified scale (its target names the set and count)
     */
    public Disruption scaleStatefulSet(int replicas) {
        return StatefulSetScale.apply(env, options, replicas);
    }

    // ---- service accounts and network -----------------------------------------------------------------------

    /**
     * Service account and token chaos.
     *
     * @return the service account API
     */
    public ServiceAccountChaos serviceAccounts() {
        return new ServiceAccountChaos(env, options);
    }

    /**
     * Blocking NetworkPolicies.
     *
     * @return the network API
     */
    public NetworkChaos network() {
        return new NetworkChaos(env, options);
    }

    // ---- upgrades -------------------------------------------------------------------------------------------

    /**
     * Upgrades the release by the documented OnDelete procedure: raft snapshot, {@code helm upgrade}, standbys
     * one at a time (each back and unsealed before the next), the active node last.
     *
     * @param target the chart and/or values to upgrade to
     * @return the verified upgrade, with each pod's image before and after
     */
    public ChartUpgrade upgradeOnDelete(UpgradeTarget target) {
        return ChartUpgrade.apply(env, options, Objects.requireNonNull(target, "target"),
                ChartUpgrade.Procedure.ON_DELETE);
    }

    /**
     * Upgrades the release with {@code helm upgrade} only: with the chart's OnDelete StatefulSet no pod restarts.
     *
     * @param target the chart and/or values to upgrade to
     * @return the verified upgrade (the template changed), with each pod's image before and after
     */
    public ChartUpgrade upgradeHelmOnly(UpgradeTarget target) {
        return ChartUpgrade.apply(env, options, Objects.requireNonNull(target, "target"),
                ChartUpgrade.Procedure.HELM_ONLY);
    }

    // ---- cluster and KMS ------------------------------------------------------------------------------------

    /**
     * Stops and starts the whole cluster (k3s only) and waits until every Vault pod has restarted.
     *
     * @return the verified reboot
     * @throws ChaosPreconditionException on a cluster the library cannot stop and start, such as an existing one
     */
    public Disruption rebootCluster() {
        return ClusterReboot.apply(env, options);
    }

    /**
     * Makes the KMS emulator unreachable by pausing it, so KMS calls hang (a node that restarts meanwhile hangs
     * rather than crash-loops; see {@link NetworkChaos#blockKms()} for a KMS that refuses); closing brings it back.
     *
     * @return the verified outage
     * @throws ChaosPreconditionException without a KMS emulator, or with an external one (KmsProvider.EXTERNAL),
     *     which the library cannot pause
     */
    public Disruption kmsOutage() {
        return KmsOutage.apply(env, options);
    }

    /**
     * Disables the seal's KMS key (found in the release's seal configuration); closing enables it again.
     *
     * @return the verified disabled key
     */
    public Disruption disableKmsKey() {
        return KmsKeyDisabled.apply(env, options, Optional.empty());
    }

    /**
     * Disables a KMS key; closing enables it again.
     *
     * @param keyIdOrAlias the key id or {@code alias/<name>}
     * @return the verified disabled key
     */
    public Disruption disableKmsKey(String keyIdOrAlias) {
        return KmsKeyDisabled.apply(env, options, Optional.of(keyIdOrAlias));
    }

    @Override
    public String toString() {
        return "Chaos[" + env.namespace() + "/" + env.releaseName() + "]";
    }
}
