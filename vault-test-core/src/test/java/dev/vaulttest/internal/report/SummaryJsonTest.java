package dev.vaulttest.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SummaryJsonTest {

    private static final JsonMapper MAPPER = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private JsonNode writeAndParse(RunReport report) throws IOException {
        WrittenReport written = new ReportWriter(dir).write(report);
        assertThat(written.summaryJson()).isEqualTo(dir.resolve("summary.json"));
        return MAPPER.readTree(Files.readString(written.summaryJson()));
    }

    @Test
    void runHeaderAndTotalsAreWritten() throws IOException {
        JsonNode json = writeAndParse(ReportFixtures.typicalRun(dir));

        assertThat(json.get("schemaVersion").asInt()).isEqualTo(1);
        assertThat(json.get("startedAt").asString()).isEqualTo("2025-06-01T02:00:00Z");
        assertThat(json.get("duration").asString()).isEqualTo("PT20M34S");
        assertThat(json.get("durationMillis").asLong()).isEqualTo(1_234_000L);
        assertThat(json.get("environment").asString()).startsWith("k3s rancher/k3s");
        JsonNode totals = json.get("totals");
        assertThat(totals.get("tests").asInt()).isEqualTo(3);
        assertThat(totals.get("passed").asInt()).isEqualTo(1);
        assertThat(totals.get("failed").asInt()).isEqualTo(1);
        assertThat(totals.get("skipped").asInt()).isEqualTo(1);
        assertThat(totals.get("aborted").asInt()).isZero();
        assertThat(totals.get("disruptions").asInt()).isEqualTo(6);
        assertThat(totals.get("outcomes").get("RECOVERED").asInt()).isEqualTo(4);
        assertThat(totals.get("outcomes").get("DID_NOT_RECOVER").asInt()).isEqualTo(1);
        assertThat(totals.get("findings").get("ERROR").asInt()).isEqualTo(1);
        assertThat(totals.get("findings").get("INFO").asInt()).isZero();
    }

    @Test
    void testsAreSortedAndCarryEveryField() throws IOException {
        JsonNode tests = writeAndParse(ReportFixtures.typicalRun(dir)).get("tests");

        assertThat(tests.valueStream().map(test -> test.get("testClass").asString()))
                .containsExactly("com.example.vault.LeaderFailoverTest", "com.example.vault.StorageTest",
                        "com.example.vault.UpgradeTest");
        JsonNode failed = tests.get(1);
        assertThat(failed.get("testName").asString()).isEqualTo("pvcLoss <3 nodes> & recovery");
        assertThat(failed.get("status").asString()).isEqualTo("FAILED");
        assertThat(failed.get("failureSummary").asString()).startsWith("expected 3 raft voters");
        assertThat(failed.get("skipReason").isNull()).isTrue();
        assertThat(failed.get("diagnosticsDir").asString()).isEqualTo("com.example.vault.StorageTest/pvcLoss 3 nodes/");
        assertThat(failed.get("findings").valueStream().map(f -> f.get("severity").asString()))
                .containsExactly("ERROR", "WARNING");
        assertThat(failed.get("findings").get(0).propertyNames())
                .containsExactly("rule", "severity", "resource", "message", "remediation");
        assertThat(tests.get(2).get("skipReason").asString()).isEqualTo("Docker is not available: no socket");
    }

    @Test
    void recoveriesCarryInstantsAndDurationsAsIsoAndMillis() throws IOException {
        JsonNode tests = writeAndParse(ReportFixtures.typicalRun(dir)).get("tests");

        JsonNode first = tests.get(0).get("recoveries").get(0);
        assertThat(first.propertyNames()).containsExactly("disruption", "target", "appliedAt", "healedAt", "condition",
                "outcome", "recoveredAfter", "recoveredAfterMillis", "observedBrokenFor", "observedBrokenForMillis",
                "detail");
        assertThat(first.get("disruption").asString()).isEqualTo("delete-pod");
        assertThat(first.get("appliedAt").asString()).isEqualTo("2025-06-01T02:01:40Z");
        assertThat(first.get("healedAt").isNull()).isTrue();
        assertThat(Duration.parse(first.get("recoveredAfter").asString())).isEqualTo(Duration.ofMillis(12_300));
        assertThat(first.get("recoveredAfterMillis").asLong()).isEqualTo(12_300L);
        JsonNode kms = tests.get(0).get("recoveries").get(3);
        assertThat(Instant.parse(kms.get("healedAt").asString())).isEqualTo(ReportFixtures.at(460));
        JsonNode notRecovered = tests.get(1).get("recoveries").get(0);
        assertThat(notRecovered.get("outcome").asString()).isEqualTo("DID_NOT_RECOVER");
        assertThat(notRecovered.get("recoveredAfter").isNull()).isTrue();
        assertThat(notRecovered.get("recoveredAfterMillis").isNull()).isTrue();
    }

    @Test
    void bringUpPhasesKeepTheirOrder() throws IOException {
        JsonNode bringUp = writeAndParse(ReportFixtures.typicalRun(dir)).get("tests").get(0).get("bringUp");

        assertThat(bringUp.get("totalMillis").asLong()).isEqualTo(83_600L);
        assertThat(bringUp.get("phases").valueStream().map(p -> p.get("phase").asString()))
                .containsExactly("cluster", "images", "install", "pods-running", "init", "unseal", "join", "ready");
        assertThat(bringUp.get("phases").get(0).get("durationMillis").asLong()).isEqualTo(21_400L);
        assertThat(bringUp.get("phases").get(0).get("duration").asString()).isEqualTo("PT21.4S");
    }

    @Test
    void recoveryStatisticsPerFailureMode() throws IOException {
        JsonNode modes = writeAndParse(ReportFixtures.typicalRun(dir)).get("recoveryByFailureMode");

        assertThat(modes.valueStream().map(m -> m.get("disruption").asString() + "/" + m.get("condition").asString()))
                .containsExactly("block-kms/unsealed", "delete-pod/ready gate", "delete-pvc/ready gate");
        JsonNode pods = modes.get(1);
        assertThat(pods.get("measurements").asInt()).isEqualTo(3);
        assertThat(pods.get("minMillis").asLong()).isEqualTo(9_800L);
        assertThat(pods.get("medianMillis").asLong()).isEqualTo(12_300L);
        assertThat(pods.get("maxMillis").asLong()).isEqualTo(15_050L);
        assertThat(pods.get("max").asString()).isEqualTo("PT15.05S");
        JsonNode kms = modes.get(0);
        assertThat(kms.get("stayedBrokenAsExpected").asInt()).isEqualTo(1);
        assertThat(kms.get("median").isNull()).isTrue();
        assertThat(modes.get(2).get("problems").asInt()).isEqualTo(1);
    }

    @Test
    void medianOfAnEvenCountIsTheMeanOfTheMiddleTwo() throws IOException {
        TestRecord test = TestRecord.builder("A", "b")
                .recovery(ReportFixtures.recovered("delete-pod", "pod/vault-0", 0, 1_000))
                .recovery(ReportFixtures.recovered("delete-pod", "pod/vault-1", 10, 4_000))
                .build();

        JsonNode mode = writeAndParse(new RunReport(ReportFixtures.START, ReportFixtures.at(60), "", List.of(test)))
                .get("recoveryByFailureMode").get(0);

        assertThat(mode.get("medianMillis").asLong()).isEqualTo(2_500L);
    }

    @Test
    void emptyRunIsAValidSummary() throws IOException {
        JsonNode json = writeAndParse(new RunReport(ReportFixtures.START, ReportFixtures.START, "", List.of()));

        assertThat(json.get("tests").isArray()).isTrue();
        assertThat(json.get("tests")).isEmpty();
        assertThat(json.get("recoveryByFailureMode")).isEmpty();
        assertThat(json.get("totals").get("tests").asInt()).isZero();
        assertThat(json.get("durationMillis").asLong()).isZero();
    }

    @Test
    void sameReportInAnyOrderGivesByteIdenticalFiles() throws IOException {
        RunReport report = ReportFixtures.typicalRun(dir);
        ReportWriter writer = new ReportWriter(dir);
        writer.write(report);
        String json = Files.readString(dir.resolve("summary.json"));
        String html = Files.readString(dir.resolve("index.html"));
        List<TestRecord> reordered = new ArrayList<>(report.tests());
        Collections.reverse(reordered);

        writer.write(new RunReport(report.startedAt(), report.finishedAt(), report.environmentDescription(), reordered));

        assertThat(reordered).isNotEqualTo(report.tests());
        assertThat(Files.readString(dir.resolve("summary.json"))).isEqualTo(json);
        assertThat(Files.readString(dir.resolve("index.html"))).isEqualTo(html);
        assertThat(json).doesNotContain("\r").contains("\"schemaVersion\": 1");
    }

    @Test
    void writingAgainReplacesTheFilesAndLeavesDiagnosticsAlone() throws IOException {
        Path diagnostics = Files.createDirectories(dir.resolve("SomeTest/someMethod"));
        Files.writeString(diagnostics.resolve("pod-logs.txt"), "log");
        new ReportWriter(dir).write(ReportFixtures.typicalRun(dir));

        new ReportWriter(dir).write(new RunReport(ReportFixtures.START, ReportFixtures.START, "", List.of()));

        assertThat(MAPPER.readTree(Files.readString(dir.resolve("summary.json"))).get("tests")).isEmpty();
        assertThat(diagnostics.resolve("pod-logs.txt")).hasContent("log");
        try (var files = Files.list(dir)) {
            assertThat(files.map(path -> path.getFileName().toString())).doesNotContain("summary.json.tmp",
                    "index.html.tmp");
        }
    }
}
