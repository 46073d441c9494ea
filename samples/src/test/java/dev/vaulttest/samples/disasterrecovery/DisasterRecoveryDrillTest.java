package dev.vaulttest.samples.disasterrecovery;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static dev.vaulttest.assertj.VaultAssertions.eventually;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.VaultNode;
import dev.vaulttest.assertj.SecretCanary;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.chaos.Disruption;
import dev.vaulttest.chaos.RecoveryProbe;
import dev.vaulttest.junit5.Disruptive;
import dev.vaulttest.junit5.Shamir;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import dev.vaulttest.samples.support.KvMount;
import dev.vaulttest.vault.VaultNodeClient;
import java.nio.file.Path;
import java.util.Objects;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Production mistake 6, the one nobody rehearses: a disaster recovery drill. Take a raft snapshot, lose every data
 * volume, restore the snapshot into a fresh deployment and find every secret back.
 *
 * <p>The drill uses Shamir so that the snapshot is portable: it is sealed with the old cluster's keys, and a fresh
 * deployment can read it once it is unsealed with them. Under auto-unseal the fresh deployment must use the same KMS
 * key. Either way the drill shows what the runbook needs besides the snapshot file: the old unseal (or recovery) keys
 * and a token of the old cluster, because the restore brings back the old token store too.
 *
 * <p>Cost: the test leaves the class's own deployment without data on purpose, so it says so
 * ({@code @Disruptive(rebuild = true)}) and the extension replaces the deployment afterwards at once, instead of
 * waiting out the recovery timeout first.
 */
@VaultTest
@Shamir
@VaultDeployment(values = "classpath:values/shamir-raft.yaml", mode = DeploymentMode.FROM_VALUES)
class DisasterRecoveryDrillTest {

    @Test
    @Disruptive(rebuild = true)
    void aRaftSnapshotRestoresEverySecretIntoAFreshDeploymentAfterEveryVolumeIsLost(VaultEnvironment production,
            @TempDir Path backups, Chaos chaos) {
        KvMount.ensure(production.client(), "secret");
        SecretCanary secrets = SecretCanary.write(production.client(), "secret", 25);

        // 1. The backup, as a scheduled job takes it: a raft snapshot from the active node.
        Path snapshot = backups.resolve("vault-raft.snap");
        assertThat(production.client().saveSnapshot(snapshot)).as("snapshot size in bytes").isPositive();

        // 2. The disaster: every data volume is gone at once; the pods come back on new, empty volumes.
        //    (One volume at a time would not do it: raft copies a lost node's data back from the others.)
        try (Disruption stopped = chaos.scaleStatefulSet(0)) {
            for (VaultNode node : production.nodes()) {
                deleteDataVolumeClaim(production, node);
            }
            stopped.close();
            stopped.recovery().await(RecoveryProbe.of("every node back, empty and uninitialised",
                    after -> after.nodes().size() == after.expectedReplicas() && after.nodes().stream()
                            .allMatch(node -> node.role() == NodeRole.UNINITIALIZED)));
        }
        assertThat(production.snapshot().nodes())
                .as("every node after the volumes were lost")
                .extracting(NodeSnapshot::role)
                .containsOnly(NodeRole.UNINITIALIZED);

        // 3. The recovery: a fresh single-node deployment on the same cluster, the snapshot restored into it.
        VaultEnvironmentSpec restoreTarget = production.spec().toBuilder()
                .values(production.spec().values().toBuilder().set("server.ha.replicas=1").build())
                .build();
        try (VaultEnvironment fresh = VaultEnvironment.start(restoreTarget, production.cluster())) {
            fresh.client().restoreSnapshotForced(snapshot);

            // The restored barrier is encrypted with the old cluster's keys: the node seals itself, and only the
            // old unseal keys open it. Its tokens are the old cluster's too.
            VaultNode restored = fresh.nodes().get(0);
            eventually(fresh.spec().timeouts().ready())
                    .named(restored.name() + " sealed by the forced restore")
                    .untilAsserted(() -> assertThat(restored.snapshot()).isSealed());
            restored.anonymousClient().unseal(production.unsealKeys());
            eventually(fresh.spec().timeouts().ready())
                    .named(restored.name() + " unsealed with the old cluster's keys and active")
                    .untilAsserted(() -> assertThat(restored.snapshot()).isUnsealed().isActive());

            VaultNodeClient withOldRootToken = restored.anonymousClient().withToken(production.rootToken());
            assertThat(secrets).survivedOn(withOldRootToken);
        }
    }

    /** Deletes a node's data claim ({@code data-<pod>}, the chart's volumeClaimTemplate) and waits until it is gone. */
    private static void deleteDataVolumeClaim(VaultEnvironment vault, VaultNode node) {
        var claim = vault.kubernetes().persistentVolumeClaims().inNamespace(vault.namespace())
                .withName("data-" + node.name());
        claim.delete();
        claim.waitUntilCondition(Objects::isNull, vault.spec().timeouts().podsRunning().toSeconds(), TimeUnit.SECONDS);
    }
}
