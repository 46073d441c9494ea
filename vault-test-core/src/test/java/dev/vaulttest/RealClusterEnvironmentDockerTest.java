package dev.vaulttest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.K3sClusterSpec;
import dev.vaulttest.cluster.RequiresDocker;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import java.net.URISyntaxException;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The proof on a real cluster: the official chart on one k3s cluster shared by the class (each environment
 * borrows it and leaves it running), brought up through every seal and the team's-values path, each asserting
 * the ready gate and printing its phase timings. Skipped without Docker.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RealClusterEnvironmentDockerTest {

    private final EnvironmentFactory factory = EnvironmentFactory.standard();
    private K3sCluster cluster;

    @BeforeAll
    void startCluster() {
        cluster = K3sCluster.start(K3sClusterSpec.defaults());
        System.out.println("k3s ready; " + cluster.imagePreload());
    }

    @AfterAll
    void closeCluster() {
        if (cluster != null) {
            cluster.close();
        }
    }

    private VaultEnvironment deploy(VaultEnvironmentSpec spec) {
        return factory.deploy(spec, cluster);
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
