package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.internal.diagnostics.Diagnostics;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.stream.Collectors;

/** What the real-cluster tests assert about an environment that came up, and what they print. */
final class ReadyGateChecks {

    private ReadyGateChecks() {
    }

    /**
     * Asserts the ready gate from outside: every node unsealed, one active, the voters, a write and read of the
     * test's own through the active node.
     */
    static DeploymentSnapshot assertReady(VaultEnvironment env, int nodes, boolean raft) {
        DeploymentSnapshot snapshot = env.awaitReady(Duration.ofMinutes(1));
        assertThat(snapshot.nodes()).hasSize(nodes).allMatch(NodeSnapshot::isUnsealed);
        assertThat(snapshot.nodesIn(NodeRole.ACTIVE)).hasSize(1);
        assertThat(snapshot.nodesIn(NodeRole.STANDBY)).hasSize(nodes - 1);
        if (raft) {
            assertThat(snapshot.raft()).hasValueSatisfying(r -> assertThat(r.voters()).hasSize(nodes));
        }
        env.client().putSecret(ReadyGate.CANARY_MOUNT, "proof", Map.of("from", "real-cluster test"));
        assertThat(env.client().getSecret(ReadyGate.CANARY_MOUNT, "proof")).hasValueSatisfying(
                secret -> assertThat(secret.data()).containsEntry("from", "real-cluster test"));
        return snapshot;
    }

    /** Prints the phase timings, so a CI log shows where the time went. */
    static void printTimeline(String scenario, VaultEnvironment env) {
        System.out.println("[" + scenario + "] " + env.namespace() + "/" + env.releaseName() + " phases: "
                + env.timeline().phases().stream()
                        .map(p -> p.phase() + " " + p.duration().toMillis() + " ms")
                        .collect(Collectors.joining(", "))
                + "; total " + env.timeline().total().toMillis() + " ms");
        assertThat(env.timeline().phases()).extracting(PhaseTiming::phase).contains(Phase.INSTALL, Phase.READY);
    }

    /** Writes diagnostics under target/, so a CI run keeps them as artifacts. */
    static void keepDiagnostics(String scenario, VaultEnvironment env) {
        System.out.println("[" + scenario + "] " + Diagnostics.collect(env,
                Path.of("target", "vault-test-diagnostics", scenario)).describe());
    }
}
