package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.internal.report.ReportWriter;
import dev.vaulttest.junit5.fake.Journal;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class FailureDiagnosticsTest {

    @TempDir
    Path reports;

    private Path diagnosticsOf(Class<?> fixture, String test) {
        return reports.resolve(fixture.getName()).resolve(test);
    }

    @Test
    void aFailedTestLeavesDiagnosticsAndKeepsItsOriginalFailure() throws Exception {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(FailingTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement().satisfies(failure -> {
            assertThat(failure).isExactlyInstanceOf(AssertionError.class).hasMessage("the test's own failure");
            assertThat(failure.getSuppressed()).isEmpty();
        });
        Path directory = diagnosticsOf(FailingTestCases.class, "fails");
        assertThat(directory.resolve("failure.txt")).content().contains("the test's own failure");
        assertThat(directory.resolve("vault-status.txt")).content().contains("vault-fake-1-0: UNREACHABLE, pod Running ready");
        assertThat(directory.resolve("timeline.json")).content().contains("install");
        assertThat(directory.resolve("adjustments.txt")).content().contains("server.affinity");
        assertThat(directory.resolve("helm-history.txt")).content().contains("1  -  deployed  vault-0.34.1");
        assertThat(directory.resolve("effective-values.yaml")).exists();
        assertThat(directory.resolve("events.txt")).exists();
        assertThat(directory.resolve("errors.txt")).doesNotExist();
        assertThat(EngineRuns.reportEntries(results, "vault-test.diagnostics"))
                .containsExactly(directory.toAbsolutePath().toString());
        assertThat(diagnosticsOf(FailingTestCases.class, "passes")).doesNotExist();
        assertThat(results.allEvents().fileEntryPublished().stream()).as("the directory published as a file entry")
                .singleElement().satisfies(event -> assertThat(event.getPayload(
                        org.junit.platform.engine.reporting.FileEntry.class).orElseThrow().getPath()
                        .resolve("failure.txt")).exists());
    }

    @Test
    void aFailingCollectorIsAddedAsSuppressedAndNeverHidesTheFailure() throws Exception {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(BrokenCollectorTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement().satisfies(failure -> {
            assertThat(failure).isExactlyInstanceOf(IllegalStateException.class).hasMessage("original failure");
            assertThat(failure.getSuppressed()).singleElement().satisfies(suppressed -> assertThat(suppressed)
                    .hasMessageContaining("Some diagnostics could not be collected")
                    .hasMessageContaining("fake snapshot failure")
                    .hasMessageNotContaining(FakeEnvironment.ROOT_TOKEN));
        });
        Path directory = diagnosticsOf(BrokenCollectorTestCases.class, "fails");
        assertThat(directory.resolve("failure.txt")).exists();
        assertThat(directory.resolve("timeline.json")).exists();
        assertThat(directory.resolve("errors.txt")).content().contains("fake snapshot failure")
                .doesNotContain(FakeEnvironment.ROOT_TOKEN);
    }

    @Test
    void aFailingBeforeEachLeavesDiagnosticsUnderTheTestName() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(FailingBeforeEachTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement()
                .satisfies(failure -> assertThat(failure).hasMessage("setup broke"));
        assertThat(diagnosticsOf(FailingBeforeEachTestCases.class, "test").resolve("failure.txt"))
                .content().contains("setup broke");
    }

    @Test
    void noSecretReachesTheDiagnosticsOrTheReport() throws Exception {
        EngineRuns.reportingTo(reports).run(LeakingTestCases.class);

        List<Path> files;
        try (Stream<Path> walk = Files.walk(reports)) {
            files = walk.filter(Files::isRegularFile).toList();
        }
        assertThat(files).isNotEmpty().extracting(FailureDiagnosticsTest::read)
                .allSatisfy(text -> assertThat(text).doesNotContain(FakeEnvironment.ROOT_TOKEN));
        assertThat(diagnosticsOf(LeakingTestCases.class, "leaks").resolve("failure.txt")).content()
                .contains("[REDACTED]");
    }

    @Test
    void theRunReportRecordsEveryTestWithItsBringUpAndDiagnostics() throws Exception {
        EngineRuns.reportingTo(reports).run(FailingTestCases.class);

        String summary = Files.readString(reports.resolve(ReportWriter.SUMMARY_JSON));
        assertThat(summary).contains("\"testName\": \"fails\"").contains("\"testName\": \"passes\"")
                .contains("\"status\": \"FAILED\"").contains("\"status\": \"PASSED\"")
                .contains("\"failureSummary\": \"java.lang.AssertionError: the test's own failure\"")
                .contains("\"phase\": \"install\"")
                .contains("dev.vaulttest.junit5.FailureDiagnosticsTest$FailingTestCases/fails");
        assertThat(summary.split("\"phase\": \"install\"", -1)).as("bring-up attributed once").hasSize(2);
        assertThat(reports.resolve(ReportWriter.INDEX_HTML)).exists();
    }

    @Test
    void recoveriesMeasuredByInjectedChaosReachTheRunReport() throws Exception {
        EngineRuns.reportingTo(reports).run(ChaosTestCases.class);

        String summary = Files.readString(reports.resolve(ReportWriter.SUMMARY_JSON));
        assertThat(summary).contains("\"disruption\": \"delete-pod\"").contains("\"target\": \"pod/vault-0\"")
                .contains("\"recoveredAfterMillis\": 7000").contains("\"outcome\": \"RECOVERED\"");
        assertThat(summary.split("\"disruption\": \"delete-pod\"", -1)).as("recorded on its own test only")
                .hasSize(3);
    }

    @Test
    void keepOnFailureLeavesTheDeploymentRunningAndSaysHowToReachIt() throws Exception {
        EngineExecutionResults results = EngineRuns.reportingTo(reports)
                .with(VaultTestSettings.KEEP_ON_FAILURE, "true")
                .run(FailingTestCases.class);

        assertThat(Journal.events("close")).isEmpty();
        Path classDir = reports.resolve(FailingTestCases.class.getName());
        assertThat(classDir.resolve("kubeconfig.yaml")).content().contains("kind: Config");
        String instructions = Files.readString(classDir.resolve("how-to-reach.txt"));
        assertThat(instructions).contains("namespace:  vault-test-fake-1 (Helm release vault-fake-1)")
                .contains("kubectl --kubeconfig " + classDir.resolve("kubeconfig.yaml").toAbsolutePath()
                        + " -n vault-test-fake-1 port-forward pod/vault-fake-1-0 8200:8200")
                .contains("The cluster stays. StorageClasses vault-test created carry the label"
                        + " vault-test.dev/environment")
                .doesNotContain("k3s runs only as long as this JVM")
                .doesNotContain(FakeEnvironment.ROOT_TOKEN);
        assertThat(EngineRuns.reportEntries(results, "vault-test.kept")).singleElement()
                .satisfies(entry -> assertThat(entry).contains("port-forward"));
        assertThat(instructions).as("the namespace, and what the chart made outside it")
                .contains("remove it:  kubectl --kubeconfig " + classDir.resolve("kubeconfig.yaml").toAbsolutePath()
                        + " delete namespace vault-test-fake-1\n")
                .contains(" delete clusterrolebinding,clusterrole,mutatingwebhookconfiguration"
                        + " -l app.kubernetes.io/instance=vault-fake-1\n");
    }

    @Test
    void aKeptDeploymentIsAnnouncedOnceHoweverManyOfItsTestsFail() {
        ByteArrayOutputStream log = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(log, true, StandardCharsets.UTF_8));
        EngineExecutionResults results;
        try {
            results = EngineRuns.reportingTo(reports).with(VaultTestSettings.KEEP_ON_FAILURE, "true")
                    .run(TwiceFailingTestCases.class);
        } finally {
            System.setErr(originalErr);
        }

        assertThat(log.toString(StandardCharsets.UTF_8).split("vault-test left the Vault deployment of", -1))
                .as("one warning with the instructions, not one per failed test and another at the end")
                .hasSize(2);
        assertThat(EngineRuns.reportEntries(results, "vault-test.kept")).as("each failed test's report still has them")
                .hasSize(2);
        assertThat(Journal.events("close")).isEmpty();
    }

    @Test
    void withoutFailuresKeepOnFailureRemovesEverything() {
        EngineRuns.reportingTo(reports).with(VaultTestSettings.KEEP_ON_FAILURE, "true").run(PassingTestCases.class);

        assertThat(Journal.events("close")).hasSize(2);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @Fixture
    @VaultTest
    static class FailingTestCases {
        @Test
        void fails(VaultEnvironment vault) {
            throw new AssertionError("the test's own failure");
        }

        @Test
        void passes(VaultEnvironment vault) {
            assertThat(vault).isNotNull();
        }
    }

    @Fixture
    @VaultTest
    static class TwiceFailingTestCases {
        @Test
        void failsOnce(VaultEnvironment vault) {
            throw new AssertionError("the first failure");
        }

        @Test
        void failsAgain(VaultEnvironment vault) {
            throw new AssertionError("the second failure");
        }
    }

    @Fixture
    @VaultTest
    static class BrokenCollectorTestCases {
        @Test
        void fails(VaultEnvironment vault) {
            ((FakeEnvironment) vault).failSnapshots();
            throw new IllegalStateException("original failure");
        }
    }

    @Fixture
    @VaultTest
    static class FailingBeforeEachTestCases {
        @BeforeEach
        void setUp() {
            throw new IllegalStateException("setup broke");
        }

        @Test
        void test() {
            Journal.note("test ran");
        }
    }

    @Fixture
    @VaultTest
    static class LeakingTestCases {
        @Test
        void leaks(VaultEnvironment vault) {
            ((FakeEnvironment) vault).failSnapshots();
            throw new AssertionError("login failed with token " + vault.rootToken().reveal());
        }
    }

    @Fixture
    @VaultTest
    static class PassingTestCases {
        @Test
        void passes(VaultEnvironment vault) {
            assertThat(vault).isNotNull();
        }
    }

    @Fixture
    @VaultTest
    static class ChaosTestCases {
        @Test
        void measures(Chaos chaos) {
            chaos.options().measurementListener().accept(RecoveryMeasurement.recovered("delete-pod", "pod/vault-0",
                    Instant.parse("2026-11-28T10:00:00Z"), Optional.empty(), "ready gate", Duration.ofSeconds(7)));
        }

        @Test
        void measuresNothing(VaultEnvironment vault) {
            assertThat(vault).isNotNull();
        }
    }
}
