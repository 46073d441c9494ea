package dev.vaulttest.samples.sharing;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.samples.support.KvMount;
import dev.vaulttest.vault.VaultNodeClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * One of the classes on the team's shared deployment. It writes under a mount of its own, since the other
 * classes see the same Vault; {@link KvMount#ensure} leaves the mount alone when it is there already (the
 * deployment outlives the class).
 */
@TeamVault
class SecretsTest {

    private static final String MOUNT = "sharing-secrets";

    @Test
    void aSecretWrittenTwiceKeepsBothVersions(VaultNodeClient vault) {
        KvMount.ensure(vault, MOUNT);
        long first = vault.putSecret(MOUNT, "payments/db", Map.of("password", "first"));
        long second = vault.putSecret(MOUNT, "payments/db", Map.of("password", "second"));

        assertThat(second).isEqualTo(first + 1);
        assertThat(vault.getSecret(MOUNT, "payments/db"))
                .hasValueSatisfying(secret -> assertThat(secret.data()).containsEntry("password", "second"));
    }
}
