package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.RequiresRealCluster;
import dev.vaulttest.fixture.ClusterForClass;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.vault.AutopilotState.AutopilotServer;
import dev.vaulttest.vault.LoginResult;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Blocking NetworkPolicies on a real cluster: the existing one of {@code vaulttest.kubeconfig}, else k3s (its
 * embedded kube-router enforces them where the host kernel allows). The canary check fails the test with the reason
 * where the cluster does not enforce them. Skipped without either cluster.
 */
@RequiresRealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NetworkChaosDockerTest {

    @RegisterExtension
    final ClusterForClass k8s = ClusterForClass.fromSettings();

    @Test
    void cuttingVaultOffFromTheApiServerTurnsLoginsIntoFailuresAndHealingRestoresThem() {
        try (VaultEnvironment env = RealClusters.deploy(VaultEnvironmentSpec.builder().build(), k8s.cluster())) {
            RealClusters.kubernetesAuth(env);
            Chaos chaos = RealClusters.chaos(env);
            ServiceAccountToken token = chaos.serviceAccounts().issueToken("app");
            RecoveryProbe login = RecoveryProbe.loginSucceeds("app", token::jwt);
            // No login before the policy: an open keep-alive connection to the API server would survive it.

            try (BlockingPolicy blocked = chaos.network().blockApiServer()) {
                RecoveryMeasurement broken = blocked.recovery().staysBrokenFor(login, Duration.ofSeconds(70));
                LoginResult refused = env.active().anonymousClient().loginKubernetes("app", token.jwt());

                assertThat(broken.outcome()).isEqualTo(RecoveryMeasurement.Outcome.STAYED_BROKEN_AS_EXPECTED);
                assertThat(refused).isInstanceOfSatisfying(LoginResult.Denied.class,
                        denied -> assertThat(denied.isDeniedWith(403, "permission denied")).isTrue());
                blocked.close();
                RecoveryMeasurement healed = blocked.recovery().await(login);
                assertThat(healed.outcome()).isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
                assertThat(healed.healedAt()).isPresent();
            }
        }
    }

    @Test
    void aPartitionedStandbyThatRestartsCannotRejoinUntilThePolicyGoes() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().seal(SealSpec.awsKms(KmsProvider.LOCAL_KMS)).build();
        try (VaultEnvironment env = RealClusters.deploy(spec, k8s.cluster())) {
            Chaos chaos = RealClusters.chaos(env);
            String standby = env.standbys().get(0).name();
            // the leader's autopilot view of the standby (raft addresses are <pod>.<release>-internal:8201)
            RecoveryProbe healthy = RecoveryProbe.of(standby + " healthy in autopilot", s -> s.autopilot()
                    .map(a -> a.servers().values().stream().filter(srv -> srv.address().startsWith(standby + "."))
                            .anyMatch(AutopilotServer::healthy)).orElse(false));

            try (BlockingPolicy partition = chaos.network().partition(standby)) {
                // open raft connections survive a new policy, so the standby starts over under it; auto-unseal
                // (the KMS stays reachable) unseals it, and only the partition keeps it out of the cluster
                partition.restartSelectedPods(Grace.IMMEDIATE);
                partition.recovery().await(healthy.negate());
                partition.recovery().staysBrokenFor(healthy, Duration.ofSeconds(45));
                assertThat(env.snapshot().active()).isPresent();
                partition.close();
                RecoveryMeasurement rejoined = partition.recovery().await(healthy);
                assertThat(rejoined.outcome()).isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
            }
            env.awaitReady(RealClusters.SETTLE);
        }
    }
}
