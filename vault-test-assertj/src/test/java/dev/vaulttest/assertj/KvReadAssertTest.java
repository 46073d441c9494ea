package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static dev.vaulttest.assertj.VaultAssertions.assertThatSecret;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.VaultDouble;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.vault.VaultNodeClient;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KvReadAssertTest {

    private static final String NL = System.lineSeparator();

    private VaultDouble vault;
    private VaultNodeClient root;

    @BeforeEach
    void writeASecret() {
        vault = VaultDouble.running(FakeVaultCluster.builder().nodes(1));
        root = vault.leaderClient();
        root.enableKvV2("secret");
        root.putSecret("secret", "app/db", Map.of("user", "app", "password", "s3cr3t-one"));
        root.putSecret("secret", "app/db", Map.of("user", "app", "password", "s3cr3t-two"));
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    @Test
    void an_existing_secret_passes_exists_contains_entry_and_has_data() {
        assertThatSecret(root, "secret", "app/db").exists()
                .containsEntry("user", "app")
                .containsEntry("password", "s3cr3t-two")
                .hasData(Map.of("user", "app", "password", "s3cr3t-two"));
        assertThatSecret(root, "secret", "app/missing").doesNotExist();
        assertThat(root.getSecret("secret", "app/db").orElseThrow()).containsEntry("user", "app");
    }

    @Test
    void a_missing_path_fails_exists_with_the_path_and_node() {
        assertThatThrownBy(() -> assertThatSecret(root, "secret", "app/missing").containsEntry("user", "app"))
                .hasMessage("Expecting kv secret secret/app/missing (read on vault-0)" + NL
                        + "  to exist" + NL
                        + "but Vault answered 404: it was never written, or was deleted");
    }

    @Test
    void an_existing_secret_fails_does_not_exist_with_its_field_names_only() {
        assertThatThrownBy(() -> assertThatSecret(root, "secret", "app/db").doesNotExist())
                .hasMessage("Expecting kv secret secret/app/db (read on vault-0)" + NL
                        + "  not to exist" + NL
                        + "but it exists: version 2 has fields [password, user]");
    }

    @Test
    void contains_entry_names_the_field_but_never_the_values() {
        assertThatThrownBy(() -> assertThatSecret(root, "secret", "app/db").containsEntry("password", "s3cr3t-one"))
                .hasMessage("Expecting kv secret secret/app/db (read on vault-0)" + NL
                        + "  to contain field 'password' with the given value" + NL
                        + "but field 'password' holds another value (values are not shown); version 2 has fields"
                        + " [password, user]")
                .message().doesNotContain("s3cr3t");
        assertThatThrownBy(() -> assertThatSecret(root, "secret", "app/db").containsEntry("host", "db"))
                .hasMessageContaining("but it has no field 'host'; version 2 has fields [password, user]");
    }

    @Test
    void has_data_lists_missing_unexpected_and_differing_fields() {
        assertThatThrownBy(() -> assertThatSecret(root, "secret", "app/db")
                .hasData(Map.of("password", "s3cr3t-one", "host", "db")))
                .hasMessageContaining("  to hold exactly the fields [host, password] with the given values" + NL
                        + "but missing fields [host], unexpected fields [user], fields with other values (values are"
                        + " not shown) [password]; version 2 has fields [password, user]")
                .message().doesNotContain("s3cr3t");
    }

    @Test
    void a_secret_given_directly_has_no_node_and_its_read_hides_values() {
        KvRead read = KvRead.of(root.getSecret("secret", "app/db").orElseThrow());

        assertThatThrownBy(() -> assertThat(read).doesNotExist())
                .hasMessageStartingWith("Expecting kv secret secret/app/db (read on (unknown node))");
        org.assertj.core.api.Assertions.assertThat(read.toString())
                .isEqualTo("KvRead[secret/app/db on (unknown node): KvSecret[secret/app/db v2 fields=[password, user]]]");
    }

    @Test
    void rejects_blank_paths_and_null_values() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatSecret(root, " ", "app/db"))
                .withMessage("The mount must not be blank but was ' '");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatSecret(root, "secret", "app/db")
                .containsEntry("user", null)).withMessage("The value of field 'user' must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatSecret(null, "secret", "app/db"))
                .withMessage("The client must not be null");
    }
}
