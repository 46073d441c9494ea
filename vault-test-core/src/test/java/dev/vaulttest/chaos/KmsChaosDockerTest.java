package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.RequiresRealCluster;
import dev.vaulttest.fixture.ClusterForClass;
import dev.vaulttest.fixture.RealClusterSettings;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.vault.VaultNodeClient;
import java.time.Duration;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Auto-unseal against an unavailable KMS on a real cluster (the existing one of {@code vaulttest.kubeconfig} with the
 * emulator of {@code vaulttest.kms.endpoint}, else k3s with the library's local-kms container): running nodes keep
 * serving, a node that restarts cannot unseal until the KMS is back. Skipped without either cluster.
 */
@RequiresRealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KmsChaosDockerTest {

    private static final Duration BROKEN = Duration.ofSeconds(60);
    /** The kubelet's crash-loop back-off reaches minutes, so recovery after the KMS returns is not immediate. */
    private static final Duration BACK = Duration.ofMinutes(7);

    @RegisterExtension
    final ClusterForClass k8s = ClusterForClass.fromSettings();

    /**
     * Deploys auto-unseal, applies the fault, deletes a standby and checks that it stays sealed while the fault lasts
     * and unseals once healed.
     */
    private void restartedStandbyWaitsFor(Function<Chaos, Disruption> faultOf) {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().seal(SealSpec.awsKms(KmsProvider.LOCAL_KMS)).build();
        try (VaultEnvironment env = RealClusters.deploy(spec, k8s.cluster())) {
            Chaos chaos = RealClusters.chaos(env);
            Disruption fault = faultOf.apply(chaos);
            String standby = env.standbys().get(0).name();
            chaos.deletePod(standby);
            RecoveryProbe unsealed = RecoveryProbe.unsealed(standby);

            RecoveryMeasurement broken = fault.recovery().staysBrokenFor(unsealed, BROKEN);
            assertThat(broken.outcome()).isEqualTo(RecoveryMeasurement.Outcome.STAYED_BROKEN_AS_EXPECTED);
            assertThat(env.snapshot().active()).as("running nodes keep serving").isPresent();
            fault.close();
            RecoveryMeasurement back = fault.recovery().awaitWithin(unsealed, BACK);
            assertThat(back.healedAt()).isPresent();
            env.awaitReady(RealClusters.SETTLE);
        }
    }

    @Test
    void aRestartedNodeStaysSealedThroughAKmsOutage() {
        // checked before anything is deployed: the external emulator would refuse kmsOutage() by design
        Assumptions.assumeTrue(RealClusters.kmsCanBePaused(), () -> "kmsOutage() pauses the KMS emulator's"
                + " container, and the emulator of " + RealClusterSettings.KMS_ENDPOINT + " runs outside the library,"
                + " so there is none to pause (refused by design);"
                + " aRestartedNodeStaysSealedWhileTheSealKeyIsDisabled keeps a restarting node from its seal with"
                + " disableKmsKey() instead");
        restartedStandbyWaitsFor(Chaos::kmsOutage);
    }

    @Test
    void aRestartedNodeStaysSealedWhileTheSealKeyIsDisabled() {
        restartedStandbyWaitsFor(Chaos::disableKmsKey);
    }

    /**
     * Not a restart under the policy: kube-router programs a new pod's firewall only after the pod has started, and on
     * the lab a Vault pod restarted under this policy reached the KMS in that window and unsealed (see
     * {@link NetworkChaos#blockKms()}). What the policy does guarantee is checked here: a pod under it cannot reach the
     * KMS (the library's canary, or the disruption fails), and the running nodes keep serving without it.
     */
    @Test
    void aPolicyCutsTheRunningNodesOffFromTheKmsAndTheyKeepServing() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().seal(SealSpec.awsKms(KmsProvider.LOCAL_KMS)).build();
        try (VaultEnvironment env = RealClusters.deploy(spec, k8s.cluster())) {
            Chaos chaos = RealClusters.chaos(env);
            try (BlockingPolicy blocked = chaos.network().blockKms()) {
                VaultNodeClient vault = env.client();
                vault.enableKvV2("kms-blocked");
                vault.putSecret("kms-blocked", "probe", Map.of("written", "while the KMS was blocked"));

                assertThat(vault.getSecret("kms-blocked", "probe")).isPresent();
                assertThat(env.snapshot().nodes()).as("every running node stays unsealed")
                        .allMatch(NodeSnapshot::isUnsealed);
            }
            env.awaitReady(RealClusters.SETTLE);
        }
    }
}
