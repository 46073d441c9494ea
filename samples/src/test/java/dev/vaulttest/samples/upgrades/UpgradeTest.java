package dev.vaulttest.samples.upgrades;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.assertj.SecretCanary;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.chaos.ChartUpgrade;
import dev.vaulttest.chaos.ChartUpgrade.PodImage;
import dev.vaulttest.chaos.ChartUpgrade.UpgradeTarget;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.check.OfflineCheck;
import dev.vaulttest.junit5.Active;
import dev.vaulttest.junit5.AutoUnseal;
import dev.vaulttest.junit5.Disruptive;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import dev.vaulttest.samples.support.KvMount;
import dev.vaulttest.samples.support.RequiresChartImages;
import dev.vaulttest.samples.support.RequiresOfficialChart;
import java.nio.file.Path;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Production mistake 5: chart and image upgrades. The chart's StatefulSet is {@code OnDelete}, so {@code helm
 * upgrade} alone restarts nothing: every pod keeps the old image until it is deleted. The documented procedure (raft
 * snapshot, helm upgrade, standbys one at a time, the active node last) moves every pod to the new image and keeps
 * every secret. Floating image tags make both unpredictable, and the static check flags them.
 */
class UpgradeTest {

    /** The release the deployments start from: chart 0.34.0, Vault 2.0.3. */
    static final String FROM_CHART = "0.34.0";

    static final String FROM_IMAGE = "hashicorp/vault:2.0.3";

    static final String TO_IMAGE = "hashicorp/vault:2.0.4";

    /** The upgrade: chart 0.34.1 and, as pinned values must say it, Vault 2.0.4. */
    static final UpgradeTarget NEXT_RELEASE = UpgradeTarget.of(ChartSource.official("0.34.1"),
            ChartValues.builder().setString("server.image.tag=2.0.4").build());

    /** The static check, on the official chart: no cluster, no Docker. */
    @Nested
    @RequiresOfficialChart
    class StaticCheck {

        @Test
        void flagsAFloatingImageTag() {
            assertThat(OfflineCheck.builder()
                    .chart(ChartSource.official("0.34.1"))
                    .valuesFile(Path.of("src/test/resources/values/awskms-raft.yaml"))
                    .valuesFile(Path.of("src/test/resources/values/unpinned-images.yaml"))
                    .build()
                    .run())
                    .hasFinding("UNPINNED_IMAGE", "StatefulSet/vault");
        }

        @Test
        void passesExactlyPinnedImages() {
            assertThat(OfflineCheck.builder()
                    .chart(ChartSource.official("0.34.1"))
                    .valuesFile(Path.of("src/test/resources/values/production.yaml"))
                    .build()
                    .run())
                    .doesNotHaveFinding("UNPINNED_IMAGE");
        }
    }

    /** The fix: the documented OnDelete procedure. */
    @RequiresChartImages // it upgrades 2.0.3 to 2.0.4; an image override leaves no image upgrade to show
    @Nested
    @VaultTest
    @AutoUnseal
    @VaultDeployment(chartVersion = FROM_CHART, values = "classpath:values/awskms-raft.yaml",
            mode = DeploymentMode.FROM_VALUES)
    class DocumentedProcedure {

        @Test
        @Disruptive
        void keepsEverySecretAndEndsWithEveryPodOnTheNewImage(VaultEnvironment vault, @Active VaultNode active,
                Chaos chaos) {
            KvMount.ensure(vault.client(), "secret");
            SecretCanary secrets = SecretCanary.write(vault.client(), "secret", 20);
            try (ChartUpgrade upgrade = chaos.upgradeOnDelete(NEXT_RELEASE)) {
                assertThat(upgrade.snapshot()).as("raft snapshot taken before the upgrade").isPresent();
                assertThat(upgrade.imagesBefore().values()).extracting(PodImage::specImage).containsOnly(FROM_IMAGE);
                assertThat(upgrade.imagesAfter().values()).extracting(PodImage::specImage).containsOnly(TO_IMAGE);
                assertThat(upgrade.restartOrder())
                        .as("standbys first, one at a time; the active node last")
                        .hasSize(3)
                        .last().isEqualTo(active.name());
            }

            assertThat(secrets).survivedOn(vault);
            assertThat(vault.snapshot()).isUnsealed().hasExactlyOneActiveNode().hasVersion("2.0.4");
        }
    }

    /** The mistake: helm upgrade and nothing else. */
    @RequiresChartImages // it upgrades 2.0.3 to 2.0.4; an image override leaves no image upgrade to show
    @Nested
    @VaultTest
    @AutoUnseal
    @VaultDeployment(chartVersion = FROM_CHART, values = "classpath:values/awskms-raft.yaml",
            mode = DeploymentMode.FROM_VALUES)
    class HelmUpgradeAlone {

        @Test
        @Disruptive
        void leavesEveryPodRunningTheOldImage(VaultEnvironment vault, Chaos chaos) {
            try (ChartUpgrade upgrade = chaos.upgradeHelmOnly(NEXT_RELEASE)) {
                assertThat(upgrade.templateImage()).as("the StatefulSet's new pod template").isEqualTo(TO_IMAGE);
                assertThat(upgrade.restartedPods()).as("pods restarted by helm upgrade").isEmpty();
                assertThat(upgrade.imagesAfter().values()).extracting(PodImage::specImage).containsOnly(FROM_IMAGE);
            }

            assertThat(vault.snapshot()).hasVersion("2.0.3");
        }
    }
}
