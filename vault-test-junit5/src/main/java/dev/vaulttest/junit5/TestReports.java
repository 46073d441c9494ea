package dev.vaulttest.junit5;

import dev.vaulttest.internal.report.TestRecord;
import dev.vaulttest.timing.PhaseTimeline;
import java.util.Optional;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.extension.ExtensionContext;

/** Adds test records to the run report. */
final class TestReports {

    private TestReports() {
    }

    /**
     * Records a test (or a class-level phase) in the run report.
     *
     * @param context the test's context (its store may be closed)
     * @param name the test name in the report
     * @param status sets the status on the builder
     */
    static void record(ExtensionContext context, String name, UnaryOperator<TestRecord.Builder> status) {
        Settings settings = Settings.of(context);
        String testClass = Stores.classContext(context).flatMap(ExtensionContext::getTestClass)
                .map(Class::getName).orElse(context.getDisplayName());
        TestRecord.Builder builder = status.apply(TestRecord.builder(testClass, name));
        Optional<DeploymentResource> deployment = Deployments.existing(context);
        builder.bringUp(deployment.map(DeploymentResource::claimBringUp).orElse(PhaseTimeline.empty()));
        TestNotes.of(context).diagnostics(context.getUniqueId()).ifPresent(builder::diagnosticsDir);
        TestNotes.of(context).recoveries(context.getUniqueId()).forEach(builder::recovery);
        RunReportResource.of(context, settings).add(builder.build());
    }

    static String name(ExtensionContext context) {
        String method = Stores.testName(context);
        boolean invocation = context.getParent().flatMap(ExtensionContext::getTestMethod).isPresent();
        return invocation ? method + " " + context.getDisplayName() : method;
    }
}
