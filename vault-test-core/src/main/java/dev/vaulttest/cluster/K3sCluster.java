package dev.vaulttest.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.command.InspectContainerResponse;
import com.github.dockerjava.api.model.ExposedPort;
import com.github.dockerjava.api.model.Ports;
import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import dev.vaulttest.internal.DockerNetworks;
import dev.vaulttest.internal.Durations;
import dev.vaulttest.internal.Wait;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.containers.Container.ExecResult;
import org.testcontainers.containers.Network;
import org.testcontainers.images.builder.Transferable;
import org.testcontainers.k3s.K3sContainer;
import org.testcontainers.utility.DockerImageName;
import org.testcontainers.utility.MountableFile;

/**
 * A single-node k3s cluster in Docker (Testcontainers {@link K3sContainer}), on a Docker network that other
 * containers, such as a KMS emulator, can join. Traefik, ServiceLB and metrics-server are disabled: Vault needs
 * none of them. The network policy controller stays on, because chaos uses NetworkPolicies.
 *
 * <p>Close a KMS emulator on {@link #network()} before closing the cluster: the cluster removes the network it
 * created, which Docker refuses while containers are still attached.
 */
public final class K3sCluster implements KubernetesCluster {

    /** The cluster's alias on its Docker network; also a TLS SAN of the API server certificate. */
    public static final String NETWORK_ALIAS = "k3s";

    static final String AIRGAP_IMAGES_DIR = "/var/lib/rancher/k3s/agent/images/";
    private static final int API_PORT = 6443;
    private static final Logger LOG = LoggerFactory.getLogger(K3sCluster.class);

    private final K3sClusterSpec spec;
    private final Network network;
    private final boolean ownsNetwork;
    private final K3sContainer container;
    private final ImagePreloadReport imagePreload;
    private final String host;

    private String kubeconfig;
    private int apiPort;
    private KubernetesClient client;
    private boolean running;
    private boolean closed;
    private Instant stoppedAt;

    private K3sCluster(K3sClusterSpec spec, Network network, boolean ownsNetwork, K3sContainer container,
            ImagePreloadReport imagePreload) {
        this.spec = spec;
        this.network = network;
        this.ownsNetwork = ownsNetwork;
        this.container = container;
        this.imagePreload = imagePreload;
        this.host = container.getHost();
        this.apiPort = container.getMappedPort(API_PORT);
        this.kubeconfig = container.getKubeConfigYaml();
        this.client = KubernetesClients.fromKubeconfig(kubeconfig);
        this.running = true;
    }

