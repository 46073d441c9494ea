package dev.vaulttest.benchmarks;

import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.check.CheckOptions;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.StaticChecks;
import dev.vaulttest.internal.helm.ChartRenderer;
import dev.vaulttest.internal.helm.ManifestReader;
import dev.vaulttest.internal.helm.RenderRequest;
import dev.vaulttest.internal.helm.RenderedChart;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The offline check in a warm JVM, in its two parts: Helm rendering the chart with the values, and the static
 * rules on the rendered manifests; and both together, as {@code OfflineCheck.run()} does them.
 *
 * <p>Run with the official chart checked out in a directory, for example:
 * <pre>{@code
 * mvn -B -Pbenchmarks -pl benchmarks -am package -DskipTests -Dvaulttest.skipCheckJar=true
 * java -jar benchmarks/target/benchmarks.jar -p chart=/path/to/vault-helm -p values=my-values.yaml
 * }</pre>
 */
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(1)
@State(Scope.Benchmark)
public class CheckBenchmark {

    /** The chart directory to render (required: {@code -p chart=<dir>}). */
    @Param("")
    public String chart;

    /** A values file; empty for the chart's defaults. */
    @Param("")
    public String values;

    private ChartRenderer renderer;
    private RenderRequest request;
    private RenderedChart rendered;

    /** Creates the benchmark; JMH sets the parameters and calls {@link #setUp()}. */
    public CheckBenchmark() {
    }

    /** Resolves the chart and values and renders once, for the rules-only benchmark. */
    @Setup
    public void setUp() {
        Path chartDirectory = Path.of(chart);
        if (chart.isBlank() || !Files.isDirectory(chartDirectory)) {
            throw new IllegalArgumentException("-p chart=<dir> must name a chart directory, for example a checkout"
                    + " of hashicorp/vault-helm at the release tag; got '" + chart + "'");
        }
        ChartValues.Builder valuesBuilder = ChartValues.builder();
        if (!values.isBlank()) {
            Path file = Path.of(values);
            if (!Files.isRegularFile(file)) {
                throw new IllegalArgumentException("-p values=<file> must name a values file; got '" + values + "'");
            }
            valuesBuilder.file(file);
        }
        renderer = new ChartRenderer(ChartCache.atDefaultLocation(), new ManifestReader());
        request = RenderRequest.builder(ChartSource.directory(chartDirectory)).values(valuesBuilder.build())
                .releaseName("vault").namespace("default").build();
        rendered = renderer.render(request);
    }

    /**
     * Helm renders the chart.
     *
     * @return the rendered chart, so the work is not optimised away
     */
    @Benchmark
    public RenderedChart render() {
        return renderer.render(request);
    }

    /**
     * The static rules on manifests rendered once in {@link #setUp()}.
     *
     * @return the findings
     */
    @Benchmark
    public CheckReport rules() {
        return StaticChecks.evaluate(rendered.manifests(), CheckOptions.defaults());
    }

    /**
     * Both, as the command does them.
     *
     * @return the findings
     */
    @Benchmark
    public CheckReport renderAndRules() {
        return StaticChecks.evaluate(renderer.render(request).manifests(), CheckOptions.defaults());
    }
}
