package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chaos.ChartUpgrade.PodImage;
import dev.vaulttest.chaos.ChartUpgrade.UpgradeTarget;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, https = false)
class ChartUpgradeTest {

    private static final String NEW_IMAGE = "hashicorp/vault:2.0.5";
    private String oldImage;
    private static final UpgradeTarget TARGET = UpgradeTarget.values(ChartValues.builder()
            .set("server.image.tag=2.0.5").build());

    KubernetesMockServer server;
    KubernetesClient client;
    @TempDir
    Path snapshots;
    private ChaosWorld world;
    private final List<UpgradeTarget> upgrades = new ArrayList<>();

    /** What helm upgrade does to an OnDelete StatefulSet: a new template (and revision), no pod touched. */
    private final ReleaseUpgrader upgrader = (env, target) -> {
        upgrades.add(target);
        client.apps().statefulSets().inNamespace(env.namespace()).withName(env.releaseName()).edit(set -> {
            set.getSpec().getTemplate().getSpec().getContainers().get(0).setImage(NEW_IMAGE);
            if (set.getStatus() == null) {
                set.setStatus(new io.fabric8.kubernetes.api.model.apps.StatefulSetStatus());
            }
            set.getStatus().setUpdateRevision("rev2");
            return set;
        });
    };

    @BeforeEach
    void setUp() {
        world = ChaosWorld.shamir(server, client);
        oldImage = client.apps().statefulSets().inNamespace(world.namespace()).withName(world.statefulSet()).get()
                .getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    private Chaos chaos(ReleaseUpgrader withUpgrader) {
        return world.chaos(ChaosWorld.fastOptions().upgrader(withUpgrader).snapshotDirectory(snapshots));
    }

    @Test
    void theOnDeleteProcedureSnapshotsFirstRestartsStandbysThenTheLeaderAndKeepsSecrets() throws Exception {
        VaultNodeClient root = world.env.client();
        root.enableKvV2("secret");
        root.putSecret("secret", "app/db", Map.of("password", "s3cr3t"));
        String leader = world.vault.leader().orElseThrow().name();

        ChartUpgrade upgrade = chaos(upgrader).upgradeOnDelete(TARGET);

        assertThat(upgrades).containsExactly(TARGET);
        assertThat(upgrade.procedure()).isEqualTo(ChartUpgrade.Procedure.ON_DELETE);
        assertThat(upgrade.kind()).isEqualTo("upgrade-ondelete");
        assertThat(upgrade.snapshot()).hasValueSatisfying(file -> {
            assertThat(file).startsWith(snapshots);
            assertThat(file).isNotEmptyFile();
        });
        assertThat(upgrade.restartOrder()).hasSize(3).last().isEqualTo(leader);
        assertThat(upgrade.restartOrder().subList(0, 2)).isSorted().doesNotContain(leader);
        assertThat(upgrade.imagesBefore().values()).extracting(PodImage::specImage).containsOnly(oldImage);
        assertThat(upgrade.imagesAfter().values()).extracting(PodImage::specImage).containsOnly(NEW_IMAGE);
        assertThat(upgrade.imagesAfter().values()).extracting(PodImage::runningImage)
                .containsOnly(java.util.Optional.of(NEW_IMAGE));
        assertThat(upgrade.imagesAfter().values()).extracting(PodImage::revision)
                .containsOnly(java.util.Optional.of("rev2"));
        assertThat(upgrade.templateImage()).isEqualTo(NEW_IMAGE);
        assertThat(upgrade.restartedPods()).containsExactlyInAnyOrderElementsOf(world.pods());
        assertThat(world.env.client().getSecret("secret", "app/db").orElseThrow().data())
                .containsEntry("password", "s3cr3t");
        upgrade.recovery().awaitWithin(RecoveryProbe.readyGate(), Duration.ofSeconds(5));
    }

    @Test
    void theOnDeleteProcedureRunsWithoutASnapshotWhenTheStorageIsNotRaft() {
        world.close();
        world = ChaosWorld.withStorage(server, client, "file");

        ChartUpgrade upgrade = chaos(upgrader).upgradeOnDelete(TARGET);

        assertThat(upgrades).containsExactly(TARGET);
        assertThat(upgrade.snapshot()).isEmpty();
        assertThat(world.vault.nodes()).allSatisfy(node -> assertThat(node.lastRequest("sys/storage/raft/snapshot"))
                .isEmpty());
        assertThat(upgrade.restartOrder()).hasSize(3);
        assertThat(upgrade.imagesAfter().values()).extracting(PodImage::specImage).containsOnly(NEW_IMAGE);
    }

    @Test
    void theHelmOnlyUpgradeRestartsNothingAndLeavesEveryPodOnTheOldImage() {
        ChartUpgrade upgrade = chaos(upgrader).upgradeHelmOnly(TARGET);

        assertThat(upgrade.kind()).isEqualTo("upgrade-helm-only");
        assertThat(upgrade.snapshot()).isEmpty();
        assertThat(upgrade.restartOrder()).isEmpty();
        assertThat(upgrade.restartedPods()).isEmpty();
        assertThat(upgrade.templateImage()).isEqualTo(NEW_IMAGE);
        assertThat(upgrade.imagesAfter().values()).extracting(PodImage::specImage).containsOnly(oldImage);
        assertThat(upgrade.imagesAfter()).isEqualTo(upgrade.imagesBefore());
        assertThat(upgrade.verification().observed()).contains("template image " + NEW_IMAGE);
    }

    @Test
    void anUpgradeThatChangesNoTemplateIsReportedAsNotEffective() {
        Chaos chaos = world.chaos(ChaosWorld.fastOptions().upgrader((env, target) -> { })
                .faultTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(() -> chaos.upgradeHelmOnly(UpgradeTarget.chart(ChartSource.official())))
                .isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("the StatefulSet's pod template changed")
                .hasMessageContaining("nothing would restart");
    }

    @Test
    void theHelmUpgraderReportsHelmsRefusalWithTheRelease() throws Exception {
        Path chart = Path.of(getClass().getResource("/charts/mini-vault/Chart.yaml").toURI()).getParent();
        Chaos chaos = world.chaos(ChaosWorld.fastOptions().upgrader(ReleaseUpgrader.helm()));

        assertThatThrownBy(() -> chaos.upgradeHelmOnly(UpgradeTarget.of(ChartSource.directory(chart), ChartValues
                .builder().set("server.image.tag=2.0.5").build())))
                .isInstanceOf(dev.vaulttest.base.VaultTestException.class)
                .hasMessageContaining("helm upgrade of release " + world.env.releaseName() + " in " + world.namespace()
                        + " to chart")
                .hasMessageContaining("mini-vault with new values failed: ")
                .hasCauseInstanceOf(IllegalStateException.class);
    }

    @Test
    void aFailedSnapshotStopsTheUpgradeBeforeHelmRuns() throws Exception {
        Path notADirectory = Files.writeString(snapshots.resolve("file"), "x");
        Chaos chaos = world.chaos(ChaosWorld.fastOptions().upgrader(upgrader).snapshotDirectory(notADirectory));

        assertThatThrownBy(() -> chaos.upgradeOnDelete(TARGET)).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("Could not take a raft snapshot")
                .hasMessageContaining("the upgrade was not started");
        assertThat(upgrades).isEmpty();
    }

    @Test
    void anUpgradeTargetMustChangeSomething() {
        assertThatThrownBy(() -> new UpgradeTarget(java.util.Optional.empty(), java.util.Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(TARGET.describe()).isEqualTo("the installed chart with new values");
    }
}
