package dev.vaulttest.internal.report;

import static dev.vaulttest.internal.report.Html.text;

import dev.vaulttest.check.Finding;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.internal.report.TestRecord.Status;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.timing.RecoveryMeasurement.Outcome;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Turns a {@link ReportModel} into {@code index.html}: one self-contained page with inline CSS and an
 * inline SVG chart, no scripts and no external assets, so it can be archived by CI and opened anywhere.
 */
final class HtmlPage {

    private static final String STYLE = """
            :root { color-scheme: light; --ok: #1a7f37; --bad: #cf222e; --warn: #9a6700; --info: #0969da;
              --muted: #57606a; --line: #d0d7de; --band: #f6f8fa; }
            * { box-sizing: border-box; }
            body { font: 14px/1.45 system-ui, -apple-system, "Segoe UI", Roboto, "DejaVu Sans", sans-serif;
              color: #1f2328; margin: 0; padding: 24px; max-width: 1200px; margin-inline: auto; }
            h1 { font-size: 24px; margin: 0 0 4px; }
            h2 { font-size: 18px; margin: 28px 0 10px; border-bottom: 1px solid var(--line); padding-bottom: 4px; }
            h3 { font-size: 15px; margin: 0 0 8px; overflow-wrap: anywhere; }
            h4 { font-size: 13px; margin: 12px 0 4px; color: var(--muted); text-transform: uppercase;
              letter-spacing: .04em; }
            .meta { color: var(--muted); margin: 0 0 6px; }
            pre { white-space: pre-wrap; overflow-wrap: anywhere; margin: 4px 0; font: 12px/1.4 ui-monospace,
              "DejaVu Sans Mono", monospace; }
            pre.env { background: var(--band); padding: 8px 10px; border-radius: 6px; }
            .totals { display: flex; flex-wrap: wrap; gap: 8px; padding: 0; margin: 0; list-style: none; }
            .totals li { border: 1px solid var(--line); border-radius: 8px; padding: 8px 14px; min-width: 104px; }
            .totals .count { display: block; font-size: 22px; font-weight: 600; }
            .totals .label { color: var(--muted); font-size: 12px; }
            .totals li.alert { border-color: var(--bad); }
            .totals li.alert .count { color: var(--bad); }
            .badge { display: inline-block; padding: 1px 7px; border-radius: 10px; font-size: 11px; font-weight: 600;
              letter-spacing: .03em; color: #fff; vertical-align: 1px; white-space: nowrap; }
            .status-passed, .outcome-recovered { background: var(--ok); }
            .status-failed, .outcome-did-not-recover, .outcome-fault-not-effective, .sev-error
              { background: var(--bad); }
            .status-skipped { background: #6e7781; }
            .status-aborted, .sev-warning { background: var(--warn); }
            .outcome-stayed-broken-as-expected { background: #8250df; }
            .sev-info { background: var(--info); }
            table { border-collapse: collapse; width: 100%; margin: 4px 0; }
            th, td { text-align: left; padding: 5px 8px; border-bottom: 1px solid var(--line); vertical-align: top;
              overflow-wrap: break-word; }
            th, td.nowrap { white-space: nowrap; }
            a.diagnostics, td.wrap { overflow-wrap: anywhere; }
            th { font-size: 12px; color: var(--muted); font-weight: 600; }
            td.num, th.num { text-align: right; white-space: nowrap; }
            .class { color: var(--muted); font-weight: normal; font-size: 12px; }
            .chart { overflow-x: auto; }
            svg.recovery-chart { width: 100%; max-width: 960px; height: auto; display: block;
              font-family: system-ui, "DejaVu Sans", sans-serif; }
            svg .band { fill: var(--band); }
            svg .grid { stroke: var(--line); stroke-width: 1; }
            svg .axis-line { stroke: #8c959f; stroke-width: 1; }
            svg .tick { font-size: 12px; fill: var(--muted); }
            svg .axis-title { font-size: 13px; fill: #1f2328; }
            svg .mode-label { font-size: 13px; font-weight: 600; fill: #1f2328; }
            svg .mode-condition { font-size: 11px; fill: var(--muted); }
            svg .range { fill: #9ec5fe; }
            svg .point { fill: #0969da; fill-opacity: .8; stroke: #fff; stroke-width: 1; }
            svg .median { fill: #1f2328; }
            svg .stats { font-size: 12px; fill: #1f2328; }
            svg .stats.problem, svg .no-recovery.problem { fill: var(--bad); font-weight: 600; }
            svg .no-recovery { font-size: 12px; fill: var(--muted); }
            svg .stats.note { fill: #8250df; }
            svg .stats.ok { fill: var(--ok); }
            .legend, .empty { color: var(--muted); font-size: 12px; }
            article.test { border: 1px solid var(--line); border-left: 5px solid #6e7781; border-radius: 6px;
              padding: 12px 14px; margin: 12px 0; }
            article.test.failed { border-left-color: var(--bad); }
            article.test.passed { border-left-color: var(--ok); }
            article.test.aborted { border-left-color: var(--warn); }
            .failure { background: #ffebe9; border-radius: 6px; padding: 6px 10px; }
            .reason { color: var(--muted); }
            .bad { color: var(--bad); }
            ul.findings { list-style: none; padding: 0; margin: 0; }
            ul.findings li { padding: 4px 0; border-bottom: 1px solid var(--line); }
            .remediation { color: var(--muted); font-size: 12px; margin-left: 2px; }
            .gantt { position: relative; height: 10px; background: var(--band); border-radius: 3px; min-width: 160px; }
            .gantt span { position: absolute; top: 0; bottom: 0; background: #54aeff; border-radius: 3px;
              min-width: 2px; }
            footer { margin-top: 32px; color: var(--muted); font-size: 12px; }
            """;

