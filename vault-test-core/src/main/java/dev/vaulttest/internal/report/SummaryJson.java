package dev.vaulttest.internal.report;

import dev.vaulttest.check.Finding;
import dev.vaulttest.internal.Redactor;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import tools.jackson.core.util.DefaultIndenter;
import tools.jackson.core.util.DefaultPrettyPrinter;
import tools.jackson.core.util.Separators;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Turns a {@link ReportModel} into {@code summary.json}; the shape is documented on {@link ReportWriter}. */
final class SummaryJson {

    /** Bumped when a field is renamed or removed; adding fields keeps the version. */
    static final int SCHEMA_VERSION = 1;

    private final JsonMapper mapper = JsonMapper.builder().build();

    String render(ReportModel model) {
        RunReport report = model.report();
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("startedAt", report.startedAt().toString());
        root.put("finishedAt", report.finishedAt().toString());
        duration(root, "duration", report.duration());
        root.put("environment", text(report.environmentDescription()));
        totals(root.putObject("totals"), model);
        ArrayNode modes = root.putArray("recoveryByFailureMode");
        model.groups().forEach(group -> failureMode(modes.addObject(), group));
        ArrayNode tests = root.putArray("tests");
        model.tests().forEach(test -> test(tests.addObject(), test, model));
        DefaultIndenter indenter = new DefaultIndenter("  ", "\n");
        DefaultPrettyPrinter printer = new DefaultPrettyPrinter(Separators.createDefaultInstance()
                .withObjectNameValueSpacing(Separators.Spacing.AFTER))
                .withObjectIndenter(indenter)
                .withArrayIndenter(indenter);
        return mapper.writer().with(printer).writeValueAsString(root) + "\n";
    }

    private static void totals(ObjectNode totals, ReportModel model) {
        totals.put("tests", model.tests().size());
        for (TestRecord.Status status : TestRecord.Status.values()) {
            totals.put(status.name().toLowerCase(java.util.Locale.ROOT), model.report().count(status));
        }
        totals.put("disruptions", model.disruptions());
        ObjectNode outcomes = totals.putObject("outcomes");
        for (RecoveryMeasurement.Outcome outcome : RecoveryMeasurement.Outcome.values()) {
            outcomes.put(outcome.name(), model.recoveriesWith(outcome));
        }
        ObjectNode findings = totals.putObject("findings");
        model.findingCounts().forEach((severity, count) -> findings.put(severity.name(), count));
    }

    private static void failureMode(ObjectNode node, RecoveryGroup group) {
        node.put("disruption", text(group.disruption()));
        node.put("condition", text(group.condition()));
        node.put("measurements", group.measurements());
        node.put("recovered", group.times().size());
        node.put("stayedBrokenAsExpected", group.stayedBroken());
        node.put("problems", group.problems());
        optionalDuration(node, "min", group.min());
        optionalDuration(node, "median", group.median());
        optionalDuration(node, "max", group.max());
    }

    private static void test(ObjectNode node, TestRecord test, ReportModel model) {
        node.put("testClass", text(test.testClass()));
        node.put("testName", text(test.testName()));
        node.put("status", test.status().name());
        optionalText(node, "failureSummary", test.failureSummary());
        optionalText(node, "skipReason", test.skipReason());
        optionalText(node, "diagnosticsDir", model.diagnosticsPath(test));
        ObjectNode bringUp = node.putObject("bringUp");
        duration(bringUp, "total", test.bringUp().total());
        ArrayNode phases = bringUp.putArray("phases");
        for (PhaseTiming timing : test.bringUp().phases()) {
            ObjectNode phase = phases.addObject();
            phase.put("phase", text(timing.phase().label()));
            phase.put("start", timing.start().toString());
            duration(phase, "duration", timing.duration());
        }
        ArrayNode recoveries = node.putArray("recoveries");
        for (RecoveryMeasurement measurement : test.recoveries()) {
            ObjectNode recovery = recoveries.addObject();
            recovery.put("disruption", text(measurement.disruption()));
            recovery.put("target", text(measurement.target()));
            recovery.put("appliedAt", measurement.appliedAt().toString());
            optionalText(recovery, "healedAt", measurement.healedAt().map(Instant::toString));
            recovery.put("condition", text(measurement.condition()));
            recovery.put("outcome", measurement.outcome().name());
            optionalDuration(recovery, "recoveredAfter", measurement.recoveredAfter());
            optionalDuration(recovery, "observedBrokenFor", measurement.observedBrokenFor());
            recovery.put("detail", text(measurement.detail()));
        }
        ArrayNode findings = node.putArray("findings");
        for (Finding finding : ReportModel.sortedFindings(test)) {
            ObjectNode entry = findings.addObject();
            entry.put("rule", text(finding.rule()));
            entry.put("severity", finding.severity().name());
            entry.put("resource", text(finding.resource()));
            entry.put("message", text(finding.message()));
            entry.put("remediation", text(finding.remediation()));
        }
    }

    private static void duration(ObjectNode node, String name, Duration duration) {
        node.put(name, duration.toString());
        node.put(name + "Millis", duration.toMillis());
    }

    private static void optionalDuration(ObjectNode node, String name, Optional<Duration> duration) {
        if (duration.isPresent()) {
            duration(node, name, duration.get());
        } else {
            node.putNull(name);
            node.putNull(name + "Millis");
        }
    }

    private static void optionalText(ObjectNode node, String name, Optional<String> value) {
        if (value.isPresent()) {
            node.put(name, text(value.get()));
        } else {
            node.putNull(name);
        }
    }

    private static String text(String value) {
        return Redactor.redact(value);
    }
}
