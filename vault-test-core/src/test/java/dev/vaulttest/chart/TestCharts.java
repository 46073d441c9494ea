package dev.vaulttest.chart;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Locates the small charts under {@code src/test/resources/charts}. */
public final class TestCharts {

    private TestCharts() {
    }

    public static Path path(String name) {
        URL url = TestCharts.class.getResource("/charts/" + name + "/Chart.yaml");
        if (url == null) {
            throw new IllegalArgumentException("no test chart " + name);
        }
        try {
            return Path.of(url.toURI()).getParent();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static ChartSource directory(String name) {
        return ChartSource.directory(path(name));
    }
}