    String render(ReportModel model) {
        RunReport report = model.report();
        StringBuilder html = new StringBuilder(16_384);
        html.append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n")
                .append("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n")
                .append("<title>vault-test resilience report ").append(Format.dateTime(report.startedAt()))
                .append("</title>\n<style>\n").append(STYLE).append("</style>\n</head>\n<body>\n");
        header(html, report);
        totals(html, model);
        html.append("<section id=\"recovery\">\n<h2>Recovery time per failure mode</h2>\n<div class=\"chart\">\n")
                .append(RecoveryChart.render(model.groups())).append("</div>\n");
        if (!model.groups().isEmpty()) {
            html.append("<p class=\"legend\">Each row is one disruption waited out until one condition. Bar: fastest"
                    + " to slowest recovery; dot: one recovery; dark mark: median. Only recovered disruptions have a"
                    + " time; the right column counts those that did not recover.</p>\n");
        }
        html.append("</section>\n");
        overview(html, model);
        html.append("<section id=\"details\">\n<h2>Test details</h2>\n");
        List<TestRecord> tests = model.tests();
        for (int i = 0; i < tests.size(); i++) {
            test(html, tests.get(i), i + 1, model);
        }
        if (tests.isEmpty()) {
            html.append("<p class=\"empty\">No test reported to this run.</p>\n");
        }
        html.append("</section>\n<footer>Written by vault-test. Secrets are redacted. The same data, for machines:"
                + " <a href=\"summary.json\">summary.json</a>.</footer>\n</body>\n</html>\n");
        return html.toString();
    }

    private static void header(StringBuilder html, RunReport report) {
        html.append("<header>\n<h1>vault-test resilience report</h1>\n<p class=\"meta\">Started <time datetime=\"")
                .append(report.startedAt()).append("\">").append(Format.dateTime(report.startedAt()))
                .append("</time> · finished <time datetime=\"").append(report.finishedAt()).append("\">")
                .append(Format.dateTime(report.finishedAt())).append("</time> · took ")
                .append(Format.duration(report.duration())).append("</p>\n");
        if (!report.environmentDescription().isBlank()) {
            html.append("<pre class=\"env\">").append(text(report.environmentDescription())).append("</pre>\n");
        }
        html.append("</header>\n");
    }

    private static void totals(StringBuilder html, ReportModel model) {
        RunReport report = model.report();
        html.append("<section id=\"totals\">\n<h2>Totals</h2>\n<ul class=\"totals\">\n");
        total(html, "tests", model.tests().size(), false);
        total(html, "passed", report.count(Status.PASSED), false);
        total(html, "failed", report.count(Status.FAILED), true);
        total(html, "skipped", report.count(Status.SKIPPED), false);
        total(html, "aborted", report.count(Status.ABORTED), false);
        total(html, "disruptions", model.disruptions(), false);
        total(html, "recovered", model.recoveriesWith(Outcome.RECOVERED), false);
        total(html, "did not recover", model.recoveriesWith(Outcome.DID_NOT_RECOVER), true);
        total(html, "fault not effective", model.recoveriesWith(Outcome.FAULT_NOT_EFFECTIVE), true);
        for (Map.Entry<Severity, Long> entry : model.findingCounts().entrySet()) {
            total(html, entry.getKey().name().toLowerCase(Locale.ROOT) + " findings", entry.getValue(),
                    entry.getKey() == Severity.ERROR);
        }
        html.append("</ul>\n</section>\n");
    }

