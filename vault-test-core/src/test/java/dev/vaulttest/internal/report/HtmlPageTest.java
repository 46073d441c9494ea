package dev.vaulttest.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.check.Finding;
import dev.vaulttest.check.Finding.Severity;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HtmlPageTest {

    @TempDir
    Path dir;

    private String write(RunReport report) throws IOException {
        return Files.readString(new ReportWriter(dir).write(report).indexHtml());
    }

    private static long count(String html, String fragment) {
        return Pattern.compile(Pattern.quote(fragment)).matcher(html).results().count();
    }

    @Test
    void testNamesAndFreeTextAreEscaped() throws IOException {
        TestRecord nasty = TestRecord.builder("com.example.<Evil>&Co", "name <script>alert('x')</script> & \"q\"")
                .failed("expected <b>3</b> & got \"2\"")
                .findings(List.of(new Finding("R<1>", Severity.INFO, "Pod/<p>", "m & <i>", "fix \"it\"")))
                .build();

        String html = write(new RunReport(ReportFixtures.START, ReportFixtures.at(1), "env <x> & y", List.of(nasty)));

        assertThat(html).doesNotContain("<script", "<Evil>", "<b>3</b>", "<i>", "<p>", "<x>")
                .contains("name &lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &quot;q&quot;")
                .contains("com.example.&lt;Evil&gt;&amp;Co")
                .contains("expected &lt;b&gt;3&lt;/b&gt; &amp; got &quot;2&quot;")
                .contains("env &lt;x&gt; &amp; y");
    }

    @Test
    void pageIsSelfContainedWithoutScriptsOrExternalAssets() throws IOException {
        String html = write(ReportFixtures.typicalRun(dir));

        assertThat(html).startsWith("<!DOCTYPE html>").contains("<style>", "<svg")
                .doesNotContainIgnoringCase("<script").doesNotContain("<link", " src=", "@import", "url(");
        Matcher hrefs = Pattern.compile("href=\"([^\"]*)\"").matcher(html);
        while (hrefs.find()) {
            assertThat(hrefs.group(1)).as("link target").doesNotContain("://");
        }
    }

    @Test
    void headerTotalsAndStatusBadgesAreShown() throws IOException {
        String html = write(ReportFixtures.typicalRun(dir));

        assertThat(html).contains("vault-test resilience report", "2025-06-01 02:00:00Z", "took 20 min 34 s")
                .contains("<span class=\"count\">3</span><span class=\"label\">tests</span>")
                .contains("<li class=\"alert\"><span class=\"count\">1</span><span class=\"label\">failed</span>")
                .contains("<span class=\"count\">1</span><span class=\"label\">did not recover</span>");
        assertThat(count(html, "<span class=\"badge status-passed\">PASSED</span>")).isEqualTo(2);
        assertThat(count(html, "<span class=\"badge status-failed\">FAILED</span>")).isEqualTo(2);
        assertThat(count(html, "<span class=\"badge status-skipped\">SKIPPED</span>")).isEqualTo(2);
    }

    @Test
    void eachTestShowsItsDisruptionsOutcomesAndRecoveryTimes() throws IOException {
        String html = write(ReportFixtures.typicalRun(dir));

        assertThat(count(html, "<span class=\"badge outcome-recovered\">RECOVERED</span>")).isEqualTo(4);
        assertThat(html).contains("<span class=\"badge outcome-did-not-recover\">DID NOT RECOVER</span>")
                .contains("<span class=\"badge outcome-stayed-broken-as-expected\">STAYED BROKEN AS EXPECTED</span>")
                .contains("<td class=\"num\">12.3 s</td>", "<td class=\"num\">41.0 s</td>")
                .contains("pvc/data-vault-2", "last seen: vault-2 sealed=true")
                .contains("2 applied, <strong class=\"bad\">1 did not recover</strong>")
                .contains("<time datetime=\"2025-06-01T02:07:40Z\">02:07:40.000Z</time>");
    }

    @Test
    void bringUpPhasesAreListedWithTheirDurations() throws IOException {
        String html = write(ReportFixtures.typicalRun(dir));

        assertThat(html).contains("Bring-up phases (1 min 24 s)");
        for (String phase : List.of("cluster", "images", "install", "pods-running", "init", "unseal", "join", "ready")) {
            assertThat(html).contains("<tr><td>" + phase + "</td>");
        }
        assertThat(html).contains("<td class=\"num\">21.4 s</td>", "<span style=\"left:0%;width:25.6%\">");
    }

    @Test
    void findingsHaveSeverityBadgesMostSevereFirst() throws IOException {
        String html = write(ReportFixtures.typicalRun(dir));

        int error = html.indexOf("<span class=\"badge sev-error\">ERROR</span> <code>DEV_MODE</code>");
        int warning = html.indexOf("<span class=\"badge sev-warning\">WARNING</span> <code>RECLAIM_POLICY_DELETE</code>");
        assertThat(error).isPositive();
        assertThat(warning).isGreaterThan(error);
        assertThat(html).contains("Fix: Set server.dev.enabled: false", "StatefulSet/vault")
                .contains("<span class=\"badge sev-error\">1 ERROR</span>");
    }

    @Test
    void diagnosticsAreLinkedRelativeToTheReportDirectory() throws IOException {
        String html = write(ReportFixtures.typicalRun(dir));

        assertThat(html).contains("<a class=\"diagnostics\" href=\"com.example.vault.StorageTest/pvcLoss%203%20nodes/\">"
                + "com.example.vault.StorageTest/pvcLoss 3 nodes/</a>");
        assertThat(count(html, "class=\"diagnostics\" href=")).isEqualTo(2);
        assertThat(html).doesNotContain(dir.toString());
    }

    @Test
    void diagnosticsOutsideTheReportDirectoryAreLinkedUpwards() throws IOException {
        TestRecord test = TestRecord.builder("A", "b").failed("x")
                .diagnosticsDir(dir.resolveSibling("elsewhere").resolve("A#b")).build();

        String html = write(new RunReport(ReportFixtures.START, ReportFixtures.START, "", List.of(test)));

        assertThat(html).contains("href=\"../elsewhere/A%23b/\"");
    }

    @Test
    void overviewLinksToEachTestsDetails() throws IOException {
        String html = write(ReportFixtures.typicalRun(dir));

        for (int i = 1; i <= 3; i++) {
            assertThat(html).contains("href=\"#test-" + i + "\"", "id=\"test-" + i + "\"");
        }
    }

    @Test
    void emptyRunSaysSoEverywhere() throws IOException {
        String html = write(new RunReport(ReportFixtures.START, ReportFixtures.START, "", List.of()));

        assertThat(html).contains("No disruption was applied in this run", "No test reported to this run")
                .contains("<span class=\"count\">0</span><span class=\"label\">tests</span>")
                .doesNotContain("<svg", "<table", "<pre class=\"env\">");
    }
}
