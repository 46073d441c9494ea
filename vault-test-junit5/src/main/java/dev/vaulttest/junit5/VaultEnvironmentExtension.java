package dev.vaulttest.junit5;

import dev.vaulttest.chaos.ChaosOptions;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.internal.report.TestRecord;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.util.Optional;
import java.util.function.Consumer;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Brings up the test class's Vault deployment before its first test (on its cluster, shared through the
 * root store), resolves parameters by type, and after a {@link Disruptive} test checks that the
 * deployment recovered, rebuilding it when it did not. Internal: use {@code @VaultTest} or
 * {@code @VaultDeployment}.
 *
 * <p>Stateless: everything lives in the {@code ExtensionContext.Store} (see the package description).
 */
final class VaultEnvironmentExtension implements BeforeAllCallback, AfterEachCallback, ParameterResolver {

    /** Created by JUnit. */
    public VaultEnvironmentExtension() {
    }

    @Override
    public void beforeAll(ExtensionContext context) throws Exception {
        try {
            Deployments.of(context).environment();
        } catch (RuntimeException failure) {
            FailureHandling.handle(context, failure, Optional.of("beforeAll"), new CoreDiagnostics());
            try {
                TestReports.record(context, "beforeAll", builder -> builder.failed(FailureHandling.summary(failure)));
            } catch (RuntimeException reportFailure) {
                failure.addSuppressed(reportFailure);
            }
            throw failure;
        }
    }

    @Override
    public void afterEach(ExtensionContext context) throws Exception {
        if (isDisruptive(context)) {
            Recovery.afterDisruptiveTest(context);
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        return InjectableTypes.find(parameter).isPresent() || InjectableTypes.isNearMiss(parameter);
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Injectable kind = InjectableTypes.find(parameter).orElseThrow(() -> InjectableTypes.unsupported(parameter));
        InjectionScope scope;
        try {
            Consumer<RecoveryMeasurement> recoveries =
                    measurement -> TestNotes.of(context).recovery(context.getUniqueId(), measurement);
            Settings settings = Settings.of(context);
            scope = new InjectionScope(Deployments.of(context).environment(), ContextResources.of(context), recoveries,
                    settings, runChaosOptions(context, settings).toBuilder().measurementListener(recoveries).build());
        } catch (RuntimeException e) {
            throw new ParameterResolutionException("Cannot resolve " + Qualifiers.describe(parameter)
                    + ": the Vault deployment is not available: " + Redactor.redact(e.getMessage()), e);
        }
        return kind.resolve(parameter, scope);
    }

    /**
     * The chaos options of the whole run, so that what they remember (whether a cluster enforces NetworkPolicies,
     * checked with canary pods) is checked once per cluster instead of once per test.
     */
    private static ChaosOptions runChaosOptions(ExtensionContext context, Settings settings) {
        return Stores.root(context).getOrComputeIfAbsent(ChaosOptions.class, key -> {
            ChaosOptions.Builder options = ChaosOptions.builder();
            settings.canaryImage().ifPresent(options::canaryImage);
            return options.build();
        }, ChaosOptions.class);
    }

    private static boolean isDisruptive(ExtensionContext context) {
        return context.getTestMethod().map(method -> AnnotationSupport.isAnnotated(method, Disruptive.class))
                .orElse(false)
                || context.getTestClass().map(type -> DeploymentSpecs.find(type, Disruptive.class).isPresent())
                        .orElse(false);
    }

    static void recordSkip(ExtensionContext context, String reason) {
        TestReports.record(context, "(all tests)", (TestRecord.Builder builder) -> builder.skipped(reason));
    }
}
