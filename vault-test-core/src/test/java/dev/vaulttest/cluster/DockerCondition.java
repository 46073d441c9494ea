package dev.vaulttest.cluster;

import dev.vaulttest.fixture.RealClusterSettings;
import java.util.Optional;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Evaluates {@link RequiresDocker}: Docker is probed once per test run (the status is kept in the root store), and
 * an existing cluster ({@code vaulttest.kubeconfig}) does not stand in for it.
 */
final class DockerCondition implements ExecutionCondition {

    static final String DOCKER_REQUIRED = "vaulttest.docker.required";

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(DockerCondition.class);

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        String why = AnnotationSupport.findAnnotation(context.getElement(), RequiresDocker.class)
                .or(() -> context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type,
                        RequiresDocker.class)))
                .map(RequiresDocker::value).orElse("");
        return decide(dockerStatus(context), dockerRequired(context), why, RealClusterSettings.current());
    }

    /**
     * The decision: enabled with Docker; else skipped with the probe's reason, why the test needs Docker and, when
     * an existing cluster is configured, that it cannot serve this test; or a failure when Docker is required.
     */
    static ConditionEvaluationResult decide(DockerStatus status, boolean required, String why,
            RealClusterSettings settings) {
        if (status.available()) {
            return ConditionEvaluationResult.enabled(status.description());
        }
        String reason = status.description() + (why.isBlank() ? "" : "; this test " + why.strip())
                + settings.existingClusterDescription().map(existing -> " (" + RealClusterSettings.KUBECONFIG
                        + " is set, but " + existing + " cannot stand in for Docker here)").orElse("");
        if (required) {
            throw new IllegalStateException(reason + "; " + DOCKER_REQUIRED
                    + "=true: this run must not skip real-cluster tests");
        }
        return ConditionEvaluationResult.disabled(reason + "; real-cluster test skipped");
    }

    /** Docker's status, probed once per run. */
    static DockerStatus dockerStatus(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(DockerStatus.class, key -> DockerStatus.probe(), DockerStatus.class);
    }

    /** Whether a missing Docker (or cluster) fails the tests instead of skipping them. */
    static boolean dockerRequired(ExtensionContext context) {
        return context.getConfigurationParameter(DOCKER_REQUIRED)
                .or(() -> Optional.ofNullable(System.getProperty(DOCKER_REQUIRED)))
                .map(Boolean::parseBoolean).orElse(false);
    }
}
