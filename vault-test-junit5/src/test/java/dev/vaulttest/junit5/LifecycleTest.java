package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.junit5.fake.FakeEnvironmentFactory;
import dev.vaulttest.junit5.fake.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class LifecycleTest {

    @TempDir
    Path reports;

    @Test
    void classesAskingForTheSameClusterShareOneAndEachGetsItsOwnDeployment() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(FirstTestCases.class, SecondTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(4).failed(0));
        assertThat(Journal.events("open cluster")).hasSize(1);
        assertThat(Journal.events("deploy")).hasSize(2);
        assertThat(Journal.events("test sees")).containsExactly(
                "test sees deployment #1", "test sees deployment #1", "test sees deployment #2", "test sees deployment #2");
    }

    @Test
    void deploymentsCloseAfterTheirClassAndTheClusterAfterTheRun() {
        EngineRuns.reportingTo(reports).run(FirstTestCases.class, SecondTestCases.class);

        assertThat(Journal.events()).filteredOn(event -> event.startsWith("deploy") || event.startsWith("close"))
                .containsExactly(
                        "deploy #1 on cluster #1 (k3s " + dev.vaulttest.base.Versions.K3S_IMAGE + ")",
                        "close deployment #1",
                        "deploy #2 on cluster #1 (k3s " + dev.vaulttest.base.Versions.K3S_IMAGE + ")",
                        "close deployment #2",
                        "close cluster #1 (k3s " + dev.vaulttest.base.Versions.K3S_IMAGE + ")");
    }

    @Test
    void aClassAskingForAnotherClusterGetsItsOwn() {
        EngineRuns.reportingTo(reports).run(FirstTestCases.class, OtherImageTestCases.class);

        assertThat(Journal.events("open cluster")).containsExactly(
                "open cluster k3s " + dev.vaulttest.base.Versions.K3S_IMAGE, "open cluster k3s mirror.example/k3s:v1");
        assertThat(Journal.events("close cluster")).hasSize(2);
    }

    @Test
    void theFactoryIsCreatedOncePerRun() {
        EngineRuns.reportingTo(reports).run(FirstTestCases.class, SecondTestCases.class, OtherImageTestCases.class);

        assertThat(Journal.events("factory created")).hasSize(1);
    }

    @Test
    void aNestedClassSharesItsOuterClassDeployment() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(OuterTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Journal.events("deploy")).hasSize(1);
        assertThat(Journal.events("test sees")).containsExactly("test sees deployment #1", "test sees deployment #1");
    }

    @Test
    void constructorsAndClassLifecycleMethodsGetTheDeploymentToo() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(PerClassTestCases.class);

        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Journal.events("seen")).containsExactly(
                "seen by constructor #1", "seen by beforeAll #1", "seen by test #1", "seen by afterAll #1");
    }

    @Test
    void aClusterThatFailsToStartFailsEveryClassThatNeedsItWithoutStartingItAgain() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(FailingClusterTestCases.class,
                AnotherFailingClusterTestCases.class);

        assertThat(Journal.events("open cluster")).hasSize(1);
        List<Throwable> failures = EngineRuns.failures(results);
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0)).hasMessageContaining("fake k3s " + FakeEnvironmentFactory.FAILING_IMAGE + " failed to start");
        assertThat(failures.get(1)).hasMessageContaining("failed to start earlier in this run and is not retried")
                .hasMessageContaining(AnotherFailingClusterTestCases.class.getName());
        assertThat(Journal.events("deploy")).isEmpty();
    }

    @Test
    void aDeploymentThatFailsFailsItsClassWithTheOriginalErrorAndLeavesRedactedDiagnostics() throws Exception {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(FailingDeploymentTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.started(0));
        List<Throwable> failures = EngineRuns.failures(results);
        assertThat(failures).singleElement().satisfies(failure -> assertThat(failure)
                .isInstanceOf(dev.vaulttest.base.VaultTestException.class)
                .hasMessageStartingWith("fake deployment #1 did not come up"));
        Path failureFile = reports.resolve(FailingDeploymentTestCases.class.getName()).resolve("beforeAll")
                .resolve("failure.txt");
        assertThat(failureFile).exists();
        assertThat(Files.readString(failureFile)).contains("did not come up").doesNotContain(FakeEnvironment.ROOT_TOKEN);
    }

    @Fixture
    @VaultTest
    static class FirstTestCases {
        @Test
        void one(VaultEnvironment vault) {
            Journal.note("test sees deployment #" + ((FakeEnvironment) vault).number());
        }

        @Test
        void two(VaultEnvironment vault) {
            Journal.note("test sees deployment #" + ((FakeEnvironment) vault).number());
        }
    }

    @Fixture
    @VaultTest
    static class SecondTestCases extends FirstTestCases {
    }

    @Fixture
    @VaultTest
    @K3sCluster(image = "mirror.example/k3s:v1")
    static class OtherImageTestCases {
        @Test
        void runs(VaultEnvironment vault) {
            assertThat(vault.cluster().description()).contains("mirror.example/k3s:v1");
        }
    }

    @Fixture
    @VaultTest
    static class OuterTestCases {
        @Test
        void outer(VaultEnvironment vault) {
            Journal.note("test sees deployment #" + ((FakeEnvironment) vault).number());
        }

        @Nested
        class Inner {
            @Test
            void inner(VaultEnvironment vault) {
                Journal.note("test sees deployment #" + ((FakeEnvironment) vault).number());
            }
        }
    }

    @Fixture
    @VaultTest
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    static class PerClassTestCases {
        PerClassTestCases(VaultEnvironment vault) {
            Journal.note("seen by constructor #" + ((FakeEnvironment) vault).number());
        }

        @BeforeAll
        void beforeAll(VaultEnvironment vault) {
            Journal.note("seen by beforeAll #" + ((FakeEnvironment) vault).number());
        }

        @Test
        void test(VaultEnvironment vault) {
            Journal.note("seen by test #" + ((FakeEnvironment) vault).number());
        }

        @AfterAll
        void afterAll(VaultEnvironment vault) {
            Journal.note("seen by afterAll #" + ((FakeEnvironment) vault).number());
        }
    }

    @Fixture
    @VaultTest
    @K3sCluster(image = FakeEnvironmentFactory.FAILING_IMAGE)
    static class FailingClusterTestCases {
        @Test
        void neverRuns() {
            Journal.note("test ran");
        }
    }

    @Fixture
    @VaultTest
    @K3sCluster(image = FakeEnvironmentFactory.FAILING_IMAGE)
    static class AnotherFailingClusterTestCases extends FailingClusterTestCases {
    }

    @Fixture
    @VaultTest
    @VaultDeployment(namespace = FakeEnvironmentFactory.FAILING_NAMESPACE)
    static class FailingDeploymentTestCases {
        @Test
        void neverRuns() {
            Journal.note("test ran");
        }
    }
}
