package dev.vaulttest.assertj.error;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.vault.AutopilotState;
import dev.vaulttest.vault.AutopilotState.AutopilotServer;
import java.util.stream.Collectors;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message for raft autopilot that does not report the cluster healthy. */
public class ShouldHaveHealthyAutopilot extends VaultErrorMessage {

    private ShouldHaveHealthyAutopilot(DeploymentSnapshot snapshot, String problem) {
        super(NodeText.subject(snapshot), "to have raft autopilot report the cluster healthy", problem,
                snapshot.describe(), Hints.forState(snapshot));
    }

    /**
     * Autopilot reports the cluster unhealthy.
     *
     * @param snapshot the deployment
     * @param autopilot the autopilot state
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveHealthyAutopilot(DeploymentSnapshot snapshot, AutopilotState autopilot) {
        String servers = autopilot.servers().values().stream().map(ShouldHaveHealthyAutopilot::server)
                .collect(Collectors.joining(", "));
        return new ShouldHaveHealthyAutopilot(snapshot, "autopilot reported it unhealthy (failure tolerance "
                + autopilot.failureTolerance() + ", leader " + (autopilot.leader().isEmpty() ? "(none)" : autopilot.leader())
                + "); servers: " + (servers.isEmpty() ? "(none)" : servers));
    }

    /**
     * The snapshot has no autopilot state.
     *
     * @param snapshot the deployment
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveAutopilotState(DeploymentSnapshot snapshot) {
        return new ShouldHaveHealthyAutopilot(snapshot, "the snapshot has no autopilot state (it is read from the"
                + " active node with raft storage on Vault 1.7+: there was no active node, or no raft)");
    }

    private static String server(AutopilotServer server) {
        return server.id() + " " + (server.healthy() ? "healthy" : "UNHEALTHY") + " (" + server.status() + ", "
                + server.nodeStatus() + ", last contact " + server.lastContact() + ")";
    }
}
