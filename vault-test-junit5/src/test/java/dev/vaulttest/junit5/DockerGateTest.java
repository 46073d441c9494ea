package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.internal.report.ReportWriter;
import dev.vaulttest.junit5.fake.DockerMissing;
import dev.vaulttest.junit5.fake.Journal;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class DockerGateTest {

    @TempDir
    Path reports;

    @Test
    void withoutDockerClassesAreSkippedWithTheReasonAndDockerIsProbedOnce() throws Exception {
        EngineExecutionResults results = EngineRuns.reportingTo(reports)
                .with(VaultTestSettings.DOCKER_PROBE, DockerMissing.class.getName())
                .run(K3sTestCases.class, OtherK3sTestCases.class);

        results.containerEvents().assertStatistics(stats -> stats.skipped(2).failed(0));
        assertThat(EngineRuns.skipReasons(results)).containsOnly(
                "Docker is not available: no socket at /var/run/docker.sock (fake)");
        assertThat(Journal.events("docker probe")).hasSize(1);
        assertThat(Journal.events("open cluster")).isEmpty();
        assertThat(Files.readString(reports.resolve(ReportWriter.SUMMARY_JSON)))
                .contains("\"status\": \"SKIPPED\"").contains("Docker is not available");
    }

    @Test
    void withoutDockerAndDockerRequiredTheClassesFail() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports)
                .with(VaultTestSettings.DOCKER_PROBE, DockerMissing.class.getName())
                .with(VaultTestSettings.DOCKER_REQUIRED, "true")
                .run(K3sTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessageContaining("Docker is not available: no socket at /var/run/docker.sock (fake)")
                .hasMessageContaining("vaulttest.docker.required=true asks to fail rather than skip"));
        assertThat(Journal.events("open cluster")).isEmpty();
    }

    @Test
    void withDockerTheTestsRun() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(K3sTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
    }

    @Test
    void anExistingClusterWithoutKmsEmulatorRunsWithoutDocker() throws Exception {
        Path kubeconfig = Files.writeString(reports.resolve("kubeconfig"), "apiVersion: v1\n");
        EngineExecutionResults results = EngineRuns.reportingTo(reports)
                .with(VaultTestSettings.DOCKER_PROBE, DockerMissing.class.getName())
                .with(VaultTestSettings.KUBECONFIG, kubeconfig.toString())
                .run(K3sTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1));
        assertThat(Journal.events("open cluster")).containsExactly("open cluster existing kubeconfig");
        assertThat(Journal.events("docker probe")).isEmpty();
    }

    @Test
    void requiresDockerAloneGatesAPlainTestMethod() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports)
                .with(VaultTestSettings.DOCKER_PROBE, DockerMissing.class.getName())
                .run(PlainTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.skipped(1).succeeded(1));
    }

    @Test
    void aBadSettingFailsTheClassNamingTheKey() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports)
                .with(VaultTestSettings.DOCKER_REQUIRED, "yes")
                .run(K3sTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
                .hasStackTraceContaining("vaulttest.docker.required=yes is not a boolean: use true or false"));
    }

    @Fixture
    @VaultTest
    static class K3sTestCases {
        @Test
        void runs(VaultEnvironment vault) {
            assertThat(vault).isNotNull();
        }
    }

    @Fixture
    @VaultTest
    static class OtherK3sTestCases extends K3sTestCases {
    }

    @Fixture
    static class PlainTestCases {
        @Test
        @RequiresDocker
        void needsDocker() {
            Journal.note("ran");
        }

        @Test
        void doesNot() {
            Journal.note("ran");
        }
    }
}
