package dev.vaulttest.vault;

import static dev.vaulttest.vault.FakeNodes.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.internal.Wait;
import dev.vaulttest.testkit.FakeVaultCluster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Raft snapshot save and restore (normal and forced) against the double, and broken downloads. A restore
 * answers at once and applies in the background, as on real Vault, so the tests wait for its effect.
 */
class VaultNodeClientSnapshotTest {

    private static final Duration RESTORE = Duration.ofSeconds(10);
    private static final Duration POLL = Duration.ofMillis(50);

    @TempDir
    Path dir;

    private FakeVaultCluster cluster;
    private FakeVaultCluster.Bootstrap keys;
    private VaultNodeClient root;

    @BeforeEach
    void start() {
        cluster = FakeVaultCluster.builder().nodes(3).start();
        keys = cluster.bootstrap(1, 1);
        root = FakeNodes.leader(cluster, Sensitive.of(keys.rootToken()));
        root.enableKvV2("kv");
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    @Test
    void savedSnapshotIsACompleteArchiveAndRestoreRevertsData() throws IOException {
        root.putSecret("kv", "app", Map.of("v", "before"));
        Path snapshot = dir.resolve("backup/before.snap");

        long size = root.saveSnapshot(snapshot);
        root.putSecret("kv", "app", Map.of("v", "after"));
        root.restoreSnapshot(snapshot);

        assertThat(size).isEqualTo(Files.size(snapshot)).isPositive();
        assertThat(SnapshotArchive.isComplete(SnapshotArchive.entries(snapshot))).isTrue();
        assertThat(awaitValue(root, "before")).map(KvSecret::data).contains(Map.of("v", "before"));
        assertThat(root.sealStatus().isUnsealed()).isTrue();
        assertThat(Files.list(snapshot.getParent())).containsExactly(snapshot);
    }

    @Test
    void snapshotOfAnotherClusterNeedsTheForcedRestoreAndItsKeys() {
        root.putSecret("kv", "app", Map.of("v", "from-source"));
        Path snapshot = dir.resolve("source.snap");
        root.saveSnapshot(snapshot);
        try (FakeVaultCluster target = FakeVaultCluster.builder().nodes(1).start()) {
            VaultNodeClient targetRoot = client(target, 0)
                    .withToken(Sensitive.of(target.bootstrap(1, 1).rootToken()));

            assertThatThrownBy(() -> targetRoot.restoreSnapshot(snapshot))
                    .isInstanceOfSatisfying(VaultApiException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(400);
                        assertThat(e.hasError("use the snapshot-force API")).isTrue();
                        assertThat(e.operation()).isEqualTo(VaultOperation.SNAPSHOT_RESTORE);
                    });

            targetRoot.restoreSnapshotForced(snapshot);

            assertThat(Wait.until("target sealed by the forced restore", RESTORE, POLL, targetRoot::sealStatus,
                    SealStatus::sealed, s -> "sealed=" + s.sealed()).sealed()).isTrue();
            targetRoot.unseal(FakeNodes.keys(keys.unsealKeysHex()));
            VaultNodeClient sourceRoot = client(target, 0).withToken(Sensitive.of(keys.rootToken()));
            assertThat(sourceRoot.getSecret("kv", "app")).map(KvSecret::data).contains(Map.of("v", "from-source"));
        }
    }

    @Test
    void restoringAMissingFileFailsBeforeSending() {
        assertThatThrownBy(() -> root.restoreSnapshot(dir.resolve("missing.snap")))
                .isInstanceOf(VaultApiException.class).hasMessageContaining("does not exist");
    }

    @Test
    void restoringGarbageIsAServerError() throws IOException {
        Path garbage = Files.writeString(dir.resolve("garbage.snap"), "not a snapshot");

        assertThatThrownBy(() -> root.restoreSnapshot(garbage))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
    }

    @Test
    void restoreAnswersBeforeTheDataReverts() {
        try (FakeVaultCluster slow = FakeVaultCluster.builder().snapshotRestoreDelay(Duration.ofMinutes(5))
                .start()) {
            VaultNodeClient slowRoot = client(slow, 0).withToken(Sensitive.of(slow.bootstrap(1, 1).rootToken()));
            slowRoot.enableKvV2("kv");
            slowRoot.putSecret("kv", "app", Map.of("v", "before"));
            Path snapshot = dir.resolve("slow.snap");
            slowRoot.saveSnapshot(snapshot);
            slowRoot.putSecret("kv", "app", Map.of("v", "after"));

            slowRoot.restoreSnapshot(snapshot);

            assertThat(slowRoot.getSecret("kv", "app")).map(KvSecret::data).contains(Map.of("v", "after"));
        }
    }

    private static Optional<KvSecret> awaitValue(VaultNodeClient client, String value) {
        return Wait.until("kv/app back at the snapshot's value", RESTORE, POLL, () -> client.getSecret("kv", "app"),
                secret -> secret.map(s -> value.equals(s.data().get("v"))).orElse(false),
                secret -> secret.map(s -> s.data().toString()).orElse("absent"));
    }

    @Test
    void truncatedDownloadIsRejectedAndNoFileIsLeft() throws IOException {
        byte[] truncated = Arrays.copyOf(gzip(new byte[700]), 20);
        try (StubVault stub = StubVault.with(request -> new StubVault.Answer(200, "application/gzip", truncated,
                Duration.ZERO))) {
            VaultNodeClient node = VaultNodeClient.create(VaultEndpoint.of("stub", stub.uri()))
                    .withToken(Sensitive.of("root"));
            Path target = dir.resolve("truncated.snap");

            assertThatThrownBy(() -> node.saveSnapshot(target)).isInstanceOf(VaultApiException.class)
                    .hasMessageContaining("not a complete gzip-compressed tar archive");
            assertThat(Files.list(dir)).isEmpty();
        }
    }

    @Test
    void archiveWithoutSealedSumsIsIncomplete() throws IOException {
        byte[] emptyTar = gzip(new byte[1024]);
        try (StubVault stub = StubVault.with(request -> new StubVault.Answer(200, "application/gzip", emptyTar,
                Duration.ZERO))) {
            VaultNodeClient node = VaultNodeClient.create(VaultEndpoint.of("stub", stub.uri()))
                    .withToken(Sensitive.of("root"));

            assertThatThrownBy(() -> node.saveSnapshot(dir.resolve("empty.snap"))).isInstanceOf(VaultApiException.class)
                    .hasMessageContaining("incomplete snapshot: no non-empty SHA256SUMS.sealed");
        }
    }

    @Test
    void snapshotErrorStatusCarriesVaultsErrors() {
        try (StubVault stub = StubVault.answering(403, "{\"errors\":[\"permission denied\"]}")) {
            VaultNodeClient node = VaultNodeClient.create(VaultEndpoint.of("stub", stub.uri()))
                    .withToken(Sensitive.of("root"));

            assertThatThrownBy(() -> node.saveSnapshot(dir.resolve("denied.snap")))
                    .isInstanceOfSatisfying(VaultApiException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(403);
                        assertThat(e.errors()).containsExactly("permission denied");
                    });
        }
    }

    private static byte[] gzip(byte[] content) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        }
        return bytes.toByteArray();
    }

}
