package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.fixture.VaultDouble;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.vault.Sensitive;
import java.util.List;
import org.junit.jupiter.api.Test;

class NodeSnapshotAssertTest {

    private static final String NL = System.lineSeparator();

    @Test
    void active_and_standby_nodes_pass_their_role_seal_and_health_code() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(2))) {
            assertThat(vault.node("vault-0")).isActive().hasRole(NodeRole.ACTIVE).isUnsealed().hasHealthCode(200)
                    .hasUnsealProgress(0);
            assertThat(vault.node("vault-1")).isStandby().isUnsealed().hasHealthCode(429);
        }
    }

    @Test
    void a_sealed_node_reports_its_unseal_progress_as_keys_are_entered() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            vault.restart("vault-1");
            assertThat(vault.node("vault-1")).isSealed().hasRole(NodeRole.SEALED).hasHealthCode(503)
                    .hasUnsealProgress(0, 2);

            // One share of two: the client submits it and reports that the node is still sealed.
            assertThatThrownBy(() -> vault.client("vault-1").unseal(List.of(Sensitive.of(unsealKey(vault)))))
                    .hasMessageContaining("still sealed after all 1 key share(s)");
            NodeSnapshot halfway = vault.node("vault-1");

            assertThat(halfway).hasUnsealProgress(1).hasUnsealProgress(1, 2);
            assertThatThrownBy(() -> assertThat(halfway).hasUnsealProgress(2, 2))
                    .hasMessage("Expecting node vault-1" + NL
                            + "  to have unseal progress 2/2" + NL
                            + "but its unseal progress was 1/2" + NL
                            + "Observed node vault-1: SEALED, pod Running not ready, 1 restarts, unseal progress 1/2");
        }
    }

    @Test
    void failures_name_the_node_its_state_and_the_shamir_hint() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            vault.restart("vault-2");
            NodeSnapshot sealed = vault.node("vault-2");

            assertThatThrownBy(() -> assertThat(sealed).isUnsealed())
                    .hasMessage("Expecting node vault-2" + NL
                            + "  to be unsealed" + NL
                            + "but vault-2 is SEALED (unseal progress 0/2)" + NL
                            + "Observed node vault-2: SEALED, pod Running not ready, 1 restarts, unseal progress 0/2" + NL
                            + "Hint: nodes need unsealing after every restart; consider auto-unseal");
            assertThatThrownBy(() -> assertThat(sealed).isActive())
                    .hasMessageContaining("  to be ACTIVE" + NL + "but vault-2 is SEALED");
            assertThatThrownBy(() -> assertThat(sealed).hasHealthCode(429))
                    .hasMessageContaining("  to answer sys/health with 429 (STANDBY)" + NL + "but it answered 503 (SEALED)");
            assertThatThrownBy(() -> assertThat(vault.node("vault-0")).isSealed())
                    .hasMessageContaining("  to be sealed" + NL + "but vault-0 is ACTIVE");
            assertThatThrownBy(() -> assertThat(vault.node("vault-0")).hasUnsealProgress(1))
                    .hasMessageContaining("but its unseal progress was 0/2 and it is unsealed");
        }
    }

    @Test
    void an_unreachable_node_fails_every_assertion_with_the_reason() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(1))) {
            vault.cluster().stop("vault-0");
            NodeSnapshot gone = vault.node("vault-0");

            assertThat(gone).hasRole(NodeRole.UNREACHABLE);
            assertThatThrownBy(() -> assertThat(gone).hasHealthCode(200))
                    .hasMessageContaining("but it did not answer: vault-0 is UNREACHABLE (connection refused)");
            assertThatThrownBy(() -> assertThat(gone).isSealed())
                    .hasMessageContaining("but vault-0 is UNREACHABLE (connection refused)");
            assertThatThrownBy(() -> assertThat(gone).hasUnsealProgress(0))
                    .hasMessageContaining("but vault-0 is UNREACHABLE (connection refused)");
        }
    }

    @Test
    void an_uninitialised_node_answers_501() {
        try (VaultDouble vault = VaultDouble.uninitialised(FakeVaultCluster.builder().nodes(1))) {
            assertThat(vault.node("vault-0")).hasRole(NodeRole.UNINITIALIZED).hasHealthCode(501);
            assertThatThrownBy(() -> assertThat(vault.node("vault-0")).isUnsealed())
                    .hasMessageContaining("Hint: an uninitialised node was never initialised or joined");
        }
    }

    @Test
    void rejects_impossible_health_codes_and_progress() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(1))) {
            NodeSnapshot node = vault.node("vault-0");

            assertThatIllegalArgumentException().isThrownBy(() -> assertThat(node).hasHealthCode(404))
                    .withMessageStartingWith("404 is not one of Vault's sys/health status codes 200 (ACTIVE), 429 (STANDBY),");
            assertThatIllegalArgumentException().isThrownBy(() -> assertThat(node).hasUnsealProgress(3, 2))
                    .withMessage("The unseal progress 3 cannot be above the threshold 2");
            assertThatIllegalArgumentException().isThrownBy(() -> assertThat(node).hasUnsealProgress(0, 0))
                    .withMessage("The unseal threshold must be at least 1 but was 0");
            assertThatIllegalArgumentException().isThrownBy(() -> assertThat(node).hasUnsealProgress(-1))
                    .withMessage("The unseal progress must not be negative but was -1");
            assertThatIllegalArgumentException().isThrownBy(() -> assertThat(node).hasRole(null))
                    .withMessage("The role must not be null");
        }
    }

    private static String unsealKey(VaultDouble vault) {
        return vault.unsealKeys().get(0);
    }
}
