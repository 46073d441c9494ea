package dev.vaulttest.junit5;

import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.cluster.DockerStatus;
import java.util.Optional;
import java.util.function.Supplier;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Disables tests that need Docker when it is missing, with the reason; fails them instead with
 * {@code vaulttest.docker.required=true}. Docker is probed once per run (the result is kept in the root
 * store). A class whose deployment needs no Docker (existing cluster, no KMS emulator) is always enabled.
 * Internal: use {@code @RequiresDocker} or {@code @VaultTest}.
 */
final class DockerGateExtension implements ExecutionCondition {

    /** Created by JUnit. */
    public DockerGateExtension() {
    }

    @Override
    public ConditionEvaluationResult evaluateExecutionCondition(ExtensionContext context) {
        Settings settings = Settings.of(context);
        Optional<Class<?>> testClass = Stores.classContext(context).flatMap(ExtensionContext::getTestClass);
        if (testClass.isPresent() && DeploymentSpecs.declaresDeployment(testClass.get())) {
            VaultEnvironmentSpec spec = DeploymentSpecs.of(testClass.get(), settings);
            if (!DeploymentSpecs.needsDocker(spec)) {
                return ConditionEvaluationResult.enabled("Docker is not needed: the cluster exists and no KMS emulator runs");
            }
        }
        DockerStatus status = Stores.root(context).getOrComputeIfAbsent(DockerStatus.class,
                key -> probe(settings), DockerStatus.class);
        if (status.available()) {
            return ConditionEvaluationResult.enabled(status.description());
        }
        if (settings.dockerRequired()) {
            throw new VaultTestException(status.description() + ", and " + VaultTestSettings.DOCKER_REQUIRED
                    + "=true asks to fail rather than skip tests that need it: start Docker (or point DOCKER_HOST at"
                    + " one), or unset " + VaultTestSettings.DOCKER_REQUIRED + " to skip these tests");
        }
        if (!Stores.isTest(context) && testClass.isPresent()) {
            VaultEnvironmentExtension.recordSkip(context, status.description());
        }
        return ConditionEvaluationResult.disabled(status.description());
    }

    private static DockerStatus probe(Settings settings) {
        if (settings.dockerProbeClass().isEmpty()) {
            return DockerStatus.probe();
        }
        Supplier<?> probe = Instances.create(VaultTestSettings.DOCKER_PROBE, settings.dockerProbeClass().get(),
                Supplier.class);
        Object status = probe.get();
        if (!(status instanceof DockerStatus dockerStatus)) {
            throw new VaultTestException(VaultTestSettings.DOCKER_PROBE + "=" + settings.dockerProbeClass().get()
                    + " returned " + status + " instead of a " + DockerStatus.class.getName());
        }
        return dockerStatus;
    }
}
