package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chaos.ChartUpgrade.UpgradeTarget;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.engine.DoubleBackedEnvironment;
import dev.vaulttest.internal.helm.HelmValues;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * What {@link HelmUpgrader} gives Helm: the target's values through the install's mode layer and cluster fit, so
 * a team's upgraded values file cannot undo the fit-ups or the KMS wiring (issue 13, item 8), while the installed
 * team values it does not restate stay, as {@code --reset-then-reuse-values} keeps them. Before, the target values
 * went to Helm as they were.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class UpgradeValuesTest {

    private static final String REQUIRED_ANTI_AFFINITY = """
            podAntiAffinity:
              requiredDuringSchedulingIgnoredDuringExecution:
                - topologyKey: kubernetes.io/hostname
            """;

    KubernetesMockServer server;
    KubernetesClient client;
    private ChaosWorld world;

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void aValuesFileThatRestatesWhatTheFitChangedIsFittedAgainAndKeepsItsOtherValues() {
        world = ChaosWorld.shamir(server, client);
        ChartValues team = ChartValues.builder().values("team-upgrade.yaml", Map.of(
                "server", Map.of("affinity", REQUIRED_ANTI_AFFINITY, "ha", Map.of("replicas", 5),
                        "image", Map.of("tag", "2.0.5")),
                "injector", Map.of("enabled", true))).build();

        Map<String, Object> values = HelmUpgrader.valuesFor(world.env, UpgradeTarget.values(team));

        assertThat(at(values, "server", "affinity")).as("the single-node fit of server.affinity")
                .isEqualTo(Optional.of(""));
        assertThat(at(values, "injector", "enabled")).as("the injector the test did not ask for")
                .isEqualTo(Optional.of(false));
        assertThat(at(values, "server", "ha", "replicas").map(String::valueOf)).as("the spec's mode layer")
                .isEqualTo(Optional.of("3"));
        assertThat(at(values, "server", "image", "tag")).as("the team's own upgrade").isEqualTo(Optional.of("2.0.5"));
    }

    @Test
    void aValuesUpgradeKeepsTheInstalledValuesItDoesNotRestateAndItsOwnWin() {
        ChartValues installed = ChartValues.builder()
                .values("team.yaml", Map.of("server", Map.of("logLevel", "debug", "image", Map.of("tag", "2.0.3"))))
                .setString("server.image.repository=mirror.local/hashicorp/vault").build();
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.builder(client)
                .spec(DoubleBackedEnvironment.spec().replicas(3).values(installed).build()).start()) {
            ChartValues upgrade = ChartValues.builder().set("server.image.tag=2.0.4").build();

            Map<String, Object> values = HelmUpgrader.valuesFor(fixture.environment(), UpgradeTarget.values(upgrade));

            assertThat(at(values, "server", "image", "tag")).as("the target's own value").contains("2.0.4");
            assertThat(at(values, "server", "image", "repository")).as("installed, not restated")
                    .contains("mirror.local/hashicorp/vault");
            assertThat(at(values, "server", "logLevel")).as("installed, not restated").contains("debug");
        }
    }

    @Test
    void aChartOnlyUpgradeGetsTheInstalledValuesFittedAsAtInstall() {
        world = ChaosWorld.shamir(server, client);

        Map<String, Object> values = HelmUpgrader.valuesFor(world.env,
                UpgradeTarget.chart(ChartSource.official("0.34.1")));

        assertThat(values).isEqualTo(HelmValues.merge(world.env.valuesForUpgrade(world.env.spec().values())).asMap());
        assertThat(at(values, "server", "affinity")).isEqualTo(Optional.of(""));
        assertThat(at(values, "server", "ha", "raft", "enabled")).isEqualTo(Optional.of(true));
    }

    @Test
    void theKmsWiringSurvivesAValuesFileThatRestatesTheSecretEnvironment() {
        world = ChaosWorld.autoUnseal(server, client);
        Map<String, Object> installed = HelmUpgrader.valuesFor(world.env,
                UpgradeTarget.chart(ChartSource.official("0.34.1")));
        ChartValues team = ChartValues.builder().values("team-upgrade.yaml", Map.of("server", Map.of(
                "extraSecretEnvironmentVars", List.of(), "extraEnvironmentVars", Map.of("TEAM", "x")))).build();

        Map<String, Object> values = HelmUpgrader.valuesFor(world.env, UpgradeTarget.values(team));

        assertThat(at(installed, "server", "extraSecretEnvironmentVars")).get().asList().isNotEmpty();
        assertThat(at(values, "server", "extraSecretEnvironmentVars"))
                .isEqualTo(at(installed, "server", "extraSecretEnvironmentVars"));
        assertThat(at(values, "server", "extraEnvironmentVars", "TEAM")).isEqualTo(Optional.of("x"));
        assertThat(at(values, "server", "extraEnvironmentVars", "AWS_REGION"))
                .isEqualTo(at(installed, "server", "extraEnvironmentVars", "AWS_REGION")).isPresent();
    }

    @Test
    void anObjectTheFitNeedsButTheInstallDidNotLeaveIsNamedInsteadOfUpgradingWithoutIt() {
        world = ChaosWorld.autoUnseal(server, client);
        client.secrets().inNamespace(world.namespace()).delete();

        assertThatThrownBy(() -> HelmUpgrader.valuesFor(world.env, UpgradeTarget.values(ChartValues.none())))
                .isInstanceOf(VaultTestException.class)
                .hasMessageContaining("The upgraded values need Secret ")
                .hasMessageContaining("which the install of " + world.namespace() + "/" + world.statefulSet())
                .hasMessageContaining("Start an environment with these values instead");
    }

    @SuppressWarnings("unchecked")
    private static Optional<Object> at(Map<String, Object> values, String... path) {
        Object current = values;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(key)) {
                return Optional.empty();
            }
            current = ((Map<String, Object>) map).get(key);
        }
        return Optional.ofNullable(current);
    }
}
