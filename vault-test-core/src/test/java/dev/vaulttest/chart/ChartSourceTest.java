package dev.vaulttest.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.Versions;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChartSourceTest {

    @TempDir
    Path temp;

    @Test
    void parsesAChartDirectory() {
        Path dir = TestCharts.path("mini-vault");

        assertThat(ChartSource.parse(dir.toString())).isEqualTo(new ChartSource.Directory(dir));
    }

    @Test
    void parsesAnArchiveFile() throws IOException {
        Path tgz = Files.writeString(temp.resolve("vault-0.34.1.tgz"), "not really gzip");

        assertThat(ChartSource.parse(tgz.toString())).isEqualTo(new ChartSource.Archive(tgz));
    }

    @Test
    void parsesTheOfficialChartByVersion() {
        ChartSource source = ChartSource.parse("vault@0.30.0");

        assertThat(source).isEqualTo(new ChartSource.Repository(URI.create(Versions.CHART_REPOSITORY), "vault", "0.30.0"));
        assertThat(((ChartSource.Repository) source).isOfficial()).isTrue();
        assertThat(source.describe()).isEqualTo("vault@0.30.0");
    }

    @Test
    void officialWithoutVersionIsThePinnedChart() {
        assertThat(ChartSource.official().describe()).isEqualTo("vault@" + Versions.CHART_VERSION);
    }

    @Test
    void aPathThatContainsAnAtSignIsStillAPathWhenItExists() throws IOException {
        Path dir = Files.createDirectories(temp.resolve("vault@1.0.0"));
        Files.writeString(dir.resolve("Chart.yaml"), "apiVersion: v2\nname: x\nversion: 1.0.0\n");

        assertThat(ChartSource.parse(dir.toString())).isInstanceOf(ChartSource.Directory.class);
    }

    @Test
    void rejectsAMissingPathNamingIt() {
        String missing = temp.resolve("nope").toString();

        assertThatThrownBy(() -> ChartSource.parse(missing))
                .isInstanceOf(InvalidChartSourceException.class)
                .hasMessageContaining("'" + missing + "' does not exist");
    }

    @Test
    void rejectsADirectoryWithoutChartYaml() {
        assertThatThrownBy(() -> ChartSource.parse(temp.toString()))
                .isInstanceOf(InvalidChartSourceException.class)
                .hasMessageContaining(temp.toString())
                .hasMessageContaining("no Chart.yaml");
    }

    @Test
    void rejectsVersionRangesAndLatest() {
        assertThatThrownBy(() -> ChartSource.parse("vault@latest"))
                .isInstanceOf(InvalidChartSourceException.class)
                .hasMessageContaining("'vault@latest'")
                .hasMessageContaining("MAJOR.MINOR.PATCH");
        assertThatThrownBy(() -> ChartSource.parse("vault@^0.34"))
                .isInstanceOf(InvalidChartSourceException.class);
        assertThatThrownBy(() -> ChartSource.parse("vault@"))
                .isInstanceOf(InvalidChartSourceException.class);
    }

    @Test
    void acceptsPreReleaseVersions() {
        assertThat(ChartSource.parse("vault@0.35.0-rc.1").describe()).isEqualTo("vault@0.35.0-rc.1");
    }

    @Test
    void rejectsOtherChartNamesByVersion() {
        assertThatThrownBy(() -> ChartSource.parse("consul@1.0.0"))
                .isInstanceOf(InvalidChartSourceException.class)
                .hasMessageContaining("'consul@1.0.0'")
                .hasMessageContaining("only the official chart 'vault'");
    }

    @Test
    void aBareChartNameSuggestsGivingAVersion() {
        assertThatThrownBy(() -> ChartSource.parse("vault"))
                .isInstanceOf(InvalidChartSourceException.class)
                .hasMessageContaining("vault@" + Versions.CHART_VERSION);
    }

    @Test
    void rejectsABlankChart() {
        assertThatThrownBy(() -> ChartSource.parse(" ")).isInstanceOf(InvalidChartSourceException.class);
    }

    @Test
    void archiveFactoryRejectsADirectory() {
        assertThatThrownBy(() -> ChartSource.archive(temp))
                .isInstanceOf(InvalidChartSourceException.class)
                .hasMessageContaining("is a directory");
    }
}
