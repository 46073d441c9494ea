package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.cluster.RequiresRealCluster;
import dev.vaulttest.fixture.ClusterForClass;
import dev.vaulttest.fixture.RealClusterSettings;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * The proof on a real cluster: the official chart on one cluster shared by the class (the existing one of
 * {@code vaulttest.kubeconfig}, else k3s; each environment borrows it and leaves it running), brought up through
 * every seal and the team's-values path, each asserting the ready gate and printing its phase timings. With
 * {@code vaulttest.kms.endpoint} the awskms seals use that emulator. Skipped without either cluster.
 */
@RequiresRealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealClusterEnvironmentDockerTest {

    @RegisterExtension
    final ClusterForClass k8s = ClusterForClass.fromSettings();

    private VaultEnvironment deploy(VaultEnvironmentSpec spec) {
        return RealClusterSettings.current().deploy(spec, k8s.cluster());
    }

    @Test
    void standaloneWithShamir() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().mode(DeploymentMode.STANDALONE)
                .seal(SealSpec.shamir(1, 1)).build();
        try (VaultEnvironment env = deploy(spec)) {
            ReadyGateChecks.assertReady(env, 1, false);
            assertThat(env.unsealKeys()).hasSize(1);
            ReadyGateChecks.printTimeline("standalone-shamir", env);
        }
    }

    @Test
    void haRaftThreeNodesWithAwsKmsThroughLocalStack() {
        Assumptions.assumeTrue(RealClusterSettings.current().kmsEndpoint().isEmpty(), () -> "this test asserts the"
                + " LocalStack emulator the library starts in Docker, and " + RealClusterSettings.KMS_ENDPOINT
                + " replaces every emulator with the external one; haRaftThreeNodesWithAwsKmsThroughLocalKms brings"
                + " awskms up through it");
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().seal(SealSpec.awsKms(KmsProvider.LOCALSTACK))
                .build();
        try (VaultEnvironment env = deploy(spec)) {
            DeploymentSnapshot snapshot = ReadyGateChecks.assertReady(env, 3, true);
            assertThat(snapshot.nodes()).allSatisfy(n -> assertThat(n.sealStatus().orElseThrow().type())
                    .isEqualTo("awskms"));
            assertThat(env.recoveryKeys()).hasSize(3);
            assertThat(env.kms()).hasValueSatisfying(k -> assertThat(k.provider()).isEqualTo(KmsProvider.LOCALSTACK));
            ReadyGateChecks.printTimeline("ha-raft-awskms-localstack", env);
        }
    }

    @Test
    void haRaftThreeNodesWithAwsKmsThroughLocalKms() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().seal(SealSpec.awsKms(KmsProvider.LOCAL_KMS))
                .build();
        try (VaultEnvironment env = deploy(spec)) {
            DeploymentSnapshot snapshot = ReadyGateChecks.assertReady(env, 3, true);
            assertThat(snapshot.nodes()).allSatisfy(n -> assertThat(n.sealStatus().orElseThrow().isAutoUnseal())
                    .isTrue());
            ReadyGateChecks.printTimeline("ha-raft-awskms-local-kms", env);
        }
    }

    @Test
    void theTeamsProductionShapedValuesAsTheyAre() throws URISyntaxException {
        Path values = Path.of(getClass().getResource("/environment/production-shaped.yaml").toURI());
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().mode(DeploymentMode.FROM_VALUES)
                .values(ChartValues.builder().file(values).build())
                .seal(SealSpec.awsKms(KmsProvider.LOCALSTACK)).build();
        try (VaultEnvironment env = deploy(spec)) {
            DeploymentSnapshot snapshot = ReadyGateChecks.assertReady(env, 3, true);
            assertThat(env.nodes().get(0).anonymousClient().endpoint().baseUri().getScheme()).isEqualTo("https");
            assertThat(snapshot.nodes()).allSatisfy(n -> assertThat(n.sealStatus().orElseThrow().type())
                    .isEqualTo("awskms"));
            assertThat(env.adjustments()).extracting(a -> a.valuePath())
                    .contains("server.affinity", "injector.enabled");
            ReadyGateChecks.printTimeline("team-values-production-shaped", env);
            ReadyGateChecks.keepDiagnostics("team-values-production-shaped", env);
        }
    }
}
