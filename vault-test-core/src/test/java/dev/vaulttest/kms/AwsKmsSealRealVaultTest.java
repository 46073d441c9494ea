package dev.vaulttest.kms;

import static dev.vaulttest.fixture.RealVault.client;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.fixture.RealVault;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.testkit.real.LabBinaries;
import dev.vaulttest.testkit.real.LocalKmsProcess;
import dev.vaulttest.testkit.real.VaultProcess;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import dev.vaulttest.vault.SealStatus;
import dev.vaulttest.vault.VaultNodeClient;
import dev.vaulttest.vault.VaultNodeClient.InitRequest;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * The library's KMS client against a real local-kms, and a real 3-node Vault cluster that auto-unseals through
 * it with {@code awskms} (followers join by {@code retry_join}, as the chart's HA values do).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Beside other classes, but its tests one after the other on the class's one cluster: a lock of the class's
// own makes JUnit run them in the class's thread.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("AwsKmsSealRealVaultTest")
class AwsKmsSealRealVaultTest {

    private static final String ALIAS = "alias/vault-test-unseal";

    private LocalKmsProcess kms;
    private KmsApiClient kmsClient;
    private String keyId;
    private VaultProcessCluster vault;
    private InitResult init;

    @BeforeAll
    void bringUp() {
        LabBinaries binaries = RealVault.binaries();
        kms = LocalKmsProcess.start(binaries);
        kmsClient = new KmsApiClient(kms.endpoint(), kms.region(), AwsCredentials.emulatorDefaults());
        keyId = kmsClient.ensureKeyWithAlias(ALIAS);
        vault = VaultProcessCluster.builder(binaries).nodes(3).retryJoin(true)
                .awsKms(new VaultProcessCluster.AwsKms(kms.endpoint(), kms.region(), ALIAS)).start();
        VaultNodeClient leader = client(vault.node(0));
        SealStatus before = leader.sealStatus();
        init = leader.init(InitRequest.matching(before, 3, 2));
    }

    @AfterAll
    void tearDown() {
        if (vault != null) {
            vault.close();
        }
        if (kms != null) {
            kms.close();
        }
    }

    @Test
    void the_kms_client_finds_the_existing_alias_instead_of_creating_a_second_key() {
        assertThat(kmsClient.ensureKeyWithAlias(ALIAS)).isEqualTo(keyId);
        assertThat(kmsClient.listAliases()).filteredOn(a -> a.name().equals(ALIAS))
                .singleElement().satisfies(a -> assertThat(a.targetKeyId()).contains(keyId));
        assertThat(kmsClient.keyState(ALIAS)).isEqualTo("Enabled");
    }

    @Test
    void the_kms_client_disables_and_enables_a_key() {
        String other = kmsClient.createKey("vault-test disable probe");

        kmsClient.disableKey(other);
        assertThat(kmsClient.keyState(other)).isEqualTo("Disabled");
        kmsClient.enableKey(other);
        assertThat(kmsClient.keyState(other)).isEqualTo("Enabled");
    }

    @Test
    void init_under_awskms_returns_recovery_keys_only() {
        assertThat(init.isAutoUnseal()).isTrue();
        assertThat(init.keys()).isEmpty();
        assertThat(init.recoveryKeys()).hasSize(3);
        assertThat(init.recoveryKeysBase64()).hasSize(3);
    }

    @Test
    void every_node_unseals_itself_and_joins_by_retry_join() {
        List<VaultNodeClient> nodes = RealVault.clients(vault);
        for (VaultProcess process : vault.nodes()) {
            SealStatus status = RealVault.awaitSealStatus(process, "unsealed by the KMS", SealStatus::isUnsealed,
                    Duration.ofSeconds(90));
            assertThat(status.type()).isEqualTo("awskms");
            assertThat(status.recoverySeal()).isTrue();
            assertThat(status.isAutoUnseal()).isTrue();
        }
        VaultNodeClient root = nodes.get(0).withToken(init.rootToken());
        assertThat(Wait.until("three raft members", Duration.ofSeconds(90), Duration.ofMillis(250),
                root::raftConfiguration, c -> c.servers().size() == 3, c -> c.servers().toString()).servers())
                .hasSize(3);
    }

    @Test
    void the_environment_beats_the_seal_stanza_even_with_disallow_env_vars_and_another_region() {
        // What the library's fit relies on: AWS_KMS_ENDPOINT and AWS_REGION from the pod environment reach the
        // seal whatever the stanza says, because Vault merges them into the seal configuration itself.
        try (VaultProcessCluster node = VaultProcessCluster.builder(RealVault.binaries()).nodes(1)
                .awsKms(new VaultProcessCluster.AwsKms(kms.endpoint(), kms.region(), ALIAS, java.util.Map.of(
                        "disallow_env_vars", "true", "region", "eu-central-1",
                        "endpoint", "http://127.0.0.1:1")))
                .start()) {
            VaultNodeClient client = client(node.node(0));

            InitResult result = client.init(InitRequest.autoUnseal(1, 1));

            assertThat(result.isAutoUnseal()).isTrue();
            assertThat(RealVault.awaitSealStatus(client, "unsealed by the KMS the environment names",
                    SealStatus::isUnsealed, Duration.ofSeconds(60)).type()).isEqualTo("awskms");
        }
    }

    @Test
    void a_restarted_node_unseals_itself_through_the_kms() {
        RealVault.awaitSealStatus(vault.node(1), "unsealed by the KMS", SealStatus::isUnsealed,
                Duration.ofSeconds(90));

        vault.restart(vault.node(1));

        SealStatus status = RealVault.awaitSealStatus(vault.node(1), "unsealed by the KMS after a restart",
                SealStatus::isUnsealed, Duration.ofSeconds(60));
        assertThat(status.initialized()).isTrue();
    }
}
