package dev.vaulttest.samples.devmode;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.assertj.SecretCanary;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.chaos.Grace;
import dev.vaulttest.chaos.PodDeletion;
import dev.vaulttest.chaos.PodTarget;
import dev.vaulttest.chaos.RecoveryProbe;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.Finding;
import dev.vaulttest.check.OfflineCheck;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.junit5.Disruptive;
import dev.vaulttest.junit5.Shamir;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import dev.vaulttest.samples.support.KvMount;
import dev.vaulttest.samples.support.RequiresOfficialChart;
import dev.vaulttest.vault.Sensitive;
import dev.vaulttest.vault.VaultNodeClient;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Production mistake 1: dev mode left on. A dev-mode Vault keeps everything in memory, starts unsealed and
 * answers to the root token {@code root}; every secret is gone when its pod restarts. The static check flags the
 * values before anything is deployed; on a cluster the same secrets vanish from dev mode and survive on raft.
 */
class DevModeTest {

    /** The static check, on the official chart: no cluster, no Docker. */
    @Nested
    @RequiresOfficialChart
    class StaticCheck {

        @Test
        void flagsDevModeValuesAsAnError() {
            // tag::offline-check[]
            CheckReport report = OfflineCheck.builder()
                    .chart(ChartSource.official("0.34.1"))
                    .valuesFile(Path.of("src/test/resources/values/dev-mode.yaml"))
                    .build()
                    .run();

            assertThat(report)
                    .hasFinding("DEV_MODE", "StatefulSet/vault")
                    .findingsOf("DEV_MODE")
                    .extracting(Finding::severity)
                    .containsOnly(Severity.ERROR);
            // end::offline-check[]
        }

        @Test
        void passesProductionValues() {
            CheckReport report = OfflineCheck.builder()
                    .chart(ChartSource.official("0.34.1"))
                    .valuesFile(Path.of("src/test/resources/values/production.yaml"))
                    .build()
                    .run();

            assertThat(report).doesNotHaveFinding("DEV_MODE");
        }
    }

    /** The mistake on a cluster: the values file as it is, dev mode and all. */
    @Nested
    @VaultTest
    @VaultDeployment(values = "classpath:values/dev-mode.yaml", mode = DeploymentMode.FROM_VALUES)
    class DevModeOnACluster {

        @Test
        void storesSecretsInMemoryAndAcceptsTheWellKnownRootToken(VaultEnvironment vault) {
            DeploymentSnapshot snapshot = vault.snapshot();
            assertThat(snapshot).hasStorageType("inmem").isUnsealed();

            VaultNodeClient anyoneWhoReadTheDocs = vault.active().anonymousClient().withToken(Sensitive.of("root"));
            long version = anyoneWhoReadTheDocs.putSecret("secret", "payments/db", Map.of("password", "hunter2"));
            assertThat(version)
                    .as("a write with the chart's default dev root token 'root' is accepted, so it is a root token")
                    .isPositive();
        }

        @Test
        @Disruptive
        void losesEverySecretWhenThePodRestarts(VaultEnvironment vault, Chaos chaos) {
            SecretCanary secrets = SecretCanary.write(vault.client(), "secret", 10);

            try (PodDeletion restart = chaos.deletePods(PodTarget.all(), Grace.GRACEFUL)) {
                restart.recovery().await(RecoveryProbe.allUnsealed());
            }

            SecretCanary.Check afterRestart = secrets.check(vault.client());
            assertThat(afterRestart.missing())
                    .as("secrets written to a dev-mode Vault, read back after its pod restarted (%s)", secrets)
                    .containsExactlyElementsOf(secrets.paths());
        }
    }

    /** The fix on a cluster: integrated storage on per-pod volumes. */
    @Nested
    @VaultTest
    @Shamir
    @VaultDeployment(values = "classpath:values/shamir-raft.yaml", mode = DeploymentMode.FROM_VALUES)
    class RaftOnACluster {

        @Test
        @Disruptive
        void keepsEverySecretWhenEveryPodRestarts(VaultEnvironment vault, Chaos chaos) {
            KvMount.ensure(vault.client(), "secret");
            SecretCanary secrets = SecretCanary.write(vault.client(), "secret", 10);

            try (PodDeletion restart = chaos.deletePods(PodTarget.all(), Grace.GRACEFUL)) {
                // Shamir: restarted pods come back sealed; the keys from init unseal them (see the autounseal suite).
                vault.unsealAll(vault.spec().timeouts().podsRunning().plus(vault.spec().timeouts().ready()));
                restart.recovery().await(RecoveryProbe.readyGate());
            }

            assertThat(secrets).survivedOn(vault);
            assertThat(vault.snapshot()).isNotInDevMode().hasStorageType("raft");
        }
    }
}
