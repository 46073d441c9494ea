package dev.vaulttest.internal.cli;

import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.Finding;
import dev.vaulttest.check.Finding.Severity;
import java.io.PrintStream;
import java.util.List;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** Prints a {@link CheckReport} for people (grouped by severity, with a summary) or as JSON for tools. */
final class ReportPrinter {

    private ReportPrinter() {
    }

    /** {@code {"findings":[{"rule":..,"severity":..,"resource":..,"message":..,"remediation":..}]}}. */
    static void json(CheckReport report, PrintStream out) {
        JsonMapper mapper = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();
        ObjectNode root = mapper.createObjectNode();
        ArrayNode findings = root.putArray("findings");
        for (Finding finding : report.findings()) {
            findings.addObject()
                    .put("rule", finding.rule())
                    .put("severity", finding.severity().name())
                    .put("resource", finding.resource())
                    .put("message", finding.message())
                    .put("remediation", finding.remediation());
        }
        out.println(mapper.writeValueAsString(root));
    }

    static void text(CheckReport report, String subject, Severity failOn, PrintStream out) {
        out.println("vault-test check of " + subject);
        for (Severity severity : Severity.values()) {
            List<Finding> group = report.findings().stream().filter(f -> f.severity() == severity).toList();
            if (group.isEmpty()) {
                continue;
            }
            out.println();
            out.println(severity + " (" + group.size() + ")");
            for (Finding finding : group) {
                out.println("  " + finding.rule() + "  " + finding.resource());
                out.println("    " + indent(finding.message()));
                out.println("    Fix: " + indent(finding.remediation()));
            }
        }
        out.println();
        out.println(summary(report, failOn));
    }

    private static String summary(CheckReport report, Severity failOn) {
        long errors = count(report, Severity.ERROR);
        long warnings = count(report, Severity.WARNING);
        long infos = count(report, Severity.INFO);
        int failing = report.atOrAbove(failOn).size();
        String counts = report.findings().isEmpty()
                ? "No findings."
                : report.findings().size() + (report.findings().size() == 1 ? " finding" : " findings") + ": "
                        + plural(errors, "error") + ", " + plural(warnings, "warning") + ", " + infos + " info.";
        String verdict = failing == 0
                ? "PASS: no finding at or above " + failOn + "."
                : "FAIL: " + plural(failing, "finding") + " at or above " + failOn + ".";
        return counts + " " + verdict;
    }

    private static long count(CheckReport report, Severity severity) {
        return report.findings().stream().filter(f -> f.severity() == severity).count();
    }

    private static String plural(long n, String word) {
        return n + " " + word + (n == 1 ? "" : "s");
    }

    private static String indent(String text) {
        return text.strip().replace("\n", "\n    ");
    }
}
