package dev.vaulttest.vault;

import static dev.vaulttest.fixture.RealVault.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.RealVault;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import dev.vaulttest.vault.HealthStatus.HealthState;
import dev.vaulttest.vault.VaultNodeClient.InitRequest;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import dev.vaulttest.vault.VaultNodeClient.LeaderStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/** Init, unseal, seal and the status endpoints of one real Vault node, through the library's client. */
@Execution(ExecutionMode.CONCURRENT)
class VaultNodeLifecycleRealVaultTest {

    private final List<VaultProcessCluster> clusters = new CopyOnWriteArrayList<>();

    private VaultNodeClient singleNode() {
        VaultProcessCluster vault = VaultProcessCluster.builder(RealVault.binaries()).nodes(1).start();
        clusters.add(vault);
        return client(vault.node(0));
    }

    @AfterEach
    void stop() {
        clusters.forEach(VaultProcessCluster::close);
    }

    @Test
    void an_uninitialised_node_reports_501_and_not_initialised() {
        VaultNodeClient node = singleNode();

        HealthStatus health = node.health();
        SealStatus seal = node.sealStatus();

        assertThat(health.state()).isEqualTo(HealthState.NOT_INITIALIZED);
        assertThat(health.httpStatus()).isEqualTo(501);
        assertThat(health.initialized()).isFalse();
        assertThat(seal.initialized()).isFalse();
        assertThat(seal.sealed()).isTrue();
        assertThat(seal.type()).isEqualTo("shamir");
        assertThat(seal.storageType()).isEqualTo("raft");
        assertThat(node.isInitialized()).isFalse();
    }

    @Test
    void shamir_init_returns_the_keys_and_leaves_the_node_sealed_with_health_503() {
        VaultNodeClient node = singleNode();

        InitResult init = node.init(InitRequest.shamir(3, 2));

        assertThat(init.keys()).hasSize(3);
        assertThat(init.keysBase64()).hasSize(3);
        assertThat(init.recoveryKeys()).isEmpty();
        assertThat(init.rootToken().reveal()).startsWith("hvs.");
        assertThat(init.toString()).doesNotContain(init.rootToken().reveal(), init.keys().get(0).reveal());
        assertThat(node.isInitialized()).isTrue();
        SealStatus seal = node.sealStatus();
        assertThat(seal.sealed()).isTrue();
        assertThat(seal.threshold()).isEqualTo(2);
        assertThat(seal.shares()).isEqualTo(3);
        assertThat(node.health().state()).isEqualTo(HealthState.SEALED);
        assertThat(node.health().httpStatus()).isEqualTo(503);
    }

