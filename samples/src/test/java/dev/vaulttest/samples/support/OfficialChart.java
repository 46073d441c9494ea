package dev.vaulttest.samples.support;

import dev.vaulttest.base.Versions;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartDownloadException;
import dev.vaulttest.chart.ChartSource;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The official HashiCorp {@code vault} chart at the version the library pins, and whether this machine can use it:
 * from the chart cache, or downloaded once when the repository answers quickly.
 *
 * <p>The static samples render the official chart. Where it is neither cached nor downloadable (an air-gapped build
 * machine) they are skipped with {@link Availability#reason()}, which says how to pre-seed the cache.
 */
public final class OfficialChart {

    /** The chart every sample renders and installs: {@code vault@}{@value Versions#CHART_VERSION}. */
    public static final ChartSource.Repository SOURCE = (ChartSource.Repository) ChartSource.official();

    /** How long the repository may take to answer before it counts as unreachable. */
    public static final Duration PROBE_TIMEOUT = Duration.ofSeconds(4);

    private OfficialChart() {
    }

    /**
     * Finds the chart in the cache, or downloads it when the repository answers within {@link #PROBE_TIMEOUT}.
     *
     * @param cache the chart cache the samples use (the library's default location unless moved)
     * @return where the chart is, or why it cannot be had here
     */
    public static Availability check(ChartCache cache) {
        return check(cache, SOURCE);
    }

    /**
     * Finds a repository chart in the cache, or downloads it when its repository answers within
     * {@link #PROBE_TIMEOUT}.
     *
     * @param cache the chart cache
     * @param chart the chart
     * @return where the chart is, or why it cannot be had here
     */
    static Availability check(ChartCache cache, ChartSource.Repository chart) {
        Optional<Path> cached = cache.cached(chart);
        if (cached.isPresent()) {
            return Availability.at(chart, cached.get(), "cached");
        }
        Optional<String> unreachable = probe(chart.repository());
        if (unreachable.isPresent()) {
            return Availability.missing(notCachedAndUnreachable(cache, chart, unreachable.get()));
        }
        try {
            return Availability.at(chart, cache.fetch(chart), "downloaded");
        } catch (ChartDownloadException e) {
            return Availability.missing(e.getMessage());
        }
    }

    /** A bounded reachability check: a HEAD of the repository index, all of it within the probe timeout. */
    private static Optional<String> probe(URI repository) {
        URI index = URI.create(repository.toString().replaceAll("/+$", "") + "/index.yaml");
        HttpClient http = HttpClient.newBuilder().connectTimeout(PROBE_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest head = HttpRequest.newBuilder(index).timeout(PROBE_TIMEOUT)
                .method("HEAD", HttpRequest.BodyPublishers.noBody()).build();
        try {
            int status = http.sendAsync(head, HttpResponse.BodyHandlers.discarding())
                    .get(PROBE_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return status < 400 ? Optional.empty() : Optional.of("HEAD " + index + " answered HTTP " + status);
        } catch (TimeoutException e) {
            return Optional.of("no answer from " + index + " within " + PROBE_TIMEOUT.toSeconds() + " s");
        } catch (ExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            return Optional.of(index + " could not be reached (" + cause.getClass().getSimpleName()
                    + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.of("interrupted while probing " + index);
        }
    }

    private static String notCachedAndUnreachable(ChartCache cache, ChartSource.Repository chart, String problem) {
        return "The chart " + chart.describe() + " is not in the chart cache (" + cache.archivePath(chart)
                + ") and " + chart.repository() + " is unreachable: " + problem + ". To run the static samples"
                + " without network, pre-seed the cache: on a machine with network run 'helm pull " + chart.name()
                + " --repo " + chart.repository() + " --version " + chart.version() + "' and copy "
                + chart.name() + "-" + chart.version() + ".tgz to " + cache.archivePath(chart)
                + ", or point -D" + ChartCache.ROOT_PROPERTY + " (or " + ChartCache.ROOT_ENVIRONMENT_VARIABLE
                + ") at a cache directory that has it.";
    }

    /**
     * Whether the official chart can be used on this machine.
     *
     * @param archive the chart archive, when it is available
     * @param reason how it was found, or why it is not available and what to do
     */
    public record Availability(Optional<Path> archive, String reason) {

        static Availability at(ChartSource.Repository chart, Path archive, String how) {
            return new Availability(Optional.of(archive), "chart " + chart.describe() + " " + how + " at " + archive);
        }

        static Availability missing(String reason) {
            return new Availability(Optional.empty(), reason);
        }

        /**
         * Tells whether the chart can be rendered here.
         *
         * @return {@code true} when the archive is on this machine
         */
        public boolean available() {
            return archive.isPresent();
        }
    }
}
