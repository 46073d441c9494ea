package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.Versions;
import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.fixture.FakeEnvironment.Health;
import dev.vaulttest.internal.report.ReportWriter;
import dev.vaulttest.junit5.fake.FakeEnvironmentFactory;
import dev.vaulttest.junit5.fake.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class SharedDeploymentTest {

    private static final String CLUSTER = " on cluster #1 (k3s " + Versions.K3S_IMAGE + ")";

    @TempDir
    Path reports;

    @Test
    void sharingClassesUseOneDeploymentThatIsRemovedAfterTheRunBeforeItsCluster() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(SharingTestCases.class,
                AlsoSharingTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Journal.events()).filteredOn(event -> event.startsWith("deploy") || event.startsWith("close")
                || event.startsWith("test sees"))
                .containsExactly("deploy #1" + CLUSTER, "test sees #1", "test sees #1", "close deployment #1",
                        "close cluster #1 (k3s " + Versions.K3S_IMAGE + ")");
    }

    @Test
    void theNextClassGetsTheDeploymentOnlyAfterItsReadyGateHeldAndTheReportSaysSo() throws Exception {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(SharingTestCases.class,
                AlsoSharingTestCases.class);

        assertThat(Journal.events()).containsSubsequence("test sees #1", "unsealAll #1", "awaitReady #1",
                "test sees #1");
        assertThat(EngineRuns.reportEntries(results, SharedDeployment.REPORT_ENTRY)).singleElement()
                .satisfies(entry -> assertThat(entry).startsWith("ready: the shared deployment passed its ready gate in"));
        assertThat(Files.readString(reports.resolve(ReportWriter.SUMMARY_JSON))).contains("\"phase\": \"hand-over\"");
    }

    @Test
    void aClassWithoutTheAnnotationKeepsADeploymentOfItsOwn() {
        EngineRuns.reportingTo(reports).run(SharingTestCases.class, OwnDeploymentTestCases.class,
                AlsoSharingTestCases.class);

        assertThat(Journal.events("test sees")).containsExactly("test sees #1", "test sees #2", "test sees #1");
        assertThat(Journal.events("close deployment")).containsExactly("close deployment #2", "close deployment #1");
    }

    @Test
    void classesAskingForDifferentDeploymentsDoNotShare() {
        EngineRuns.reportingTo(reports).run(SharingTestCases.class, SharingOneNodeTestCases.class);

        assertThat(Journal.events("deploy")).hasSize(2);
        assertThat(Journal.events("awaitReady")).as("nothing is handed over").isEmpty();
    }

    @Test
    void aSealedDeploymentIsUnsealedBeforeTheNextClassGetsIt() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(SealingSharingTestCases.class,
                AlsoSharingTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Journal.events()).containsSubsequence("sealed #1", "unsealAll #1", "awaitReady #1", "test sees #1");
        assertThat(Journal.events("deploy")).hasSize(1);
    }

    @Test
    void aDeploymentThatIsNotReadyAtTheHandOverIsRebuiltFirst() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(BreakingSharingTestCases.class,
                AlsoSharingTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Journal.events()).map(event -> event.replace(CLUSTER, ""))
                .containsSubsequence("deploy #1", "broken #1", "awaitReady #1", "close deployment #1", "deploy #2",
                        "test sees #2", "close deployment #2");
        assertThat(EngineRuns.reportEntries(results, SharedDeployment.REPORT_ENTRY)).singleElement()
                .satisfies(entry -> assertThat(entry).startsWith("rebuilt: not ready within PT1M")
                        .contains("deployment is BROKEN").contains("the rebuild took"));
    }

    @Test
    void aRebuildThatFailsAtTheHandOverFailsThatClassAndTheNextClassTriesAgain() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(BreakingFailingRebuildTestCases.class,
                AlsoFailingRebuildTestCases.class, ThirdFailingRebuildTestCases.class);

        List<Throwable> failures = EngineRuns.failures(results);
        assertThat(failures).hasSize(2);
        assertThat(failures.get(0))
                .hasMessageContaining("The shared Vault deployment of " + BreakingFailingRebuildTestCases.class.getName()
                        + ", " + AlsoFailingRebuildTestCases.class.getName())
                .hasMessageContaining("was broken when handed to " + AlsoFailingRebuildTestCases.class.getName()
                        + " and could not be rebuilt")
                .hasMessageNotContaining(FakeEnvironment.ROOT_TOKEN);
        assertThat(failures.get(1)).hasMessageContaining("was broken when handed to "
                + ThirdFailingRebuildTestCases.class.getName() + " and could not be rebuilt");
        assertThat(Journal.events("deploy")).as("the first bring-up, then one try per later class").hasSize(3);
        assertThat(Journal.events("test ran")).isEmpty();
    }

    @Test
    void withKeepOnFailureAFailedTestOfAnySharingClassLeavesTheDeploymentRunning() {
        EngineRuns.reportingTo(reports).with(VaultTestSettings.KEEP_ON_FAILURE, "true")
                .run(SharingTestCases.class, FailingSharingTestCases.class);

        assertThat(Journal.events("deploy")).hasSize(1);
        assertThat(Journal.events("close")).isEmpty();
        assertThat(reports.resolve(SharingTestCases.class.getName()).resolve(KeepOnFailure.INSTRUCTIONS_FILE))
                .content().contains("vault-test left the shared Vault deployment of " + SharingTestCases.class.getName()
                        + ", " + FailingSharingTestCases.class.getName() + " running because a test failed");
    }

    @Test
    void aNestedClassUsesItsOuterClassLeaseWithoutAnotherHandOver() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(OuterSharingTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(2).failed(0));
        assertThat(Journal.events("deploy")).hasSize(1);
        assertThat(Journal.events("awaitReady")).isEmpty();
    }

    private static void seen(VaultEnvironment vault) {
        Journal.note("test sees #" + ((FakeEnvironment) vault).number());
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    static class SharingTestCases {
        @Test
        void sees(VaultEnvironment vault) {
            seen(vault);
        }
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    static class AlsoSharingTestCases {
        @Test
        void sees(VaultEnvironment vault) {
            seen(vault);
        }
    }

    @Fixture
    @VaultTest
    static class OwnDeploymentTestCases {
        @Test
        void sees(VaultEnvironment vault) {
            seen(vault);
        }
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    @VaultDeployment(replicas = 1)
    static class SharingOneNodeTestCases {
        @Test
        void sees(VaultEnvironment vault) {
            seen(vault);
        }
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    static class SealingSharingTestCases {
        @Test
        void seals(VaultEnvironment vault) {
            ((FakeEnvironment) vault).damage(Health.SEALED);
            Journal.note("sealed #" + ((FakeEnvironment) vault).number());
        }
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    static class BreakingSharingTestCases {
        @Test
        void breaks(VaultEnvironment vault) {
            ((FakeEnvironment) vault).damage(Health.BROKEN);
            Journal.note("broken #" + ((FakeEnvironment) vault).number());
        }
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    @VaultDeployment(namespace = FakeEnvironmentFactory.FAILING_REBUILD_NAMESPACE)
    static class BreakingFailingRebuildTestCases {
        @Test
        void breaks(VaultEnvironment vault) {
            ((FakeEnvironment) vault).damage(Health.BROKEN);
        }
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    @VaultDeployment(namespace = FakeEnvironmentFactory.FAILING_REBUILD_NAMESPACE)
    static class AlsoFailingRebuildTestCases {
        @Test
        void neverRuns() {
            Journal.note("test ran");
        }
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    @VaultDeployment(namespace = FakeEnvironmentFactory.FAILING_REBUILD_NAMESPACE)
    static class ThirdFailingRebuildTestCases extends AlsoFailingRebuildTestCases {
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    static class FailingSharingTestCases {
        @Test
        void fails(VaultEnvironment vault) {
            assertThat(vault.namespace()).as("a failing test").isEqualTo("another namespace");
        }
    }

    @Fixture
    @VaultTest
    @SharedDeployment
    static class OuterSharingTestCases {
        @Test
        void outer(VaultEnvironment vault) {
            seen(vault);
        }

        @Nested
        class Inner {
            @Test
            void inner(VaultEnvironment vault) {
                seen(vault);
            }
        }
    }
}
