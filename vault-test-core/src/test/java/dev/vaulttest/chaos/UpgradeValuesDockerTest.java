package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chaos.ChartUpgrade.UpgradeTarget;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.cluster.RequiresRealCluster;
import dev.vaulttest.fixture.ClusterForClass;
import io.fabric8.kubernetes.api.model.Affinity;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A values upgrade through real Helm on a real cluster (the existing one of {@code vaulttest.kubeconfig}, else
 * k3s): the target values restate what the install fitted, and the release keeps the fit and every installed value
 * the target does not restate (the Vault image among them), so it works with the image the run names.
 */
@RequiresRealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class UpgradeValuesDockerTest {

    private static final String REQUIRED_ANTI_AFFINITY = """
            podAntiAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                - labelSelector:
                    matchLabels:
                      app.kubernetes.io/name: vault
                  topologyKey: kubernetes.io/hostname
            """;

    @RegisterExtension
    final ClusterForClass k8s = ClusterForClass.fromSettings();

    @Test
    void aValuesFileRestatingTheAntiAffinityIsFittedAgainAndTheInstalledImageStays() {
        try (VaultEnvironment env = RealClusters.deploy(VaultEnvironmentSpec.builder().build(), k8s.cluster())) {
            String imageBefore = template(env).getContainers().get(0).getImage();
            ChartValues target = ChartValues.builder().values("team-upgrade.yaml", Map.of("server",
                    Map.of("affinity", REQUIRED_ANTI_AFFINITY, "logLevel", "debug"))).build();

            ChartUpgrade upgrade = RealClusters.chaos(env).upgradeHelmOnly(UpgradeTarget.values(target));

            PodSpec after = template(env);
            assertThat(Optional.ofNullable(after.getAffinity()).map(Affinity::getPodAntiAffinity)
                    .map(anti -> anti.getRequiredDuringSchedulingIgnoredDuringExecution()))
                    .as("required anti-affinity on one node").satisfiesAnyOf(
                            required -> assertThat(required).isEmpty(),
                            required -> assertThat(required.get()).isEmpty());
            assertThat(after.getContainers().get(0).getImage()).isEqualTo(imageBefore);
            assertThat(after.getContainers().get(0).getEnv()).anySatisfy(variable -> {
                assertThat(variable.getName()).isEqualTo("VAULT_LOG_LEVEL");
                assertThat(variable.getValue()).isEqualTo("debug");
            });
            assertThat(upgrade.restartedPods()).isEmpty();
            assertThat(env.releaseHistory()).hasSize(2);
            env.awaitReady(RealClusters.SETTLE);
        }
    }

    private static PodSpec template(VaultEnvironment env) {
        return env.kubernetes().apps().statefulSets().inNamespace(env.namespace()).withName(env.releaseName()).get()
                .getSpec().getTemplate().getSpec();
    }
}
