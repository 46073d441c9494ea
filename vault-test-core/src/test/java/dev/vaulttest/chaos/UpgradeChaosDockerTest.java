package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chaos.ChartUpgrade.PodImage;
import dev.vaulttest.chaos.ChartUpgrade.UpgradeTarget;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.cluster.RequiresRealCluster;
import dev.vaulttest.fixture.ClusterForClass;
import dev.vaulttest.fixture.RealClusterSettings;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * Chart upgrades on a real cluster (the existing one of {@code vaulttest.kubeconfig}, else k3s): the official chart
 * 0.34.0 (Vault 2.0.3) to 0.34.1 (Vault 2.0.4), by the documented OnDelete procedure, and the naive
 * {@code helm upgrade} that restarts nothing. Skipped without either cluster; needs the official chart repository
 * and Docker Hub, so it is skipped when {@code vaulttest.vault.image} says the cluster runs another Vault image.
 */
@RequiresRealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeChaosDockerTest {

    private static final String OLD_CHART = "0.34.0";
    private static final String OLD_IMAGE = "hashicorp/vault:2.0.3";
    private static final String NEW_IMAGE = "hashicorp/vault:2.0.4";

    @RegisterExtension
    final ClusterForClass k8s = ClusterForClass.fromSettings();

    @BeforeEach
    void needsThePinnedImages() {
        // checked before the cluster is opened: a skipped class starts no k3s
        Assumptions.assumeTrue(RealClusterSettings.current().vaultImage().isEmpty(), () -> "this test upgrades"
                + " between the images it pins (" + OLD_IMAGE + ", " + NEW_IMAGE + ") and asserts them, pulled with"
                + " their charts from the network; " + RealClusterSettings.VAULT_IMAGE + "="
                + RealClusterSettings.current().vaultImage().orElseThrow() + " says this cluster runs another Vault"
                + " image instead");
    }

    @Test
    void theOnDeleteProcedureKeepsSecretsAndEndsWithEveryPodOnTheNewImage() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().chart(ChartSource.official(OLD_CHART)).build();
        try (VaultEnvironment env = RealClusters.deploy(spec, k8s.cluster())) {
            Map<String, String> secret = RealClusters.writeSecret(env);
            String leader = env.active().name();

            ChartUpgrade upgrade = RealClusters.chaos(env).upgradeOnDelete(UpgradeTarget.chart(ChartSource.official()));

            assertThat(upgrade.imagesBefore().values()).extracting(PodImage::specImage).containsOnly(OLD_IMAGE);
            assertThat(upgrade.templateImage()).isEqualTo(NEW_IMAGE);
            assertThat(upgrade.imagesAfter().values()).extracting(PodImage::specImage).containsOnly(NEW_IMAGE);
            assertThat(upgrade.imagesAfter().values()).allSatisfy(image -> assertThat(image.runningImage())
                    .hasValueSatisfying(running -> assertThat(running).contains("vault:2.0.4")));
            assertThat(upgrade.restartOrder()).hasSize(3).last().isEqualTo(leader);
            assertThat(upgrade.restartedPods()).hasSize(3);
            assertThat(upgrade.snapshot()).hasValueSatisfying(file -> assertThat(file).isNotEmptyFile());
            assertThat(RealClusters.readSecret(env)).isEqualTo(secret);
            assertThat(env.snapshot().nodes()).allSatisfy(node -> assertThat(node.health().orElseThrow().version())
                    .isEqualTo("2.0.4"));
        }
    }

    @Test
    void aHelmOnlyUpgradeRestartsNothingAndLeavesEveryPodOnTheOldImage() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder()
                .values(ChartValues.builder().set("server.image.tag=2.0.3").build()).build();
        try (VaultEnvironment env = RealClusters.deploy(spec, k8s.cluster())) {
            ChartUpgrade upgrade = RealClusters.chaos(env).upgradeHelmOnly(UpgradeTarget.values(ChartValues.builder()
                    .set("server.image.tag=2.0.4").build()));

            assertThat(upgrade.templateImage()).isEqualTo(NEW_IMAGE);
            assertThat(upgrade.restartedPods()).isEmpty();
            assertThat(upgrade.imagesAfter().values()).extracting(PodImage::specImage).containsOnly(OLD_IMAGE);
            env.awaitReady(RealClusters.SETTLE);
        }
    }
}
