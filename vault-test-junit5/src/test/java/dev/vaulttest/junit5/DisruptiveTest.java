package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.internal.report.ReportWriter;
import dev.vaulttest.junit5.fake.FakeEnvironmentFactory;
import dev.vaulttest.junit5.fake.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class DisruptiveTest {

    @TempDir
    Path reports;

    @Test
    void disruptiveTestsTakeTheWriteLockAndDeploymentsTheReadLock() {
        assertThat(AnnotationSupport.findRepeatableAnnotations(Disruptive.class, ResourceLock.class))
                .singleElement().satisfies(lock -> {
                    assertThat(lock.value()).isEqualTo("vault-test:deployment");
                    assertThat(lock.mode()).isEqualTo(ResourceAccessMode.READ_WRITE);
                });
        for (Class<?> annotation : List.of(VaultTest.class, VaultDeployment.class)) {
            assertThat(AnnotationSupport.findRepeatableAnnotations(annotation, ResourceLock.class))
                    .singleElement().satisfies(lock -> {
                        assertThat(lock.value()).isEqualTo(Disruptive.RESOURCE);
                        assertThat(lock.mode()).isEqualTo(ResourceAccessMode.READ);
                    });
        }
    }

    @Test
    void aSealedDeploymentIsUnsealedAndTheNextTestGetsTheSameOne() throws Exception {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(SealingTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Journal.events()).containsSubsequence("unsealAll #1", "awaitReady #1", "next test sees #1 HEALTHY");
        assertThat(Journal.events("deploy")).hasSize(1);
        assertThat(EngineRuns.reportEntries(results, "vault-test.recovery")).singleElement()
                .satisfies(entry -> assertThat(entry).startsWith("ready again after"));
        assertThat(Files.readString(reports.resolve(ReportWriter.SUMMARY_JSON))).contains("\"phase\": \"recovery\"");
    }

    @Test
    void aDeploymentThatDoesNotRecoverIsRebuiltSoTheNextTestStartsHealthy() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(BreakingTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Journal.events()).map(event -> event.replaceFirst(" on cluster .*", ""))
                .containsSubsequence("deploy #1", "awaitReady #1", "close deployment #1", "deploy #2",
                        "next test sees #2 HEALTHY", "close deployment #2");
        assertThat(EngineRuns.reportEntries(results, "vault-test.recovery")).singleElement()
                .satisfies(entry -> assertThat(entry).startsWith("rebuilt: not ready within PT1M")
                        .contains("deployment is BROKEN").contains("the rebuild took"));
    }

    @Test
    void aTestThatDestroysItsDeploymentByDesignGetsANewOneWithoutARecoveryCheck() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(DestroyingTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Journal.events("awaitReady")).as("no recovery check").isEmpty();
        assertThat(Journal.events("unsealAll")).isEmpty();
        assertThat(Journal.events()).map(event -> event.replaceFirst(" on cluster .*", ""))
                .containsSubsequence("deploy #1", "close deployment #1", "deploy #2", "next test sees #2 HEALTHY");
        assertThat(EngineRuns.reportEntries(results, "vault-test.recovery")).singleElement()
                .satisfies(entry -> assertThat(entry).startsWith("rebuilt: the test destroys its deployment by design")
                        .contains("the rebuild took"));
    }

    @Test
    void testsThatAreNotDisruptiveAreNotChecked() {
        EngineRuns.reportingTo(reports).run(ReadOnlyTestCases.class);

        assertThat(Journal.events("awaitReady")).isEmpty();
        assertThat(Journal.events("unsealAll")).isEmpty();
    }

    @Test
    void aFailedRebuildFailsTheDisruptiveTestWithBothCauses() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(FailingRebuildTestCases.class);

        List<Throwable> failures = EngineRuns.failures(results);
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).hasMessageContaining("was broken after a @Disruptive test and could not be rebuilt")
                .hasMessageNotContaining(FakeEnvironment.ROOT_TOKEN)
                .satisfies(failure -> assertThat(failure.getSuppressed()).singleElement()
                        .satisfies(s -> assertThat(s).hasMessageContaining("deployment is BROKEN")));
        assertThat(failures.get(1)).hasMessageContaining("failed to come up");
    }

    @Test
    void withKeepOnFailureABrokenDeploymentOfAFailedTestIsLeftRunningAndReplaced() {
        EngineRuns.reportingTo(reports).with(VaultTestSettings.KEEP_ON_FAILURE, "true")
                .run(FailingBreakingTestCases.class);

        assertThat(Journal.events("deploy")).hasSize(2);
        assertThat(Journal.events("close deployment #1")).isEmpty();
        assertThat(Journal.events("next test sees")).containsExactly("next test sees #2 HEALTHY");
    }

    @Test
    void aDisruptiveTestNeverRunsAlongsideAnotherClassUnderParallelExecution() {
        EngineRuns.reportingTo(reports)
                .with("junit.jupiter.execution.parallel.enabled", "true")
                .with("junit.jupiter.execution.parallel.mode.default", "concurrent")
                .with("junit.jupiter.execution.parallel.mode.classes.default", "concurrent")
                .run(SlowReaderTestCases.class, SlowDisruptiveTestCases.class, OtherSlowReaderTestCases.class);

        List<String> marks = Journal.events().stream().filter(e -> e.startsWith("start ") || e.startsWith("end "))
                .toList();
        int disruptiveStart = marks.indexOf("start disruptive");
        int disruptiveEnd = marks.indexOf("end disruptive");
        assertThat(disruptiveEnd).isEqualTo(disruptiveStart + 1)
                .as("nothing starts or ends while the disruptive test runs: %s", marks);
    }

    @Fixture
    @VaultTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class SealingTestCases {
        @Test
        @Order(1)
        @Disruptive
        void sealsTheNodes(VaultEnvironment vault) {
            ((FakeEnvironment) vault).damage(FakeEnvironment.Health.SEALED);
        }

        @Test
        @Order(2)
        void next(VaultEnvironment vault) {
            FakeEnvironment fake = (FakeEnvironment) vault;
            Journal.note("next test sees #" + fake.number() + " " + fake.health());
        }
    }

    @Fixture
    @VaultTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class BreakingTestCases {
        @Test
        @Order(1)
        @Disruptive
        void breaksTheDeployment(VaultEnvironment vault) {
            ((FakeEnvironment) vault).damage(FakeEnvironment.Health.BROKEN);
        }

        @Test
        @Order(2)
        void next(VaultEnvironment vault) {
            FakeEnvironment fake = (FakeEnvironment) vault;
            Journal.note("next test sees #" + fake.number() + " " + fake.health());
        }
    }

    @Fixture
    @VaultTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class DestroyingTestCases {
        @Test
        @Order(1)
        @Disruptive(rebuild = true)
        void deletesEveryVolume(VaultEnvironment vault) {
            assertThat(vault).isNotNull();
        }

        @Test
        @Order(2)
        void next(VaultEnvironment vault) {
            FakeEnvironment fake = (FakeEnvironment) vault;
            Journal.note("next test sees #" + fake.number() + " " + fake.health());
        }
    }

    @Fixture
    @VaultTest
    static class ReadOnlyTestCases {
        @Test
        void reads(VaultEnvironment vault) {
            assertThat(vault).isNotNull();
        }
    }

    @Fixture
    @VaultTest
    @VaultDeployment(namespace = FakeEnvironmentFactory.FAILING_REBUILD_NAMESPACE)
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FailingRebuildTestCases {
        @Test
        @Order(1)
        @Disruptive
        void breaksTheDeployment(VaultEnvironment vault) {
            ((FakeEnvironment) vault).damage(FakeEnvironment.Health.BROKEN);
        }

        @Test
        @Order(2)
        void next(VaultEnvironment vault) {
            Journal.note("next test ran");
        }
    }

    @Fixture
    @VaultTest
    @TestMethodOrder(MethodOrderer.OrderAnnotation.class)
    static class FailingBreakingTestCases {
        @Test
        @Order(1)
        @Disruptive
        void breaksAndFails(VaultEnvironment vault) {
            ((FakeEnvironment) vault).damage(FakeEnvironment.Health.BROKEN);
            throw new AssertionError("Vault did not survive");
        }

        @Test
        @Order(2)
        void next(VaultEnvironment vault) {
            FakeEnvironment fake = (FakeEnvironment) vault;
            Journal.note("next test sees #" + fake.number() + " " + fake.health());
        }
    }

    static void slow(String name) throws InterruptedException {
        Journal.note("start " + name);
        Thread.sleep(300);
        Journal.note("end " + name);
    }

    @Fixture
    @VaultTest
    static class SlowReaderTestCases {
        @Test
        void first() throws InterruptedException {
            slow("reader 1a");
        }

        @Test
        void second() throws InterruptedException {
            slow("reader 1b");
        }
    }

    @Fixture
    @VaultTest
    static class OtherSlowReaderTestCases {
        @Test
        void first() throws InterruptedException {
            slow("reader 2a");
        }
    }

    @Fixture
    @VaultTest
    static class SlowDisruptiveTestCases {
        @Test
        @Disruptive
        void disrupts() throws InterruptedException {
            slow("disruptive");
        }

        @Test
        void reads() throws InterruptedException {
            slow("reader 3");
        }
    }
}
