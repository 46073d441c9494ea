package dev.vaulttest.kms;

import static dev.vaulttest.fixture.RealVault.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.RealVault;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.testkit.real.LocalKmsProcess;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import dev.vaulttest.vault.SealStatus;
import dev.vaulttest.vault.VaultNodeClient;
import dev.vaulttest.vault.VaultNodeClient.InitRequest;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * {@link KmsProvider#EXTERNAL} against a real local-kms that the library did not start (a process of the test, as
 * the lab runs it on a node): the key the library creates through it auto-unseals a real Vault, its keys can be
 * disabled, it cannot be paused, and it keeps running after the library lets go of it.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Beside other classes, but its tests one after the other on the class's one cluster: a lock of the class's
// own makes JUnit run them in the class's thread.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("ExternalKmsRealVaultTest")
class ExternalKmsRealVaultTest {

    private static final String ALIAS = "alias/vault-test-external";

    private LocalKmsProcess localKms;
    private ExternalKms external;
    private KmsEmulator emulator;

    @BeforeAll
    void connect() {
        localKms = LocalKmsProcess.start(RealVault.binaries());
        external = ExternalKms.at(localKms.endpoint()).inRegion(LocalKmsProcess.REGION);
        emulator = ExternalKmsEmulator.connect(external, "eu-central-1");
    }

    @AfterAll
    void tearDown() {
        if (emulator != null) {
            emulator.close();
        }
        if (localKms != null) {
            localKms.close();
        }
    }

    @Test
    void the_emulators_own_region_is_used_and_its_key_auto_unseals_a_real_vault_again_after_a_restart() {
        assertThat(emulator.region()).isEqualTo(LocalKmsProcess.REGION);
        String keyId = emulator.createKeyWithAlias(ALIAS);
        assertThat(emulator.createKeyWithAlias(ALIAS)).isEqualTo(keyId);

        try (VaultProcessCluster vault = VaultProcessCluster.builder(RealVault.binaries()).nodes(1)
                .awsKms(new VaultProcessCluster.AwsKms(emulator.endpointForPods(), emulator.region(), ALIAS))
                .start()) {
            VaultNodeClient node = client(vault.node(0));
            InitResult init = node.init(InitRequest.autoUnseal(1, 1));
            SealStatus unsealed = RealVault.awaitSealStatus(node, "unsealed by the external KMS",
                    SealStatus::isUnsealed, Duration.ofSeconds(60));

            vault.restart(vault.node(0));

            assertThat(init.isAutoUnseal()).isTrue();
            assertThat(unsealed.type()).isEqualTo("awskms");
            assertThat(RealVault.awaitSealStatus(client(vault.node(0)), "unsealed by the external KMS after a"
                    + " restart", SealStatus::isUnsealed, Duration.ofSeconds(60)).initialized()).isTrue();
        }
    }

    @Test
    void a_key_is_disabled_and_enabled_through_its_api() {
        String keyId = emulator.createKeyWithAlias("alias/vault-test-external-disable");

        emulator.disableKey(keyId);
        String disabled = emulator.keyState(keyId);
        emulator.enableKey(keyId);

        assertThat(disabled).isEqualTo("Disabled");
        assertThat(emulator.keyState("alias/vault-test-external-disable")).isEqualTo("Enabled");
    }

    @Test
    void it_cannot_be_paused_and_keeps_running_with_its_keys_after_the_handle_is_closed() {
        KmsEmulator handle = ExternalKmsEmulator.connect(external, LocalKmsProcess.REGION);
        String keyId = handle.createKeyWithAlias("alias/vault-test-external-outlives");

        assertThatThrownBy(handle::makeUnreachable).isInstanceOf(UnsupportedOperationException.class)
                .hasMessageContaining("cannot be made unreachable by the library");
        handle.close();

        assertThat(localKms.running()).isTrue();
        assertThat(new KmsApiClient(localKms.endpoint(), LocalKmsProcess.REGION, AwsCredentials.emulatorDefaults())
                .keyState(keyId)).isEqualTo("Enabled");
    }
}