    private static void total(StringBuilder html, String label, long count, boolean alertWhenNonZero) {
        html.append("<li").append(alertWhenNonZero && count > 0 ? " class=\"alert\"" : "")
                .append("><span class=\"count\">").append(count).append("</span><span class=\"label\">")
                .append(label).append("</span></li>\n");
    }

    private static void overview(StringBuilder html, ReportModel model) {
        html.append("<section id=\"tests\">\n<h2>Tests</h2>\n");
        if (model.tests().isEmpty()) {
            html.append("<p class=\"empty\">No test reported to this run.</p>\n</section>\n");
            return;
        }
        html.append("<table class=\"overview\">\n<thead><tr><th>Status</th><th>Test</th><th>Disruptions</th>"
                + "<th class=\"num\">Slowest recovery</th><th class=\"num\">Bring-up</th><th>Findings</th>"
                + "<th>Diagnostics</th></tr></thead>\n<tbody>\n");
        List<TestRecord> tests = model.tests();
        for (int i = 0; i < tests.size(); i++) {
            TestRecord test = tests.get(i);
            html.append("<tr><td>").append(statusBadge(test.status())).append("</td><td><a href=\"#test-")
                    .append(i + 1).append("\">").append(text(test.testName()))
                    .append("</a> <span class=\"class\" title=\"")
                    .append(text(test.testClass())).append("\">").append(text(simpleName(test.testClass())))
                    .append("</span></td><td>").append(disruptionSummary(test)).append("</td><td class=\"num\">")
                    .append(test.recoveries().stream().filter(r -> r.outcome() == Outcome.RECOVERED)
                            .flatMap(r -> r.recoveredAfter().stream())
                            .max(Duration::compareTo).map(Format::duration).orElse("–"))
                    .append("</td><td class=\"num\">")
                    .append(test.bringUp().isEmpty() ? "–" : Format.duration(test.bringUp().total()))
                    .append("</td><td>").append(findingSummary(test)).append("</td><td>")
                    .append(diagnosticsLink(model, test).orElse("–")).append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n</section>\n");
    }

    private static String disruptionSummary(TestRecord test) {
        if (test.recoveries().isEmpty()) {
            return "–";
        }
        long problems = test.recoveries().stream().filter(r -> r.outcome().isProblem()).count();
        String applied = test.recoveries().size() + " applied";
        return problems == 0 ? applied : applied + ", <strong class=\"bad\">" + problems + " did not recover</strong>";
    }

    private static String findingSummary(TestRecord test) {
        if (test.findings().isEmpty()) {
            return "–";
        }
        StringBuilder out = new StringBuilder();
        for (Severity severity : Severity.values()) {
            long count = test.findings().stream().filter(f -> f.severity() == severity).count();
            if (count > 0) {
                out.append(severityBadge(severity, count + " " + severity.name())).append(' ');
            }
        }
        return out.toString().strip();
    }

    private static void test(StringBuilder html, TestRecord test, int number, ReportModel model) {
        String status = test.status().name().toLowerCase(Locale.ROOT);
        html.append("<article class=\"test ").append(status).append("\" id=\"test-").append(number).append("\">\n")
                .append("<h3>").append(statusBadge(test.status())).append(' ').append(text(test.testName()))
                .append(" <span class=\"class\">").append(text(test.testClass())).append("</span></h3>\n");
        test.failureSummary().ifPresent(summary ->
                html.append("<pre class=\"failure\">").append(text(summary)).append("</pre>\n"));
        test.skipReason().ifPresent(reason ->
                html.append("<p class=\"reason\">").append(test.status() == Status.ABORTED ? "Aborted: " : "Skipped: ")
                        .append(text(reason)).append("</p>\n"));
        diagnosticsLink(model, test).ifPresent(link ->
                html.append("<p class=\"diagnostics\">Diagnostics: ").append(link).append("</p>\n"));
        if (!test.recoveries().isEmpty()) {
            recoveries(html, test.recoveries());
        }
        if (!test.bringUp().isEmpty()) {
            bringUp(html, test.bringUp());
        }
        if (!test.findings().isEmpty()) {
            findings(html, ReportModel.sortedFindings(test));
        }
        html.append("</article>\n");
    }

    private static void recoveries(StringBuilder html, List<RecoveryMeasurement> recoveries) {
        html.append("<h4>Disruptions</h4>\n<table class=\"recoveries\">\n<thead><tr><th>Disruption</th><th>Target</th>"
                + "<th>Applied</th><th>Healed</th><th>Until</th><th>Outcome</th><th class=\"num\">Recovered after</th>"
                + "<th>Detail</th></tr></thead>\n<tbody>\n");
        for (RecoveryMeasurement recovery : recoveries) {
            html.append("<tr><td class=\"nowrap\">").append(text(recovery.disruption()))
                    .append("</td><td class=\"wrap\">")
                    .append(text(recovery.target())).append("</td><td class=\"nowrap\"><time datetime=\"")
                    .append(recovery.appliedAt()).append("\">").append(Format.time(recovery.appliedAt()))
                    .append("</time></td><td class=\"nowrap\">")
                    .append(recovery.healedAt().map(healed -> "<time datetime=\"" + healed + "\">"
                            + Format.time(healed) + "</time>").orElse("–"))
                    .append("</td><td>").append(text(recovery.condition())).append("</td><td class=\"nowrap\">")
                    .append(outcomeBadge(recovery.outcome())).append("</td><td class=\"num\">")
                    .append(recovery.recoveredAfter().map(Format::duration).orElse("–")).append("</td><td>")
                    .append(recovery.detail().isEmpty() ? "" : "<pre>" + text(recovery.detail()) + "</pre>")
                    .append("</td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void bringUp(StringBuilder html, PhaseTimeline timeline) {
        html.append("<h4>Bring-up phases (").append(Format.duration(timeline.total())).append(")</h4>\n")
                .append("<table class=\"phases\">\n<thead><tr><th>Phase</th><th class=\"num\">Starts after</th>"
                        + "<th class=\"num\">Duration</th><th style=\"width:45%\">Timeline</th></tr></thead>\n"
                        + "<tbody>\n");
        long totalMillis = Math.max(1, timeline.total().toMillis());
        java.time.Instant first = timeline.phases().get(0).start();
        for (PhaseTiming timing : timeline.phases()) {
            long offset = Duration.between(first, timing.start()).toMillis();
            double left = 100.0 * offset / totalMillis;
            double width = 100.0 * timing.duration().toMillis() / totalMillis;
            html.append("<tr><td>").append(text(timing.phase().label())).append("</td><td class=\"num\">")
                    .append(Format.duration(Duration.ofMillis(offset))).append("</td><td class=\"num\">")
                    .append(Format.duration(timing.duration()))
                    .append("</td><td><div class=\"gantt\"><span style=\"left:")
                    .append(Format.coord(left)).append("%;width:").append(Format.coord(width))
                    .append("%\"></span></div></td></tr>\n");
        }
        html.append("</tbody>\n</table>\n");
    }

    private static void findings(StringBuilder html, List<Finding> findings) {
        html.append("<h4>Findings</h4>\n<ul class=\"findings\">\n");
        for (Finding finding : findings) {
            html.append("<li>").append(severityBadge(finding.severity(), finding.severity().name()))
                    .append(" <code>").append(text(finding.rule())).append("</code> <span class=\"resource\">")
                    .append(text(finding.resource())).append("</span>: ").append(text(finding.message()))
                    .append("<div class=\"remediation\">Fix: ").append(text(finding.remediation()))
                    .append("</div></li>\n");
        }
        html.append("</ul>\n");
    }

    private static Optional<String> diagnosticsLink(ReportModel model, TestRecord test) {
        return model.diagnosticsHref(test).map(href ->
                "<a class=\"diagnostics\" href=\"" + text(href) + "\">" + text(model.diagnosticsPath(test).orElse(href))
                        + "</a>");
    }

    private static String statusBadge(Status status) {
        return "<span class=\"badge status-" + status.name().toLowerCase(Locale.ROOT) + "\">" + status.name()
                + "</span>";
    }

    private static String outcomeBadge(Outcome outcome) {
        return "<span class=\"badge outcome-" + outcome.name().toLowerCase(Locale.ROOT).replace('_', '-') + "\">"
                + outcome.name().replace('_', ' ') + "</span>";
    }

    private static String severityBadge(Severity severity, String label) {
        return "<span class=\"badge sev-" + severity.name().toLowerCase(Locale.ROOT) + "\">" + text(label) + "</span>";
    }

    private static String simpleName(String className) {
        int dot = className.lastIndexOf('.');
        return dot < 0 ? className : className.substring(dot + 1);
    }
}
