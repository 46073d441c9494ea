package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.fixture.VaultDouble;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.vault.VaultNodeClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretCanaryAssertTest {

    private static final String NL = System.lineSeparator();
    private static final String UUID_PATTERN = "(?s).*[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}.*";

    @Test
    void canaries_survive_a_standby_restart_and_are_readable_through_every_node() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            vault.leaderClient().enableKvV2("secret");
            SecretCanary canary = SecretCanary.write(vault.leaderClient(), "secret", 3);

            vault.restart("vault-1");
            vault.client("vault-1").unseal(vault.unsealKeys().subList(0, 2).stream()
                    .map(dev.vaulttest.vault.Sensitive::of).toList());

            assertThat(canary).survivedOn(FakeEnvironment.over(vault))
                    .survivedOn(vault.client("vault-2").withToken(vault.rootToken()));
            org.assertj.core.api.Assertions.assertThat(canary.paths()).hasSize(3)
                    .allMatch(path -> path.startsWith(canary.prefix() + "/"));
            org.assertj.core.api.Assertions.assertThat(canary.prefix()).matches("vault-test-canary/[0-9a-f]{8}");
            org.assertj.core.api.Assertions.assertThat(canary.toString())
                    .isEqualTo("3 canary secret(s) under secret/" + canary.prefix() + " written on vault-0 at "
                            + canary.writtenAt())
                    .doesNotMatch(UUID_PATTERN);
        }
    }

    @Test
    void canaries_in_dev_mode_are_lost_on_restart_and_the_message_says_why() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().devMode("root"))) {
            FakeEnvironment env = FakeEnvironment.over(vault);
            SecretCanary canary = SecretCanary.write(vault.leaderClient(), "secret", "canary", 2);
            assertThat(canary).survivedOn(env);

            vault.restart("vault-0");

            assertThatThrownBy(() -> assertThat(canary).survivedOn(env))
                    .hasMessageStartingWith("Expecting the 2 canary secrets under secret/canary written on vault-0 at "
                            + canary.writtenAt() + NL
                            + "  to be readable, unchanged, on deployment vault-test-7f3a/vault" + NL
                            + "but reading through vault-0, 2 of 2 were missing [canary/0, canary/1]" + NL
                            + "Observed deployment vault-test-7f3a/vault (1 of 1 nodes)")
                    .hasMessageEndingWith("Hint: dev mode keeps secrets in memory: a restart loses every secret, and"
                            + " the root token is well known; set server.dev.enabled=false and keep storage on a"
                            + " persistent volume");
        }
    }

    @Test
    void a_changed_canary_is_named_without_its_value() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(1))) {
            VaultNodeClient root = vault.leaderClient();
            root.enableKvV2("secret");
            SecretCanary canary = SecretCanary.write(root, "secret", "canary", 3);
            root.putSecret("secret", "canary/1", Map.of(SecretCanary.FIELD, "overwritten"));

            assertThatThrownBy(() -> assertThat(canary).survivedOn(root))
                    .hasMessage("Expecting the 3 canary secrets under secret/canary written on vault-0 at "
                            + canary.writtenAt() + NL
                            + "  to be readable, unchanged, on node vault-0" + NL
                            + "but reading through vault-0, 1 of 3 held another value [canary/1]")
                    .message().doesNotMatch(UUID_PATTERN);
        }
    }

    @Test
    void canaries_missing_from_a_replaced_cluster_get_the_storage_hint() {
        try (VaultDouble written = VaultDouble.running(FakeVaultCluster.builder().nodes(1));
                VaultDouble replaced = VaultDouble.running(FakeVaultCluster.builder().nodes(1))) {
            written.leaderClient().enableKvV2("secret");
            replaced.leaderClient().enableKvV2("secret");
            SecretCanary canary = SecretCanary.write(written.leaderClient(), "secret", "canary", 2);

            assertThatThrownBy(() -> assertThat(canary).survivedOn(FakeEnvironment.over(replaced)))
                    .hasMessageContaining("but reading through vault-0, 2 of 2 were missing [canary/0, canary/1]")
                    .hasMessageEndingWith("Hint: every canary is gone: the data path is not on a volume that outlives"
                            + " the pod (emptyDir or container filesystem), or the claim was deleted and its"
                            + " StorageClass deletes volumes");
        }
    }

    @Test
    void unreadable_canaries_fail_with_the_reason_and_the_deployment_state() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            vault.leaderClient().enableKvV2("secret");
            SecretCanary canary = SecretCanary.write(vault.leaderClient(), "secret", "canary", 1);
            VaultNodeClient standby = vault.client("vault-1").withToken(vault.rootToken());
            vault.restart("vault-0");
            vault.restart("vault-1");
            vault.restart("vault-2");

            assertThatThrownBy(() -> assertThat(canary).survivedOn(FakeEnvironment.over(vault)))
                    .hasMessageContaining("  to be readable, unchanged, on deployment vault-test-7f3a/vault" + NL
                            + "but they could not be read: No single active node")
                    .hasMessageContaining("  vault-1: SEALED, pod Running not ready, 1 restarts, unseal progress 0/2")
                    .hasMessageContaining("Hint: nodes need unsealing after every restart; consider auto-unseal");
            assertThatThrownBy(() -> assertThat(canary).survivedOn(standby))
                    .hasMessageContaining("  to be readable, unchanged, on node vault-1" + NL
                            + "but they could not be read: ");
        }
    }

    @Test
    void rejects_bad_arguments() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(1))) {
            assertThatIllegalArgumentException().isThrownBy(() -> SecretCanary.write(vault.leaderClient(), "secret", 0))
                    .withMessage("The canary count must be between 1 and 1000 but was 0");
            assertThatIllegalArgumentException().isThrownBy(() -> SecretCanary.write(vault.leaderClient(), "", 1))
                    .withMessage("The mount must not be blank but was ''");
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> assertThat((SecretCanary) null).survivedOn((VaultNodeClient) null))
                    .withMessage("The client must not be null");
        }
    }
}
