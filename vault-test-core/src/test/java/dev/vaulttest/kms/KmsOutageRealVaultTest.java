package dev.vaulttest.kms;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.RealVault;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.testkit.real.LabBinaries;
import dev.vaulttest.testkit.real.LocalKmsProcess;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;

/**
 * What a Vault that starts during a KMS outage does, which decides how {@code KmsOutage} must model one: a
 * paused KMS (the port accepts, nothing answers) leaves Vault hanging before its listener opens; a refused port
 * makes it exit at once.
 */
// Its tests own their processes: beside other classes, and beside each other.
@Execution(ExecutionMode.CONCURRENT)
class KmsOutageRealVaultTest {

    private static final String ALIAS = "alias/vault-test-outage";

    @Test
    void a_vault_starting_against_a_paused_kms_hangs_instead_of_failing() {
        LabBinaries binaries = RealVault.binaries();
        try (LocalKmsProcess kms = LocalKmsProcess.start(binaries)) {
            new KmsApiClient(kms.endpoint(), kms.region(), AwsCredentials.emulatorDefaults()).ensureKeyWithAlias(ALIAS);
            kms.pause();

            assertThatThrownBy(() -> VaultProcessCluster.builder(binaries).nodes(1)
                    .awsKms(new VaultProcessCluster.AwsKms(kms.endpoint(), kms.region(), ALIAS))
                    .startTimeout(Duration.ofSeconds(8)).start())
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("Timed out")
                    .hasMessageContaining("to answer");
        }
    }

    @Test
    void a_vault_starting_against_a_refused_kms_port_exits_at_once() {
        LabBinaries binaries = RealVault.binaries();
        java.net.URI refused;
        try (LocalKmsProcess kms = LocalKmsProcess.start(binaries)) {
            refused = kms.endpoint();
        }

        assertThatThrownBy(() -> VaultProcessCluster.builder(binaries).nodes(1)
                .awsKms(new VaultProcessCluster.AwsKms(refused, LocalKmsProcess.REGION, ALIAS))
                .startTimeout(Duration.ofSeconds(20)).start())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("exited with 1")
                .hasMessageContaining("connection refused");
    }
}
