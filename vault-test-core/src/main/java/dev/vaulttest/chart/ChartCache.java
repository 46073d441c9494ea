package dev.vaulttest.chart;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.DigestOutputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * A directory of downloaded chart archives, so a repository chart is downloaded once and then used offline.
 *
 * <p>Archives live at {@code <root>/<repository host>/<name>-<version>.tgz}, for example
 * {@code ~/.cache/vault-test/charts/helm.releases.hashicorp.com/vault-0.34.1.tgz}. A missing archive is
 * found through the repository's {@code index.yaml}, downloaded to a temporary file, checked against the
 * index's sha256 {@code digest} when it has one, then moved into place atomically, so an interrupted
 * download never leaves a partial archive. To work without network, copy the archive to that path
 * beforehand ({@code helm pull vault --repo https://helm.releases.hashicorp.com --version 0.34.1}).
 *
 * <p>The default root is the system property {@value #ROOT_PROPERTY}, else the environment variable
 * {@value #ROOT_ENVIRONMENT_VARIABLE}, else {@code ${user.home}/.cache/vault-test/charts}.
 */
public final class ChartCache {

    /** The system property that moves the default cache root. */
    public static final String ROOT_PROPERTY = "vaulttest.chart.cache";

    /** The environment variable that moves the default cache root when the property is not set. */
    public static final String ROOT_ENVIRONMENT_VARIABLE = "VAULTTEST_CHART_CACHE";

    private static final Logger LOG = LoggerFactory.getLogger(ChartCache.class);
    private static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(10);
    private static final Duration REQUEST_TIMEOUT = Duration.ofMinutes(2);

    private final Path root;

    /**
     * Creates a cache rooted at the given directory; it is created when the first archive is stored.
     *
     * @param root the cache directory
     */
    public ChartCache(Path root) {
        this.root = Objects.requireNonNull(root, "root").toAbsolutePath();
    }

    /**
     * Creates a cache at the default root: {@value #ROOT_PROPERTY}, else {@value #ROOT_ENVIRONMENT_VARIABLE},
     * else {@code ${user.home}/.cache/vault-test/charts}.
     *
     * @return the cache
     */
    public static ChartCache atDefaultLocation() {
        return new ChartCache(defaultRoot(System::getProperty, System::getenv));
    }

    /**
     * Decides the default root from system properties and the environment.
     *
     * @param properties looks up a system property
     * @param environment looks up an environment variable
     * @return the root directory
     */
    static Path defaultRoot(UnaryOperator<String> properties, UnaryOperator<String> environment) {
        String property = properties.apply(ROOT_PROPERTY);
        if (property != null && !property.isBlank()) {
            return Path.of(property);
        }
        String variable = environment.apply(ROOT_ENVIRONMENT_VARIABLE);
        if (variable != null && !variable.isBlank()) {
            return Path.of(variable);
        }
        return Path.of(properties.apply("user.home"), ".cache", "vault-test", "charts");
    }

    /**
     * The cache directory.
     *
     * @return the root
     */
    public Path root() {
        return root;
    }

    /**
     * Where the archive of a repository chart is kept, whether or not it is there yet.
     *
     * @param chart the repository chart
     * @return the archive path under {@link #root()}
     */
    public Path archivePath(ChartSource.Repository chart) {
        return root.resolve(repositoryDirectory(chart.repository())).resolve(chart.name() + "-" + chart.version() + ".tgz");
    }

    /**
     * The cached archive of a repository chart, without any network access.
     *
     * @param chart the repository chart
     * @return the archive, or empty when it has not been downloaded
     */
    public Optional<Path> cached(ChartSource.Repository chart) {
        Path archive = archivePath(chart);
        return Files.isRegularFile(archive) ? Optional.of(archive) : Optional.empty();
    }

    /**
     * A local path Helm can load for any chart source: directories and archives as they are,
     * repository charts from the cache, downloading them once.
     *
     * @param source the chart
     * @return a chart directory or archive on this machine
     * @throws ChartDownloadException when a repository chart is not cached and cannot be downloaded
     */
    public Path localPath(ChartSource source) {
        if (source instanceof ChartSource.Directory directory) {
            return directory.path();
        }
        if (source instanceof ChartSource.Archive archive) {
            return archive.path();
        }
        return fetch((ChartSource.Repository) source);
    }

    /**
     * The archive of a repository chart: from the cache when present (no request is made),
     * otherwise downloaded through the repository's {@code index.yaml} and stored.
     *
     * @param chart the repository chart
     * @return the archive in the cache
     * @throws ChartDownloadException naming the URL and the problem, and saying where to put the archive by hand
     */
    public Path fetch(ChartSource.Repository chart) {
        Optional<Path> cached = cached(chart);
        if (cached.isPresent()) {
            LOG.debug("Chart {} found in cache at {}", chart.describe(), cached.get());
            return cached.get();
        }
        HttpClient http = HttpClient.newBuilder()
                .connectTimeout(CONNECT_TIMEOUT)
                .followRedirects(HttpClient.Redirect.NORMAL)
                .build();
        URI indexUrl = indexUrl(chart.repository());
        IndexEntry entry = findInIndex(chart, http, indexUrl);
        Path target = archivePath(chart);
        LOG.info("Downloading chart {} from {} into {}", chart.describe(), entry.url(), target);
        download(chart, http, entry, target);
        return target;
    }

    private IndexEntry findInIndex(ChartSource.Repository chart, HttpClient http, URI indexUrl) {
        String text;
        try {
            HttpResponse<String> response = http.send(request(indexUrl), HttpResponse.BodyHandlers.ofString());
            requireOk(chart, indexUrl, response.statusCode());
            text = response.body();
        } catch (IOException e) {
            throw unreachable(chart, indexUrl, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChartDownloadException("Interrupted while reading " + indexUrl + " for chart " + chart.describe() + ".", e);
        }
        Object index;
        try {
            // Repository indexes run to megabytes (snakeyaml-engine stops at 3 MB unless told).
            index = new Load(LoadSettings.builder().setCodePointLimit(64 * 1024 * 1024).build()).loadFromString(text);
        } catch (YamlEngineException e) {
            throw new ChartDownloadException("The repository index " + indexUrl + " is not valid YAML: " + e.getMessage(), e);
        }
        if (!(index instanceof Map<?, ?> map) || !(map.get("entries") instanceof Map<?, ?> entries)) {
            throw new ChartDownloadException("The repository index " + indexUrl + " has no 'entries'; is "
                    + chart.repository() + " a Helm chart repository?");
        }
        if (!(entries.get(chart.name()) instanceof List<?> versions)) {
            throw new ChartDownloadException("The repository " + chart.repository() + " has no chart named '" + chart.name()
                    + "'. Charts there: " + entries.keySet().stream().map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ".");
        }
        for (Object each : versions) {
            if (each instanceof Map<?, ?> version && chart.version().equals(String.valueOf(version.get("version")))) {
                return entryOf(chart, indexUrl, version);
            }
        }
        String available = versions.stream()
                .filter(Map.class::isInstance)
                .map(v -> String.valueOf(((Map<?, ?>) v).get("version")))
                .collect(Collectors.joining(", "));
        throw new ChartDownloadException("Chart " + chart.describe() + " is not in the repository index " + indexUrl
                + ". Available versions of '" + chart.name() + "': " + available + ".");
    }

    private static IndexEntry entryOf(ChartSource.Repository chart, URI indexUrl, Map<?, ?> version) {
        if (!(version.get("urls") instanceof List<?> urls) || urls.isEmpty() || urls.get(0) == null) {
            throw new ChartDownloadException("The repository index " + indexUrl + " lists " + chart.describe()
                    + " without a download URL (its 'urls' is empty).");
        }
        URI url = indexUrl.resolve(String.valueOf(urls.get(0)));
        Object digest = version.get("digest");
        return new IndexEntry(url, digest == null ? Optional.empty() : Optional.of(String.valueOf(digest).toLowerCase(java.util.Locale.ROOT)));
    }

    private void download(ChartSource.Repository chart, HttpClient http, IndexEntry entry, Path target) {
        Path partial = null;
        try {
            Files.createDirectories(target.getParent());
            partial = Files.createTempFile(target.getParent(), target.getFileName().toString(), ".part");
            HttpResponse<InputStream> response = http.send(request(entry.url()), HttpResponse.BodyHandlers.ofInputStream());
            MessageDigest sha256 = MessageDigest.getInstance("SHA-256");
            try (InputStream body = response.body()) {
                requireOk(chart, entry.url(), response.statusCode());
                try (OutputStream out = new DigestOutputStream(Files.newOutputStream(partial), sha256)) {
                    body.transferTo(out);
                }
            }
            String actual = HexFormat.of().formatHex(sha256.digest());
            if (entry.digest().isPresent() && !entry.digest().get().equals(actual)) {
                throw new ChartDownloadException("The archive downloaded from " + entry.url() + " for chart " + chart.describe()
                        + " has sha256 " + actual + " but the repository index says " + entry.digest().get()
                        + ". Nothing was cached; retry, and if it persists the repository or a proxy serves a different file.");
            }
            moveIntoPlace(partial, target);
            partial = null;
        } catch (IOException e) {
            throw unreachable(chart, entry.url(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ChartDownloadException("Interrupted while downloading " + entry.url() + " for chart " + chart.describe() + ".", e);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("This JVM has no SHA-256", e);
        } finally {
            if (partial != null) {
                deleteQuietly(partial);
            }
        }
    }

    private static void moveIntoPlace(Path partial, Path target) throws IOException {
        try {
            Files.move(partial, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(partial, target, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            LOG.warn("Could not delete the partial download {}: {}", file, e.getMessage());
        }
    }

    private static HttpRequest request(URI url) {
        return HttpRequest.newBuilder(url).timeout(REQUEST_TIMEOUT).GET().build();
    }

    private void requireOk(ChartSource.Repository chart, URI url, int status) {
        if (status != 200) {
            throw new ChartDownloadException("GET " + url + " answered HTTP " + status + " while fetching chart "
                    + chart.describe() + ". " + preSeedHint(chart));
        }
    }

    private ChartDownloadException unreachable(ChartSource.Repository chart, URI url, IOException cause) {
        return new ChartDownloadException("Chart " + chart.describe() + " is not in the cache and " + url
                + " could not be read (" + cause.getClass().getSimpleName()
                + (cause.getMessage() == null ? "" : ": " + cause.getMessage()) + "). " + preSeedHint(chart), cause);
    }

    private String preSeedHint(ChartSource.Repository chart) {
        return "To run without network, put the chart archive at " + archivePath(chart)
                + " (on a machine with network: helm pull " + chart.name() + " --repo " + chart.repository()
                + " --version " + chart.version() + "), or point " + ROOT_PROPERTY + " / " + ROOT_ENVIRONMENT_VARIABLE
                + " at a cache directory that has it.";
    }

    private static URI indexUrl(URI repository) {
        String base = repository.toString();
        return URI.create(base.endsWith("/") ? base + "index.yaml" : base + "/index.yaml");
    }

    /**
     * The cache subdirectory for a repository: its host (and port and path when present), made safe as a file name.
     *
     * @param repository the repository URL
     * @return the directory name
     */
    static String repositoryDirectory(URI repository) {
        StringBuilder key = new StringBuilder(repository.getHost() == null ? "local" : repository.getHost());
        if (repository.getPort() >= 0) {
            key.append('_').append(repository.getPort());
        }
        String path = repository.getPath();
        if (path != null && !path.isEmpty() && !path.equals("/")) {
            key.append(path.replaceAll("/+$", ""));
        }
        return key.toString().replaceAll("[^A-Za-z0-9._-]", "_");
    }

    @Override
    public String toString() {
        return "ChartCache[" + root + "]";
    }

    /** What the index says about one chart version. */
    private record IndexEntry(URI url, Optional<String> digest) {
    }
}
