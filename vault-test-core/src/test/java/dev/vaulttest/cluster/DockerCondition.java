package dev.vaulttest.cluster;

import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Evaluates {@link RequiresDocker} once per test run (the status is kept in the root store). */
final class DockerCondition implements ExecutionCondition {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DockerCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        DockerStatus status = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(DockerStatus.class, key -> DockerProbe.probe(), DockerStatus.class);
        if (status.available()) {
            return ConditionEvaluationResult.enabled(status.description());
        }
        boolean required = context.getConfigurationParameter("vaulttest.docker.required")
                .or(() -> java.util.Optional.ofNullable(System.getProperty("vaulttest.docker.required")))
                .map(Boolean::parseBoolean).orElse(false);
        if (required) {
            throw new IllegalStateException(
                    status.description() + " and vaulttest.docker.required=true: this run must not skip real-cluster tests");
        }
        return ConditionEvaluationResult.disabled(status.description() + "; real-cluster test skipped");
    }
}
