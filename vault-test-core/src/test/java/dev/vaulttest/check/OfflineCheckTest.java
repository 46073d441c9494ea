package dev.vaulttest.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.InvalidManifestException;
import dev.vaulttest.check.Finding.Severity;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfflineCheckTest {

    @TempDir
    Path cacheRoot;

    private OfflineCheck.Builder shapedChart() {
        return OfflineCheck.builder().chart(ChartSource.directory(CheckTestFiles.chart())).cache(new ChartCache(cacheRoot));
    }

    @Test
    void productionValuesWithTheClusterFactsOnlyReportTheUpgradeProcedure() {
        CheckReport report = shapedChart()
                .valuesFile(CheckTestFiles.values("production.yaml"))
                .storageClassManifest(CheckTestFiles.storageClasses())
                .nodeCount(3)
                .build()
                .run();

        assertThat(report.findings()).extracting(Finding::rule).containsExactly("ONDELETE_UPGRADES");
    }

    @Test
    void withoutStorageClassesTheReclaimPolicyIsReportedAsUnknown() {
        CheckReport report = shapedChart().valuesFile(CheckTestFiles.values("production.yaml")).nodeCount(3).build().run();

        assertThat(report.withRule("RECLAIM_POLICY_DELETE")).singleElement()
                .satisfies(finding -> assertThat(finding.severity()).isEqualTo(Severity.INFO));
    }

    @Test
    void setExpressionsApplyAfterTheValuesFiles() {
        CheckReport report = shapedChart()
                .valuesFile(CheckTestFiles.values("production.yaml"))
                .set("server.dev.enabled=true")
                .storageClassManifest(CheckTestFiles.storageClasses())
                .build()
                .run();

        assertThat(report.withRule("DEV_MODE")).isNotEmpty();
        assertThat(report.hasFindingAtOrAbove(Severity.ERROR)).isTrue();
    }

    @Test
    void aReleaseNameChangesTheResourcesFindingsAreAbout() {
        CheckReport report = shapedChart().valuesFile(CheckTestFiles.values("dev.yaml")).releaseName("team").build().run();

        assertThat(report.withRule("DEV_MODE")).extracting(Finding::resource).containsOnly("StatefulSet/team-vault");
    }

    @Test
    void aStorageClassManifestMayOnlyHoldStorageClasses() {
        Path manifest = CheckTestFiles.resource("storage-classes/not-storage-classes.yaml");
        OfflineCheck check = shapedChart().storageClassManifest(manifest).build();

        assertThatThrownBy(check::run)
                .isInstanceOf(InvalidManifestException.class)
                .hasMessageContaining(manifest.toString())
                .hasMessageContaining("ConfigMap 'oops'");
    }

    @Test
    void aChartIsRequired() {
        assertThatThrownBy(() -> OfflineCheck.builder().build()).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("needs a chart");
    }
}
