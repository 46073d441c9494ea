package dev.vaulttest.vault;

import static dev.vaulttest.fixture.RealVault.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.RealVault;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Raft snapshot save, restore and forced restore on real single-node clusters. */
@Execution(ExecutionMode.CONCURRENT)
class SnapshotRealVaultTest {

    private static final Duration RESTORE = Duration.ofSeconds(60);

    @TempDir
    Path dir;

    private final List<VaultProcessCluster> clusters = new CopyOnWriteArrayList<>();

    /** A single active node with kv-v2 at {@code kv/}. */
    private record Node(VaultProcessCluster vault, VaultNodeClient client, VaultNodeClient root, InitResult init) {
    }

    private Node activeNode() {
        VaultProcessCluster vault = VaultProcessCluster.builder(RealVault.binaries()).nodes(1).start();
        clusters.add(vault);
        VaultNodeClient client = client(vault.node(0));
        InitResult init = RealVault.initActive(client, 1, 1);
        VaultNodeClient root = client.withToken(init.rootToken());
        root.enableKvV2("kv");
        return new Node(vault, client, root, init);
    }

    @AfterEach
    void stop() {
        clusters.forEach(VaultProcessCluster::close);
    }

    @Test
    void a_saved_snapshot_is_a_complete_archive() throws IOException {
        Node node = activeNode();
        node.root().putSecret("kv", "app", Map.of("v", "1"));
        Path file = dir.resolve("snap.gz");

        long size = node.root().saveSnapshot(file);

        assertThat(size).isPositive().isEqualTo(Files.size(file));
        assertThat(SnapshotArchive.isComplete(SnapshotArchive.entries(file))).isTrue();
    }

    @Test
    void a_restore_answers_at_once_and_the_data_reverts_to_the_snapshot() {
        Node node = activeNode();
        node.root().putSecret("kv", "app", Map.of("v", "before"));
        Path file = dir.resolve("snap.gz");
        node.root().saveSnapshot(file);
        node.root().putSecret("kv", "app", Map.of("v", "after"));

        node.root().restoreSnapshot(file);

        Optional<KvSecret> reverted = Wait.until("kv/app back at the snapshot's value", RESTORE,
                Duration.ofMillis(200), () -> node.root().getSecret("kv", "app"),
                s -> s.map(secret -> "before".equals(secret.data().get("v"))).orElse(false),
                s -> s.map(secret -> secret.data().toString()).orElse("absent"));
        assertThat(reverted).isPresent();
        assertThat(node.client().sealStatus().sealed()).isFalse();
    }

    @Test
    void a_snapshot_of_another_cluster_is_refused_unless_forced_and_a_forced_restore_seals_under_shamir() {
        Node source = activeNode();
        source.root().putSecret("kv", "app", Map.of("v", "from-source"));
        Path file = dir.resolve("source.gz");
        source.root().saveSnapshot(file);
        Node target = activeNode();

        assertThatThrownBy(() -> target.root().restoreSnapshot(file))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(400));

        target.root().restoreSnapshotForced(file);

        RealVault.awaitSealStatus(target.client(), "sealed by the forced restore", SealStatus::sealed, RESTORE);
        target.client().unseal(source.init().keys());
        RealVault.awaitActive(target.client(), Duration.ofSeconds(30));
        VaultNodeClient sourceRootOnTarget = target.client().withToken(source.init().rootToken());
        assertThat(sourceRootOnTarget.getSecret("kv", "app")).hasValueSatisfying(
                secret -> assertThat(secret.data()).containsEntry("v", "from-source"));
    }

    @Test
    void a_garbage_snapshot_is_a_server_error() throws IOException {
        Node node = activeNode();
        Path garbage = Files.writeString(dir.resolve("garbage.gz"), "this is not a snapshot");

        assertThatThrownBy(() -> node.root().restoreSnapshot(garbage))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
    }
}
