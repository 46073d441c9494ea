package dev.vaulttest.junit5;

import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestWatcher;

/**
 * Collects diagnostics when a test or one of its lifecycle methods fails (while the deployment is still in
 * the failed state, before any recovery), and records every test in the run report. The original failure
 * is always rethrown unchanged; problems while collecting are added to it as suppressed. Internal: use
 * {@code @VaultTest} or {@code @VaultDeployment}.
 */
final class FailureDiagnosticsExtension
        implements TestExecutionExceptionHandler, LifecycleMethodExecutionExceptionHandler, TestWatcher {

    /** Created by JUnit. */
    public FailureDiagnosticsExtension() {
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        throw FailureHandling.handle(context, throwable, Optional.empty(), new CoreDiagnostics());
    }

    @Override
    public void handleBeforeAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw classLevel(context, throwable, "beforeAll");
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw FailureHandling.handle(context, throwable, Optional.of("beforeEach"), new CoreDiagnostics());
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw FailureHandling.handle(context, throwable, Optional.of("afterEach"), new CoreDiagnostics());
    }

    @Override
    public void handleAfterAllMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        throw classLevel(context, throwable, "afterAll");
    }

    private static Throwable classLevel(ExtensionContext context, Throwable throwable, String phase) {
        Throwable handled = FailureHandling.handle(context, throwable, Optional.of(phase), new CoreDiagnostics());
        try {
            TestReports.record(context, phase, builder -> builder.failed(FailureHandling.summary(throwable)));
        } catch (RuntimeException reportFailure) {
            handled.addSuppressed(reportFailure);
        }
        return handled;
    }

    @Override
    public void testSuccessful(ExtensionContext context) {
        TestReports.record(context, TestReports.name(context), builder -> builder.passed());
    }

    @Override
    public void testFailed(ExtensionContext context, Throwable cause) {
        Deployments.existing(context).ifPresent(DeploymentResource::markTestFailed);
        TestReports.record(context, TestReports.name(context),
                builder -> builder.failed(FailureHandling.summary(cause)));
    }

    @Override
    public void testAborted(ExtensionContext context, Throwable cause) {
        TestReports.record(context, TestReports.name(context),
                builder -> builder.aborted(FailureHandling.summary(cause)));
    }

    @Override
    public void testDisabled(ExtensionContext context, Optional<String> reason) {
        TestReports.record(context, TestReports.name(context),
                builder -> builder.skipped(reason.orElse("disabled")));
    }
}