    /**
     * Starts k3s on a new Docker network that the cluster owns and removes at close, and waits until it is ready.
     *
     * @param spec how to start it
     * @return the ready cluster
     * @throws ClusterException when Docker is missing, the container fails to start, or the cluster is not ready
     *     in time
     */
    public static K3sCluster start(K3sClusterSpec spec) {
        requireDocker();
        Network network = Network.newNetwork();
        try {
            return start(spec, network, true);
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /**
     * Starts k3s on a network the caller owns (and closes after the cluster), and waits until it is ready.
     *
     * @param spec how to start it
     * @param network the Docker network to join
     * @return the ready cluster
     * @throws ClusterException when Docker is missing, the container fails to start, or the cluster is not ready
     *     in time
     */
    public static K3sCluster start(K3sClusterSpec spec, Network network) {
        requireDocker();
        return start(spec, network, false);
    }

    private static K3sCluster start(K3sClusterSpec spec, Network network, boolean ownsNetwork) {
        DockerImageName image = DockerImageName.parse(spec.image()).asCompatibleSubstituteFor("rancher/k3s");
        K3sContainer container = new K3sContainer(image);
        container.withNetwork(network)
                .withNetworkAliases(NETWORK_ALIAS)
                .withStartupTimeout(spec.startupTimeout())
                .withCommand(serverCommand(container.getHost(), spec.extraServerArgs()).toArray(String[]::new));
        if (!spec.registryMirrors().isEmpty()) {
            container.withCopyToContainer(Transferable.of(RegistriesYaml.render(spec.registryMirrors())),
                    RegistriesYaml.PATH);
            LOG.debug("k3s pulls from registry mirrors {}", spec.registryMirrors());
        }
        Path archives = createTempDirectory();
        K3sCluster cluster = null;
        try {
            ImagePreloader.Exported exported = new ImagePreloader(
                    new DockerImageStore(DockerClientFactory.instance().client())).export(spec.preloadImages(), archives);
            exported.archives().forEach((name, archive) -> container.withCopyFileToContainer(
                    MountableFile.forHostPath(archive), AIRGAP_IMAGES_DIR + archive.getFileName()));
            LOG.debug("Starting k3s {} ({} image archive(s) to preload)", spec.image(), exported.archives().size());
            startContainer(container, spec);
            ImagePreloadReport report = verifyPreload(container, exported);
            cluster = new K3sCluster(spec, network, ownsNetwork, container, report);
            cluster.awaitReady(spec.readyTimeout());
            LOG.info("k3s {} is ready; {}", spec.image(), report);
            return cluster;
        } catch (RuntimeException e) {
            if (cluster != null) {
                cluster.closeQuietly();
            } else {
                container.stop();
            }
            throw e;
        } finally {
            deleteRecursively(archives);
        }
    }

    /** The {@code k3s server} command: the K3sContainer defaults, an internal TLS SAN, and fewer add-ons. */
    static List<String> serverCommand(String host, List<String> extraArgs) {
        List<String> command = new ArrayList<>(List.of("server",
                "--disable=traefik", "--disable=servicelb", "--disable=metrics-server",
                "--tls-san=" + host, "--tls-san=" + NETWORK_ALIAS));
        command.addAll(extraArgs);
        return command;
    }

    private static void startContainer(K3sContainer container, K3sClusterSpec spec) {
        try {
            container.start();
        } catch (RuntimeException e) {
            throw new ClusterException("k3s (" + spec.image() + ") did not start within " + spec.startupTimeout()
                    + ". k3s needs a Docker engine that allows privileged containers with the host cgroup namespace;"
                    + " rootless Docker, Podman and some Docker-in-Docker setups cannot run it. If the image is"
                    + " pulled slowly, raise K3sClusterSpec.startupTimeout. Cause: " + e.getMessage(), e);
        }
    }

    private static ImagePreloadReport verifyPreload(K3sContainer container, ImagePreloader.Exported exported) {
        if (exported.archives().isEmpty()) {
            return ImagePreloader.report(exported, Set.of());
        }
        Set<String> expected = exported.archives().keySet().stream()
                .map(ImagePreloader::containerdReference).collect(Collectors.toSet());
        try {
            Set<String> listed = Wait.until("k3s to import the preloaded images " + expected, Duration.ofSeconds(60),
                    Duration.ofSeconds(2), () -> containerdImages(container), l -> l.containsAll(expected),
                    l -> "containerd lists " + l.size() + " image(s), missing "
                            + expected.stream().filter(i -> !l.contains(i)).toList());
            return ImagePreloader.report(exported, listed);
        } catch (RuntimeException e) {
            LOG.warn("Could not confirm the image preload ({}); assuming k3s pulls the images", e.getMessage());
            return ImagePreloader.report(exported, Set.of());
        }
    }

    private static Set<String> containerdImages(K3sContainer container) {
        try {
            ExecResult result = container.execInContainer("k3s", "ctr", "-n", "k8s.io", "images", "ls", "-q");
            if (result.getExitCode() == 126 || result.getExitCode() == 127) {
                throw new Wait.Abort("the image has no 'k3s ctr' (exit " + result.getExitCode() + ")");
            }
            if (result.getExitCode() != 0) {
                throw new ClusterException("'k3s ctr images ls' exited with " + result.getExitCode() + ": "
                        + result.getStderr().strip());
            }
            return Arrays.stream(result.getStdout().split("\\R")).map(String::strip).filter(s -> !s.isEmpty())
                    .collect(Collectors.toSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted while listing k3s images", e);
        }
    }

    private void awaitReady(Duration timeout) {
        ClusterReadiness.forK3s().await(client, description(), timeout);
    }

    @Override
    public String description() {
        return "k3s " + spec.image();
    }

    @Override
    public synchronized String kubeconfigYaml() {
        requireOpen();
        return kubeconfig;
    }

    @Override
    public synchronized KubernetesClient client() {
        requireOpen();
        if (!running) {
            throw new ClusterException("The k3s cluster is stopped; call start() before using its client.");
        }
        return client;
    }

    @Override
    public int nodeCount() {
        return client().nodes().list().getItems().size();
    }

    @Override
    public ClusterFacts facts() {
        return ClusterFacts.read(client(), true);
    }

    /**
     * The Docker network the cluster is on; start sibling containers (KMS emulators) there.
     *
     * @return the network
     */
    public Network network() {
        return network;
    }

    /** A file inside the k3s container, for tests that check what the library wrote there. */
    String readFile(String path) {
        try {
            ExecResult result = container.execInContainer("cat", path);
            if (result.getExitCode() != 0) {
                throw new ClusterException("cat " + path + " in the k3s container exited with "
                        + result.getExitCode() + ": " + result.getStderr().strip());
            }
            return result.getStdout();
        } catch (IOException e) {
            throw new ClusterException("Could not read " + path + " in the k3s container: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ClusterException("Interrupted reading " + path + " in the k3s container", e);
        }
    }

    /**
     * What the image preload did.
     *
     * @return the preload report
     */
    public ImagePreloadReport imagePreload() {
        return imagePreload;
    }

    /**
     * The container's IP address on {@link #network()}.
     *
     * @return the IP address
     */
    public String ipAddressOnNetwork() {
        return DockerNetworks.ipAddress(docker().inspectContainerCmd(container.getContainerId()).exec(), network);
    }

    @Override
    public boolean supportsRestart() {
        return true;
    }

    /**
     * Stops the k3s container without removing it; every pod stops with it. The client is closed; {@link #start()}
     * brings the cluster back with its state.
     */
    @Override
    public synchronized void stop() {
        requireOpen();
        if (!running) {
            return;
        }
        client.close();
        Instant requested = Instant.now();
        LOG.debug("Stopping k3s container {}", container.getContainerId());
        docker().stopContainerCmd(container.getContainerId()).withTimeout(30).exec();
        stoppedAt = finishedAt(requested);
        running = false;
    }

    /**
     * Starts the stopped k3s container again, follows its new API port in the kubeconfig and client, and waits
     * until the cluster passes the readiness gate (within the spec's startup plus readiness timeouts).
     */
    @Override
    public synchronized void start() {
        requireOpen();
        if (running) {
            return;
        }
        LOG.debug("Starting k3s container {} again", container.getContainerId());
        docker().startContainerCmd(container.getContainerId()).exec();
        int newPort = Wait.until("k3s API port to be published again", Duration.ofSeconds(30), Duration.ofMillis(500),
                this::publishedApiPort, p -> p > 0, p -> "no host port bound to " + API_PORT + " yet");
        kubeconfig = withApiPort(kubeconfig, host, apiPort, newPort);
        apiPort = newPort;
        client = KubernetesClients.fromKubeconfig(kubeconfig);
        running = true;
        ClusterReadiness.forK3s().restartedAfter(stoppedAt)
                .await(client, description() + " (restarted)", spec.startupTimeout().plus(spec.readyTimeout()));
    }

    /**
     * When the container stopped, by Docker's clock: the clock kubelet stamps container start times with after
     * the restart (on Docker Desktop it can differ from the JVM's). Falls back to the JVM's time of the request.
     */
    private Instant finishedAt(Instant fallback) {
        try {
            String finished = docker().inspectContainerCmd(container.getContainerId()).exec().getState().getFinishedAt();
            return finished == null ? fallback : Instant.parse(finished);
        } catch (RuntimeException e) {
            LOG.debug("Could not read when k3s stopped ({}); using the JVM's clock", e.getMessage());
            return fallback;
        }
    }

    /** Rewrites the kubeconfig's server URL from the old mapped API port to the new one. */
    static String withApiPort(String kubeconfigYaml, String host, int oldPort, int newPort) {
        String oldServer = "https://" + host + ":" + oldPort;
        if (!kubeconfigYaml.contains(oldServer)) {
            throw new ClusterException("The k3s kubeconfig does not contain the expected server " + oldServer
                    + "; cannot follow the API server to port " + newPort + ".");
        }
        return kubeconfigYaml.replace(oldServer, "https://" + host + ":" + newPort);
    }

    private int publishedApiPort() {
        InspectContainerResponse info = docker().inspectContainerCmd(container.getContainerId()).exec();
        Ports.Binding[] bindings = info.getNetworkSettings().getPorts().getBindings().get(ExposedPort.tcp(API_PORT));
        if (bindings == null) {
            return -1;
        }
        return Stream.of(bindings).map(Ports.Binding::getHostPortSpec).filter(s -> s != null && !s.isEmpty())
                .mapToInt(Integer::parseInt).findFirst().orElse(-1);
    }

    /** Removes the container (and the network, when the cluster created it); idempotent. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        closeQuietly();
    }

    private void closeQuietly() {
        closed = true;
        try {
            client.close();
        } catch (RuntimeException e) {
            LOG.debug("Closing the k3s client failed: {}", e.getMessage());
        }
        container.stop();
        if (ownsNetwork) {
            try {
                network.close();
            } catch (RuntimeException e) {
                LOG.warn("Could not remove Docker network {} (is a container still attached? close KMS emulators"
                        + " before the cluster): {}", network.getId(), e.getMessage());
            }
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new ClusterException("The k3s cluster " + spec.image() + " is closed.");
        }
    }

    private static DockerClient docker() {
        return DockerClientFactory.instance().client();
    }

    private static void requireDocker() {
        DockerStatus docker = DockerStatus.probe();
        if (!docker.available()) {
            throw new ClusterException(docker.description() + ", but k3s runs in Docker. Start a Docker engine that"
                    + " allows privileged containers, or use an existing cluster (ExistingClusterSpec).");
        }
    }

    private static Path createTempDirectory() {
        try {
            return Files.createTempDirectory("vault-test-images-");
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create a temporary directory for image archives", e);
        }
    }

    private static void deleteRecursively(Path directory) {
        try (Stream<Path> paths = Files.walk(directory)) {
            paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        } catch (IOException e) {
            LOG.debug("Could not delete {}: {}", directory, e.getMessage());
        }
    }

    @Override
    public String toString() {
        return "K3sCluster[" + spec.image() + (closed ? ", closed" : running ? "" : ", stopped") + "]";
    }

    /**
     * Which images k3s got from the host's Docker and which it has to pull itself.
     *
     * @param preloaded images copied from the host and seen in k3s's containerd after start
     * @param toBePulled images the host did not have, or whose import could not be confirmed; k3s pulls them
     * @param elapsed the time spent exporting and copying
     * @param bytes the size of the exported image archives
     */
    public record ImagePreloadReport(List<String> preloaded, List<String> toBePulled, Duration elapsed, long bytes) {

        /**
         * Copies the lists.
         *
         * @param preloaded images copied from the host and seen in k3s's containerd after start
         * @param toBePulled images the host did not have, or whose import could not be confirmed; k3s pulls them
         * @param elapsed the time spent exporting and copying
         * @param bytes the size of the exported image archives
         */
        public ImagePreloadReport {
            preloaded = List.copyOf(preloaded);
            toBePulled = List.copyOf(toBePulled);
            Objects.requireNonNull(elapsed, "elapsed");
        }

        /**
         * The report of a cluster that preloaded nothing.
         *
         * @return an empty report
         */
        public static ImagePreloadReport none() {
            return new ImagePreloadReport(List.of(), List.of(), Duration.ZERO, 0);
        }

        @Override
        public String toString() {
            return "preloaded " + preloaded + " (" + bytes / (1024 * 1024) + " MiB in " + Durations.format(elapsed)
                    + "), to be pulled by k3s " + toBePulled;
        }
    }
}
