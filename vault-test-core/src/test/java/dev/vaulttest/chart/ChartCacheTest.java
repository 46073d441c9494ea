package dev.vaulttest.chart;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.marcnuri.helm.Helm;
import com.sun.net.httpserver.HttpServer;
import dev.vaulttest.internal.helm.ChartRenderer;
import dev.vaulttest.internal.helm.RenderedChart;
import dev.vaulttest.testkit.LoopbackPorts;
import dev.vaulttest.testkit.PortLease;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Downloads against an in-process chart repository that serves an index.yaml and a chart packaged by Helm. */
class ChartCacheTest {

    @TempDir
    static Path shared;

    private static byte[] archive;
    private static String archiveSha256;

    @TempDir
    Path cacheRoot;

    private HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final Map<String, Integer> statusOverrides = new ConcurrentHashMap<>();
    private URI repository;

    @BeforeAll
    static void packageTestChart() throws Exception {
        new Helm(TestCharts.path("mini-vault")).packageIt().withDestination(shared).call();
        Path packaged = shared.resolve("mini-vault-0.2.0.tgz");
        archive = Files.readAllBytes(packaged);
        archiveSha256 = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(archive));
    }

    @BeforeEach
    void startRepository() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        repository = URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/charts");
        serveIndex(index(archiveSha256));
        server.createContext("/charts/mini-vault-0.2.0.tgz", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            respond(exchange, statusOverrides.getOrDefault("tgz", 200), archive);
        });
        server.start();
    }

    @AfterEach
    void stopRepository() {
        server.stop(0);
    }

    private void serveIndex(String index) {
        server.createContext("/charts/index.yaml", exchange -> {
            requests.add(exchange.getRequestURI().getPath());
            respond(exchange, statusOverrides.getOrDefault("index", 200), index.getBytes(StandardCharsets.UTF_8));
        });
    }

    private static void respond(com.sun.net.httpserver.HttpExchange exchange, int status, byte[] body) throws IOException {
        byte[] sent = status == 200 ? body : ("error " + status).getBytes(StandardCharsets.UTF_8);
        exchange.sendResponseHeaders(status, sent.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(sent);
        }
    }

    private static String index(String digest) {
        return "apiVersion: v1\nentries:\n  mini-vault:\n"
                + "  - name: mini-vault\n    version: 0.2.0\n    digest: " + digest + "\n    urls:\n    - mini-vault-0.2.0.tgz\n"
                + "  - name: mini-vault\n    version: 0.1.0\n    urls:\n    - https://example.invalid/mini-vault-0.1.0.tgz\n"
                + "  other:\n  - name: other\n    version: 1.0.0\n    urls: [other-1.0.0.tgz]\n";
    }

    private ChartSource.Repository chart(String version) {
        return (ChartSource.Repository) ChartSource.repository(repository, "mini-vault", version);
    }

    @Test
    void downloadsOnceThroughTheIndexAndVerifiesTheDigest() throws IOException {
        ChartCache cache = new ChartCache(cacheRoot);

        Path fetched = cache.fetch(chart("0.2.0"));

        assertThat(fetched).isEqualTo(cacheRoot.resolve("127.0.0.1_" + server.getAddress().getPort() + "_charts/mini-vault-0.2.0.tgz"));
        assertThat(Files.readAllBytes(fetched)).isEqualTo(archive);
        assertThat(requests).containsExactly("/charts/index.yaml", "/charts/mini-vault-0.2.0.tgz");
        try (var files = Files.list(fetched.getParent())) {
            assertThat(files).as("no partial download left behind").containsExactly(fetched);
        }
    }

    @Test
    void aCacheHitMakesNoRequest() {
        new ChartCache(cacheRoot).fetch(chart("0.2.0"));
        requests.clear();

        Path again = new ChartCache(cacheRoot).fetch(chart("0.2.0"));

        assertThat(again).exists();
        assertThat(requests).isEmpty();
    }

    @Test
    void aDownloadedChartRenders() {
        ChartRenderer renderer = new ChartRenderer(new ChartCache(cacheRoot));

        RenderedChart rendered = renderer.render(chart("0.2.0"), ChartValues.none());

        assertThat(rendered.manifests().all(io.fabric8.kubernetes.api.model.apps.StatefulSet.class)).hasSize(1);
    }

    @Test
    void anUnknownVersionListsTheAvailableOnes() {
        assertThatThrownBy(() -> new ChartCache(cacheRoot).fetch(chart("9.9.9")))
                .isInstanceOf(ChartDownloadException.class)
                .hasMessageContaining("mini-vault@9.9.9")
                .hasMessageContaining("Available versions of 'mini-vault': 0.2.0, 0.1.0");
    }

    @Test
    void anUnknownChartListsTheChartsThere() {
        ChartSource.Repository missing = (ChartSource.Repository) ChartSource.repository(repository, "consul", "1.0.0");

        assertThatThrownBy(() -> new ChartCache(cacheRoot).fetch(missing))
                .isInstanceOf(ChartDownloadException.class)
                .hasMessageContaining("no chart named 'consul'")
                .hasMessageContaining("mini-vault, other");
    }

    @Test
    void aDigestMismatchFailsAndCachesNothing() throws IOException {
        server.removeContext("/charts/index.yaml");
        serveIndex(index("ab".repeat(32)));
        ChartCache cache = new ChartCache(cacheRoot);

        assertThatThrownBy(() -> cache.fetch(chart("0.2.0")))
                .isInstanceOf(ChartDownloadException.class)
                .hasMessageContaining("sha256 " + archiveSha256)
                .hasMessageContaining("index says " + "ab".repeat(32));
        assertThat(cache.cached(chart("0.2.0"))).isEmpty();
        try (var files = Files.walk(cacheRoot)) {
            assertThat(files.filter(Files::isRegularFile)).as("no partial file").isEmpty();
        }
    }

    @Test
    void anHttpErrorOnTheIndexNamesTheUrl() {
        statusOverrides.put("index", 500);

        assertThatThrownBy(() -> new ChartCache(cacheRoot).fetch(chart("0.2.0")))
                .isInstanceOf(ChartDownloadException.class)
                .hasMessageContaining("GET " + repository + "/index.yaml answered HTTP 500");
    }

    @Test
    void aMissingArchiveNamesTheUrlAndCachesNothing() {
        statusOverrides.put("tgz", 404);
        ChartCache cache = new ChartCache(cacheRoot);

        assertThatThrownBy(() -> cache.fetch(chart("0.2.0")))
                .isInstanceOf(ChartDownloadException.class)
                .hasMessageContaining("GET " + repository + "/mini-vault-0.2.0.tgz answered HTTP 404");
        assertThat(cache.cached(chart("0.2.0"))).isEmpty();
    }

    @Test
    void offlineWithoutACopySaysWhereToPutTheArchive() throws IOException {
        try (PortLease closed = LoopbackPorts.lease()) {  // leased, so no concurrent test listens on it
            ChartCache cache = new ChartCache(cacheRoot);
            ChartSource.Repository unreachable = (ChartSource.Repository) ChartSource.repository(
                    URI.create("http://127.0.0.1:" + closed.port()), "vault", "0.34.1");

            assertThatThrownBy(() -> cache.fetch(unreachable))
                    .isInstanceOf(ChartDownloadException.class)
                    .hasMessageContaining("not in the cache")
                    .hasMessageContaining("put the chart archive at " + cache.archivePath(unreachable))
                    .hasMessageContaining("helm pull vault --repo http://127.0.0.1:" + closed.port()
                            + " --version 0.34.1");
        }
    }

    @Test
    void aPreSeededArchiveIsUsedWithoutNetwork() throws IOException {
        ChartCache cache = new ChartCache(cacheRoot);
        ChartSource.Repository official = (ChartSource.Repository) ChartSource.official("0.34.1");
        Path seeded = cache.archivePath(official);
        Files.createDirectories(seeded.getParent());
        Files.write(seeded, archive);

        assertThat(seeded).isEqualTo(cacheRoot.resolve("helm.releases.hashicorp.com/vault-0.34.1.tgz"));
        assertThat(cache.fetch(official)).isEqualTo(seeded);
    }

    @Test
    void defaultRootPrefersThePropertyThenTheEnvironmentThenTheHomeDirectory() {
        Map<String, String> props = Map.of("user.home", "/home/u");

        assertThat(ChartCache.defaultRoot(Map.of("user.home", "/home/u", ChartCache.ROOT_PROPERTY, "/p")::get,
                Map.of(ChartCache.ROOT_ENVIRONMENT_VARIABLE, "/e")::get)).isEqualTo(Path.of("/p"));
        assertThat(ChartCache.defaultRoot(props::get, Map.of(ChartCache.ROOT_ENVIRONMENT_VARIABLE, "/e")::get))
                .isEqualTo(Path.of("/e"));
        assertThat(ChartCache.defaultRoot(props::get, Map.<String, String>of()::get))
                .isEqualTo(Path.of("/home/u/.cache/vault-test/charts"));
    }
}
