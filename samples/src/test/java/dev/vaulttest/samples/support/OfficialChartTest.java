package dev.vaulttest.samples.support;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OfficialChartTest {

    @TempDir
    Path cacheRoot;

    @Test
    void aCachedChartIsAvailableWithoutAnyRequest() throws IOException {
        ChartCache cache = new ChartCache(cacheRoot);
        ChartSource.Repository unreachable = unreachableRepositoryChart();
        Path archive = cache.archivePath(unreachable);
        Files.createDirectories(archive.getParent());
        Files.write(archive, new byte[] {0x1f, (byte) 0x8b});

        OfficialChart.Availability availability = OfficialChart.check(cache, unreachable);

        assertThat(availability.available()).as(availability.reason()).isTrue();
        assertThat(availability.archive()).hasValue(archive);
        assertThat(availability.reason()).contains("cached at " + archive);
    }

    @Test
    void aChartNeitherCachedNorReachableIsMissingQuicklyWithHowToPreSeedTheCache() throws IOException {
        ChartCache cache = new ChartCache(cacheRoot);
        ChartSource.Repository unreachable = unreachableRepositoryChart();
        long start = System.nanoTime();

        OfficialChart.Availability availability = OfficialChart.check(cache, unreachable);

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertThat(availability.available()).isFalse();
        assertThat(availability.archive()).isEmpty();
        assertThat(availability.reason())
                .contains("is not in the chart cache (" + cache.archivePath(unreachable) + ")")
                .contains("is unreachable")
                .contains("helm pull vault --repo " + unreachable.repository() + " --version 0.34.1")
                .contains("-D" + ChartCache.ROOT_PROPERTY);
        assertThat(took).as("time to decide").isLessThan(OfficialChart.PROBE_TIMEOUT.plusSeconds(2));
    }

    @Test
    void theSamplesUseThePinnedOfficialChart() {
        assertThat(OfficialChart.SOURCE.isOfficial()).isTrue();
        assertThat(OfficialChart.SOURCE.version()).isEqualTo(dev.vaulttest.base.Versions.CHART_VERSION);
    }

    /** A repository on a local port nobody listens on: connections are refused at once. */
    private static ChartSource.Repository unreachableRepositoryChart() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        return (ChartSource.Repository) ChartSource.repository(URI.create("http://127.0.0.1:" + port + "/charts"),
                "vault", "0.34.1");
    }
}