    @Test
    void kv_on_a_sealed_node_fails_with_vaults_503_and_its_error() {
        VaultNodeClient node = singleNode();
        VaultNodeClient root = node.withToken(node.init(InitRequest.shamir(1, 1)).rootToken());

        assertThatThrownBy(() -> root.getSecret("secret", "app"))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.errors()).containsExactly("Vault is sealed");
                    assertThat(e.operation()).isEqualTo(VaultOperation.KV_GET);
                });
        assertThatThrownBy(() -> root.putSecret("secret", "app", Map.of("k", "v")))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.errors()).containsExactly("Vault is sealed");
                    assertThat(e.operation()).isEqualTo(VaultOperation.KV_PUT);
                })
                .hasMessageContaining("(POST /v1/secret/data/app) with HTTP 503");
    }

    @Test
    void unseal_reports_progress_per_share_and_reset_discards_it() {
        VaultNodeClient node = singleNode();
        InitResult init = node.init(InitRequest.shamir(3, 2));
        List<SealStatus> progress = new ArrayList<>();

        assertThatThrownBy(() -> node.unseal(init.keys().subList(0, 1), progress::add))
                .isInstanceOf(VaultApiException.class)
                .hasMessageContaining("still sealed after all 1 key share(s)");
        assertThat(progress).extracting(SealStatus::progress).containsExactly(1);
        assertThat(progress.get(0).nonce()).isNotBlank();

        SealStatus reset = node.resetUnseal();

        assertThat(reset.progress()).isZero();
        assertThat(reset.sealed()).isTrue();
    }

    @Test
    void unseal_with_the_threshold_of_shares_makes_the_node_active() {
        VaultNodeClient node = singleNode();
        InitResult init = node.init(InitRequest.shamir(3, 2));

        SealStatus unsealed = node.unseal(init.keys());

        assertThat(unsealed.sealed()).isFalse();
        assertThat(unsealed.progress()).isZero();
        RealVault.awaitActive(node, Duration.ofSeconds(30));
        HealthStatus health = node.health();
        assertThat(health.httpStatus()).isEqualTo(200);
        assertThat(health.version()).isEqualTo(RealVault.binaries().vaultVersion());
        LeaderStatus leader = node.withToken(init.rootToken()).leader();
        assertThat(leader.haEnabled()).isTrue();
        assertThat(leader.isSelf()).isTrue();
        assertThat(leader.leaderAddress()).isEqualTo(node.endpoint().baseUri().toString());
    }

    @Test
    void base64_shares_unseal_as_well_as_hex_shares() {
        VaultNodeClient node = singleNode();
        InitResult init = node.init(InitRequest.shamir(3, 2));

        assertThat(node.unseal(init.keysBase64()).sealed()).isFalse();
    }

    @Test
    void a_share_of_another_cluster_is_taken_until_the_threshold_and_then_refused_with_400() {
        VaultNodeClient node = singleNode();
        InitResult init = node.init(InitRequest.shamir(3, 2));
        VaultNodeClient other = singleNode();
        Sensitive foreign = other.init(InitRequest.shamir(3, 2)).keys().get(0);
        List<SealStatus> answers = new ArrayList<>();

        assertThatThrownBy(() -> node.unseal(List.of(foreign, init.keys().get(0)), answers::add))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errors()).isNotEmpty();
                })
                .hasMessageNotContaining(foreign.reveal())
                .hasMessageNotContaining(init.keys().get(0).reveal());
        assertThat(answers).extracting(SealStatus::progress).containsExactly(1);
        assertThat(node.sealStatus().progress()).as("progress after the refusal").isZero();
    }

    @Test
    void sealing_an_unsealed_node_seals_it_and_sealing_again_is_accepted() {
        VaultNodeClient node = singleNode();
        InitResult init = node.init(InitRequest.shamir(3, 2));
        node.unseal(init.keys());
        RealVault.awaitActive(node, Duration.ofSeconds(30));
        VaultNodeClient root = node.withToken(init.rootToken());

        root.seal();

        assertThat(node.sealStatus().sealed()).isTrue();
        root.seal();
        assertThat(node.sealStatus().sealed()).isTrue();
    }

    @Test
    void reset_on_an_unsealed_node_is_a_400_vault_is_unsealed() {
        VaultNodeClient node = singleNode();
        InitResult init = node.init(InitRequest.shamir(3, 2));
        node.unseal(init.keys());

        assertThatThrownBy(node::resetUnseal).isInstanceOfSatisfying(VaultApiException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.hasError("vault is unsealed")).isTrue();
        });
    }

    @Test
    void leader_of_a_sealed_node_is_a_503_not_an_answer() {
        VaultNodeClient node = singleNode();
        node.init(InitRequest.shamir(3, 2));

        assertThatThrownBy(node::leader).isInstanceOfSatisfying(VaultApiException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(503));
    }

    @Test
    void a_second_init_is_a_400_already_initialized() {
        VaultNodeClient node = singleNode();
        node.init(InitRequest.shamir(3, 2));

        assertThatThrownBy(() -> node.init(InitRequest.shamir(3, 2)))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.hasError("already initialized")).isTrue();
                });
    }

    @Test
    void a_restarted_shamir_node_comes_back_sealed_with_its_data() {
        VaultProcessCluster vault = VaultProcessCluster.builder(RealVault.binaries()).nodes(1).start();
        clusters.add(vault);
        VaultNodeClient node = client(vault.node(0));
        InitResult init = RealVault.initActive(node, 3, 2);
        VaultNodeClient root = node.withToken(init.rootToken());
        root.enableKvV2("kv");
        root.putSecret("kv", "app/config", java.util.Map.of("password", "s3cret"));

        vault.restart(vault.node(0));

        assertThat(node.sealStatus().sealed()).isTrue();
        assertThat(node.sealStatus().initialized()).isTrue();
        node.unseal(init.keys());
        RealVault.awaitActive(node, Duration.ofSeconds(30));
        assertThat(root.getSecret("kv", "app/config")).hasValueSatisfying(
                secret -> assertThat(secret.data()).containsEntry("password", "s3cret"));
    }
}
