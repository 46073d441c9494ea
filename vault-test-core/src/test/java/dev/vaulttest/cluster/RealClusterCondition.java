package dev.vaulttest.cluster;

import dev.vaulttest.fixture.RealClusterSettings;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Evaluates {@link RequiresRealCluster}: enabled on an existing cluster without asking Docker, else enabled where
 * Docker is (probed once per run, shared with {@link DockerCondition}).
 */
final class RealClusterCondition implements ExecutionCondition {

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        return decide(RealClusterSettings.current(), () -> DockerCondition.dockerStatus(context),
                DockerCondition.dockerRequired(context));
    }

    /**
     * The decision: the existing cluster when one is configured (Docker is not probed), else k3s when Docker is
     * there, else a skip naming both ways to run the test, or a failure when Docker is required.
     */
    static ConditionEvaluationResult decide(RealClusterSettings settings, Supplier<DockerStatus> docker,
            boolean required) {
        if (settings.existingClusterDescription().isPresent()) {
            return ConditionEvaluationResult.enabled("runs on " + settings.existingClusterDescription().get());
        }
        DockerStatus status = docker.get();
        if (status.available()) {
            return ConditionEvaluationResult.enabled("runs on a k3s container; " + status.description());
        }
        String reason = status.description() + ", and " + RealClusterSettings.KUBECONFIG + " is not set: this test"
                + " runs on a k3s container in Docker, or on an existing cluster with -D"
                + RealClusterSettings.KUBECONFIG + "=<kubeconfig file>";
        if (required) {
            throw new IllegalStateException(reason + "; " + DockerCondition.DOCKER_REQUIRED
                    + "=true: this run must not skip real-cluster tests");
        }
        return ConditionEvaluationResult.disabled(reason + "; real-cluster test skipped");
    }
}
