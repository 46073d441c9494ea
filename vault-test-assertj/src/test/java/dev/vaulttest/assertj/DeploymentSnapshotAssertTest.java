package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultNode;
import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.fixture.VaultDouble;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.SealKind;
import dev.vaulttest.vault.VaultNodeClient;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeploymentSnapshotAssertTest {

    private static final String NL = System.lineSeparator();
    private static final String SHAMIR_HINT = "Hint: nodes need unsealing after every restart; consider auto-unseal";

    @Test
    void a_healthy_raft_deployment_passes_every_assertion() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            DeploymentSnapshot snapshot = vault.snapshot();

            assertThat(snapshot).isInitialized().isUnsealed().isUnsealedOn("vault-2").isNotInDevMode()
                    .hasSealType("shamir").hasStorageType("raft").hasVersion("2.0.4")
                    .hasExactlyOneActiveNode().hasActiveNode("vault-0").hasLeaderOtherThan("vault-1")
                    .hasRaftVoterCount(3).hasRaftVoters("vault-2", "vault-0", "vault-1")
                    .hasRaftNonVoterCount(0).hasRaftNonVoters()
                    .hasHealthyAutopilot();
        }
    }

    @Test
    void a_shamir_node_sealed_after_restart_fails_is_unsealed_with_every_node_and_the_auto_unseal_hint() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            vault.restart("vault-1");
            DeploymentSnapshot snapshot = vault.snapshot();

            assertThatThrownBy(() -> assertThat(snapshot).isUnsealed())
                    .isInstanceOf(AssertionError.class)
                    .hasMessage("Expecting deployment vault-test-7f3a/vault" + NL
                            + "  to be unsealed on every node" + NL
                            + "but 1 of 3 nodes was not: vault-1 is SEALED (unseal progress 0/2)" + NL
                            + "Observed deployment vault-test-7f3a/vault (3 of 3 nodes) at 2026-08-01T10:00:00Z:\n"
                            + "  vault-0: ACTIVE, pod Running ready\n"
                            + "  vault-1: SEALED, pod Running not ready, 1 restarts, unseal progress 0/2\n"
                            + "  vault-2: STANDBY, pod Running ready" + NL
                            + SHAMIR_HINT);
            assertThatThrownBy(() -> assertThat(snapshot).isUnsealedOn("vault-1"))
                    .hasMessageStartingWith("Expecting node vault-1 of deployment vault-test-7f3a/vault" + NL
                            + "  to be unsealed" + NL + "but vault-1 is SEALED (unseal progress 0/2)" + NL
                            + "Observed deployment vault-test-7f3a/vault")
                    .hasMessageContaining("  vault-2: STANDBY")
                    .hasMessageEndingWith(SHAMIR_HINT);
            assertThat(snapshot).isUnsealedOn("vault-0").isSealedOn("vault-1").hasExactlyOneActiveNode();
        }
    }

    @Test
    void assert_that_an_environment_takes_a_snapshot_now() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(2))) {
            FakeEnvironment env = FakeEnvironment.over(vault);
            assertThat(env).isUnsealed().hasActiveNode("vault-0");

            vault.restart("vault-1");

            assertThatThrownBy(() -> assertThat(env).isUnsealed())
                    .hasMessageContaining("but 1 of 2 nodes was not: vault-1 is SEALED (unseal progress 0/2)");
            org.assertj.core.api.Assertions.assertThat(env.snapshotsTaken()).isEqualTo(2);
        }
    }

    @Test
    void is_sealed_passes_when_every_node_is_sealed_and_lists_the_unsealed_ones_otherwise() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            assertThatThrownBy(() -> assertThat(vault.snapshot()).isSealed())
                    .hasMessageContaining("  to be sealed on every node" + NL
                            + "but 3 of 3 nodes were not: vault-0 is ACTIVE, vault-1 is STANDBY, vault-2 is STANDBY");
            assertThatThrownBy(() -> assertThat(vault.snapshot()).isSealedOn("vault-2"))
                    .hasMessageContaining("Expecting node vault-2 of deployment vault-test-7f3a/vault" + NL
                            + "  to be sealed" + NL + "but vault-2 is STANDBY");

            vault.restart("vault-0");
            vault.restart("vault-1");
            vault.restart("vault-2");

            assertThat(vault.snapshot()).isSealed().isSealedOn("vault-0").isInitialized();
        }
    }

    @Test
    void without_a_leader_the_messages_explain_quorum_and_name_the_missing_raft_and_autopilot_state() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            vault.cluster().stop("vault-2");
            vault.restart("vault-0");
            DeploymentSnapshot snapshot = vault.snapshot();

            assertThatThrownBy(() -> assertThat(snapshot).hasExactlyOneActiveNode())
                    .hasMessageContaining("  to have exactly one active node" + NL + "but no node was active" + NL)
                    .hasMessageContaining("  vault-2: UNREACHABLE, no pod (connection refused)")
                    .hasMessageContaining(SHAMIR_HINT)
                    .hasMessageContaining("Hint: no leader: raft elects one only while more than half of the voters"
                            + " are unsealed");
            assertThatThrownBy(() -> assertThat(snapshot).isUnsealed())
                    .hasMessageContaining("but 2 of 3 nodes were not: vault-0 is SEALED (unseal progress 0/2),"
                            + " vault-2 is UNREACHABLE (connection refused)");
            assertThatThrownBy(() -> assertThat(snapshot).hasRaftVoterCount(3))
                    .hasMessageContaining("  to have 3 raft voters" + NL + "but the snapshot has no raft configuration");
            assertThatThrownBy(() -> assertThat(snapshot).hasHealthyAutopilot())
                    .hasMessageContaining("but the snapshot has no autopilot state");
            assertThatThrownBy(() -> assertThat(snapshot).hasLeaderOtherThan("vault-0"))
                    .hasMessageContaining("  to have exactly one active node, other than vault-0" + NL
                            + "but no node was active");
        }
    }

    @Test
    void is_initialized_fails_on_a_fresh_cluster_with_the_uninitialised_hint() {
        try (VaultDouble vault = VaultDouble.uninitialised(FakeVaultCluster.builder().nodes(2))) {
            assertThatThrownBy(() -> assertThat(vault.snapshot()).isInitialized())
                    .hasMessageContaining("  to be initialised on every node" + NL
                            + "but 2 of 2 nodes were not known to be: vault-0 is UNINITIALIZED, vault-1 is UNINITIALIZED")
                    .hasMessageContaining("Hint: an uninitialised node was never initialised or joined");
        }
    }

    @Test
    void an_auto_unseal_node_that_cannot_reach_its_kms_fails_with_the_kms_hint() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3).seal(SealKind.AUTO_UNSEAL))) {
            assertThat(vault.snapshot()).usesAutoUnseal().hasSealType("awskms");

            vault.cluster().setKmsReachable(false);
            vault.restart("vault-2");
            DeploymentSnapshot snapshot = vault.snapshot();

            assertThatThrownBy(() -> assertThat(snapshot).isUnsealed())
                    .hasMessageContaining("but 1 of 3 nodes was not: vault-2 is UNREACHABLE (container exits at start,"
                            + " restarting)")
                    .hasMessageContaining("  vault-2: UNREACHABLE, pod Running not ready, 1 restarts")
                    .hasMessageEndingWith("Hint: with auto-unseal a node that cannot reach its KMS stays sealed or exits"
                            + " at start and crash-loops; check the KMS endpoint, its credentials and any NetworkPolicy"
                            + " between Vault and the KMS");
            assertThatThrownBy(() -> assertThat(snapshot).hasSealType("awskms"))
                    .hasMessageContaining("but 1 of 3 nodes did not ([vault-2]); seal type per node: vault-0=awskms,"
                            + " vault-1=awskms, vault-2=(no answer)");
        }
    }

    @Test
    void a_shamir_deployment_fails_uses_auto_unseal_and_other_seal_types_with_every_node() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(2))) {
            DeploymentSnapshot snapshot = vault.snapshot();

            assertThatThrownBy(() -> assertThat(snapshot).usesAutoUnseal())
                    .hasMessageContaining("  to report seal an auto-unseal seal (recovery keys) on every node" + NL
                            + "but 2 of 2 nodes did not ([vault-0, vault-1]); seal per node: vault-0=shamir (unseal keys),"
                            + " vault-1=shamir (unseal keys)")
                    .hasMessageEndingWith(SHAMIR_HINT);
            assertThatThrownBy(() -> assertThat(snapshot).hasSealType("transit"))
                    .hasMessageContaining("  to report seal type 'transit' on every node" + NL
                            + "but 2 of 2 nodes did not ([vault-0, vault-1]); seal type per node: vault-0=shamir,"
                            + " vault-1=shamir");
        }
    }

    @Test
    void dev_mode_fails_is_not_in_dev_mode_and_the_storage_type_with_the_dev_mode_hint() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().devMode("root"))) {
            DeploymentSnapshot snapshot = vault.snapshot();

            assertThatThrownBy(() -> assertThat(snapshot).isNotInDevMode())
                    .hasMessage("Expecting deployment vault-test-7f3a/vault" + NL
                            + "  not to run in dev mode (in-memory storage)" + NL
                            + "but 1 of 1 node reports in-memory storage, the dev-mode signature; storage type per node:"
                            + " vault-0=inmem" + NL
                            + "Observed " + snapshot.describe() + NL
                            + "Hint: dev mode keeps secrets in memory: a restart loses every secret, and the root token"
                            + " is well known; set server.dev.enabled=false and keep storage on a persistent volume");
            assertThatThrownBy(() -> assertThat(snapshot).hasStorageType("raft"))
                    .hasMessageContaining("but 1 of 1 node did not ([vault-0]); storage type per node: vault-0=inmem")
                    .hasMessageContaining("Hint: dev mode keeps secrets in memory");
            assertThat(snapshot).hasStorageType("inmem").isUnsealed();
        }
    }

    @Test
    void is_not_in_dev_mode_fails_when_no_node_answered() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(1))) {
            vault.cluster().stop("vault-0");

            assertThatThrownBy(() -> assertThat(vault.snapshot()).isNotInDevMode())
                    .hasMessageContaining("but no node answered, so its storage type is unknown");
        }
    }

    @Test
    void has_version_lists_the_version_of_every_node() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(2).version("1.20.4"))) {
            assertThat(vault.snapshot()).hasVersion("1.20.4");

            assertThatThrownBy(() -> assertThat(vault.snapshot()).hasVersion("1.21.2"))
                    .hasMessageContaining("  to report Vault version '1.21.2' on every node" + NL
                            + "but 2 of 2 nodes did not ([vault-0, vault-1]); Vault version per node: vault-0=1.20.4,"
                            + " vault-1=1.20.4");
        }
    }

    @Test
    void after_a_step_down_the_leader_is_another_node() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            assertThatThrownBy(() -> assertThat(vault.snapshot()).hasLeaderOtherThan("vault-0"))
                    .hasMessageContaining("  to have exactly one active node, other than vault-0" + NL
                            + "but the active node was vault-0");

            vault.leaderClient().stepDown();
            DeploymentSnapshot after = vault.snapshot();

            assertThat(after).hasLeaderOtherThan("vault-0").hasLeaderOtherThan(node("vault-0")).hasExactlyOneActiveNode();
            assertThatThrownBy(() -> assertThat(after).hasActiveNode("vault-0"))
                    .hasMessageContaining("  to have vault-0 as its single active node" + NL
                            + "but the active node was vault-1");
        }
    }

    @Test
    void non_voters_are_checked_by_count_and_by_id_until_promoted() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3).joinAsNonVoter(true))) {
            DeploymentSnapshot joined = vault.snapshot();

            assertThat(joined).hasRaftVoters("vault-0").hasRaftNonVoters("vault-1", "vault-2").hasRaftNonVoterCount(2);
            assertThatThrownBy(() -> assertThat(joined).hasRaftVoterCount(3))
                    .hasMessageContaining("  to have 3 raft voters" + NL + "but it had 1: [vault-0]; raft members:"
                            + " vault-0 (leader, voter), vault-1 (non-voter), vault-2 (non-voter)");
            assertThatThrownBy(() -> assertThat(joined).hasRaftVoters("vault-0", "vault-1", "vault-2"))
                    .hasMessageContaining("  to have exactly the raft voters [vault-0, vault-1, vault-2]" + NL
                            + "but these were not raft voters: [vault-1, vault-2]; raft members:");
            assertThatThrownBy(() -> assertThat(joined).hasRaftNonVoters())
                    .hasMessageContaining("but these raft non-voters were not expected: [vault-1, vault-2]");

            vault.cluster().promoteToVoter("vault-1");
            vault.cluster().promoteToVoter("vault-2");

            assertThat(vault.snapshot()).hasRaftVoterCount(3).hasRaftNonVoterCount(0);
        }
    }

    @Test
    void autopilot_reports_a_stopped_voter_unhealthy() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            vault.cluster().stop("vault-2");

            assertThatThrownBy(() -> assertThat(vault.snapshot()).hasHealthyAutopilot())
                    .hasMessageContaining("  to have raft autopilot report the cluster healthy" + NL
                            + "but autopilot reported it unhealthy (failure tolerance 0, leader vault-0); servers:"
                            + " vault-0 healthy (leader, alive, last contact 0s), vault-1 healthy (voter, alive, last"
                            + " contact 1.5ms), vault-2 UNHEALTHY (voter, failed, last contact 12.3s)");
        }
    }

    @Test
    void a_snapshot_with_fewer_nodes_than_expected_is_not_unsealed_on_every_node() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(2))) {
            DeploymentSnapshot two = vault.snapshot();
            DeploymentSnapshot ofThree = new DeploymentSnapshot(two.namespace(), two.release(), two.takenAt(), 3,
                    two.nodes(), two.raft(), two.autopilot());

            assertThat(two).isUnsealed();
            assertThatThrownBy(() -> assertThat(ofThree).isUnsealed())
                    .hasMessageContaining("  to be unsealed on every node" + NL
                            + "but only 2 of the 3 expected nodes exist" + NL);
        }
    }

    @Test
    void navigation_to_a_node_keeps_every_node_in_the_message() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3))) {
            vault.restart("vault-2");
            DeploymentSnapshot snapshot = vault.snapshot();

            assertThat(snapshot).node("vault-2").isSealed().hasUnsealProgress(0, 2).hasHealthCode(503);
            assertThatThrownBy(() -> assertThat(snapshot).node("vault-2").isStandby())
                    .hasMessageContaining("Expecting node vault-2 of deployment vault-test-7f3a/vault" + NL
                            + "  to be STANDBY" + NL + "but vault-2 is SEALED (unseal progress 0/2)")
                    .hasMessageContaining("  vault-0: ACTIVE, pod Running ready");
        }
    }

    @Test
    void keeps_the_description_given_with_as() {
        try (VaultDouble vault = VaultDouble.running(FakeVaultCluster.builder().nodes(1))) {
            assertThatThrownBy(() -> assertThat(vault.snapshot()).as("after the upgrade").hasVersion("9.9.9"))
                    .hasMessageStartingWith("[after the upgrade] Expecting deployment vault-test-7f3a/vault");
        }
    }

    @Test
    void rejects_unknown_nodes_and_bad_arguments_and_fails_on_null() {
        DeploymentSnapshot empty = new DeploymentSnapshot("ns", "rel", Instant.EPOCH, 1,
                List.of(new NodeSnapshot("vault-0", Optional.empty(), Optional.empty(), false, 0, Optional.empty(),
                        Optional.empty(), Optional.of("no pod"))),
                Optional.empty(), Optional.empty());

        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(empty).isUnsealedOn("vault-9"))
                .withMessage("Deployment ns/rel has no node named 'vault-9'; its nodes are [vault-0]");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(empty).hasLeaderOtherThan(" "))
                .withMessage("The node name must not be blank but was ' '");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(empty).hasSealType(null))
                .withMessage("The seal type must not be blank but was null");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(empty).hasRaftVoterCount(-1))
                .withMessage("The voter count must not be negative but was -1");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(empty).hasRaftVoters("vault-0", "vault-0"))
                .withMessage("The node ids contain 'vault-0' twice");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(empty).hasLeaderOtherThan((VaultNode) null))
                .withMessage("The former leader must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(empty).node("vault-1"));
        assertThatThrownBy(() -> assertThat((DeploymentSnapshot) null).isUnsealed())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

    private static VaultNode node(String name) {
        return new VaultNode() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public VaultNodeClient client() {
                throw new UnsupportedOperationException("not needed by the assertion");
            }

            @Override
            public VaultNodeClient anonymousClient() {
                throw new UnsupportedOperationException("not needed by the assertion");
            }

            @Override
            public NodeSnapshot snapshot() {
                throw new UnsupportedOperationException("not needed by the assertion");
            }
        };
    }
}
