package dev.vaulttest.testkit.real;

import dev.vaulttest.testkit.LoopbackPorts;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A real Vault cluster for tests: N {@code vault server} processes on loopback, each with its own raft data
 * directory, uninitialised when {@link Builder#start()} returns. The test initialises, unseals and joins them, as
 * the library does in pods.
 *
 * <pre>{@code
 * try (VaultProcessCluster vault = VaultProcessCluster.builder(LabBinaries.locate()).nodes(3).start()) {
 *     URI first = vault.node(0).apiAddress();   // init here, then join the others to it
 * }
 * }</pre>
 *
 * <p>Each node listens on 127.0.0.1 only ({@code tls_disable}, {@code disable_mlock}), with node id
 * {@code vault-<i>}. Followers can carry a {@code retry_join} stanza naming node 0 ({@link Builder#retryJoin}),
 * and every node can use {@code awskms} auto-unseal against a {@link LocalKmsProcess} ({@link Builder#awsKms}),
 * wired as the library wires pods: the {@code seal "awskms"} stanza names the key, the environment carries
 * {@code AWS_KMS_ENDPOINT}, region and dummy credentials. Nothing else from the JVM's environment reaches the
 * processes.
 *
 * <p>{@link #close()} stops every process by its PID and deletes the data directories; so does a shutdown hook
 * when the JVM exits first, and the next fixture reaps those of a JVM that was killed (see {@link RunDirectory}).
 */
public final class VaultProcessCluster implements AutoCloseable {

    private static final Duration STOP_GRACE = Duration.ofSeconds(15);
    private static final Duration POLL = Duration.ofMillis(100);
    private static final int BIND_ATTEMPTS = 3;

    private final Builder config;
    private final RunDirectory run;
    private final List<VaultProcess> nodes = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private boolean closed;

    private VaultProcessCluster(Builder config) {
        this.config = config;
        this.run = RunDirectory.create(this::killAll);
    }

    /**
     * Starts configuring a cluster.
     *
     * @param binaries where the Vault binary is
     * @return a builder (defaults: 3 nodes, Shamir, no {@code retry_join}, 30 s start timeout)
     */
    public static Builder builder(LabBinaries binaries) {
        return new Builder(binaries);
    }

    /**
     * The nodes in order; node 0 is the one to initialise.
     *
     * @return the nodes
     */
    public synchronized List<VaultProcess> nodes() {
        return List.copyOf(nodes);
    }

    /**
     * One node.
     *
     * @param index 0-based
     * @return the node
     */
    public synchronized VaultProcess node(int index) {
        return nodes.get(index);
    }

    /**
     * The Vault version the binary reports.
     *
     * @return for example {@code 1.21.4}
     */
    public String vaultVersion() {
        return config.binaries.vaultVersion();
    }

    /**
     * Stops a node by its PID (SIGTERM, as Kubernetes does; SIGKILL after 15 s). Its data stays.
     *
     * @param node the node
     */
    public synchronized void stop(VaultProcess node) {
        ManagedProcess process = node.process();
        if (process != null) {
            process.stop(STOP_GRACE);
            node.process(null);
        }
    }

    /**
     * Kills a node by its PID at once (SIGKILL), as an OOM kill or a node crash does. Its data stays.
     *
     * @param node the node
     */
    public synchronized void kill(VaultProcess node) {
        ManagedProcess process = node.process();
        if (process != null) {
            process.kill();
            node.process(null);
        }
    }

    /**
     * Starts a stopped node on its old ports with its old data, and waits until it answers.
     *
     * @param node the node
     */
    public synchronized void start(VaultProcess node) {
        if (node.running()) {
            return;
        }
        launch(node);
        awaitAnswering(node);
    }

    /**
     * Stops and starts a node; under Shamir it comes back sealed.
     *
     * @param node the node
     */
    public synchronized void restart(VaultProcess node) {
        stop(node);
        start(node);
    }

    /**
     * Stops a node, deletes its raft data (as losing its volume does) and starts it again, uninitialised.
     *
     * @param node the node
     */
    public synchronized void wipe(VaultProcess node) {
        stop(node);
        RunDirectory.deleteTree(node.raftDirectory());
        createDirectories(node.raftDirectory());
        start(node);
    }

    /** Stops every process by its PID and deletes the data directories. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        for (VaultProcess node : nodes) {
            stop(node);
            node.releasePorts();
        }
        run.close();
    }

    @Override
    public synchronized String toString() {
        return "VaultProcessCluster[Vault " + vaultVersion() + ", " + nodes + "]";
    }

    // ---- start ------------------------------------------------------------------------------------------------

    private void startAll() {
        for (int i = 0; i < config.nodes; i++) {
            nodes.add(startNew("vault-" + i));
        }
    }

    /** Starts a new node on fresh ports, retrying on other ports when another listener took one meanwhile. */
    private VaultProcess startNew(String name) {
        IllegalStateException last = null;
        for (int attempt = 1; attempt <= BIND_ATTEMPTS; attempt++) {
            Path directory = run.subdirectory(name + (attempt == 1 ? "" : "-" + attempt));
            VaultProcess node = new VaultProcess(name, directory, LoopbackPorts.lease(), LoopbackPorts.lease());
            createDirectories(node.raftDirectory());
            writeConfig(node);
            launch(node);
            try {
                awaitAnswering(node);
                return node;
            } catch (IllegalStateException e) {
                kill(node); // it never answered: nothing of it to keep, and a hung Vault ignores SIGTERM for long
                node.releasePorts();
                if (!portTaken(node)) {
                    throw e;
                }
                last = e;
            }
        }
        throw last;
    }

    private void launch(VaultProcess node) {
        node.process(ManagedProcess.start(node.name(), List.of(config.binaries.vault().toString(), "server",
                "-config=" + node.config()), environment(node), node.directory(), node.log()));
    }

    private static boolean portTaken(VaultProcess node) {
        try {
            return Files.exists(node.log()) && Files.readString(node.log()).contains("address already in use");
        } catch (IOException e) {
            return false;
        }
    }

    private void awaitAnswering(VaultProcess node) {
        URI status = node.apiAddress().resolve("/v1/sys/seal-status");
        Poll.until(node.name() + " to answer " + status, config.startTimeout, POLL, () -> {
            ManagedProcess process = node.process();
            if (process == null || !process.alive()) {
                throw new Poll.AbortedException(node.name() + " exited with "
                        + (process == null ? "?" : process.exitCode().orElse(-1)) + ":\n" + node.logTail(30));
            }
            return answers(status);
        }, Optional::isPresent, answer -> "no answer").orElseThrow();
    }

    private Optional<Integer> answers(URI uri) {
        try {
            HttpResponse<Void> response = http.send(HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(2))
                    .GET().build(), HttpResponse.BodyHandlers.discarding());
            return Optional.of(response.statusCode());
        } catch (IOException e) {
            return Optional.empty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new Poll.AbortedException("interrupted");
        }
    }

    private void killAll() {
        for (VaultProcess node : nodes) {
            ManagedProcess process = node.process();
            if (process != null) {
                process.kill();
            }
        }
    }

    // ---- configuration ----------------------------------------------------------------------------------------

    private void writeConfig(VaultProcess node) {
        StringBuilder hcl = new StringBuilder();
        hcl.append("ui = false\n");
        hcl.append("disable_mlock = true\n");
        hcl.append("cluster_name = \"vault-test\"\n");
        hcl.append("api_addr = \"").append(node.apiAddress()).append("\"\n");
        hcl.append("cluster_addr = \"https://127.0.0.1:").append(node.clusterPort()).append("\"\n");
        hcl.append("log_level = \"info\"\n\n");
        hcl.append("listener \"tcp\" {\n");
        hcl.append("  address = \"127.0.0.1:").append(node.apiPort()).append("\"\n");
        hcl.append("  cluster_address = \"127.0.0.1:").append(node.clusterPort()).append("\"\n");
        hcl.append("  tls_disable = true\n");
        hcl.append("}\n\n");
        hcl.append("storage \"raft\" {\n");
        hcl.append("  path = \"").append(node.raftDirectory()).append("\"\n");
        hcl.append("  node_id = \"").append(node.name()).append("\"\n");
        // Raft's timing at its fastest (the default, 5, waits about 5 s for an election): these nodes share one
        // quiet machine, and the tests wait on elections after every init, restart and step-down.
        hcl.append("  performance_multiplier = 1\n");
        if (config.retryJoin && !nodes.isEmpty()) {
            hcl.append("  retry_join {\n");
            hcl.append("    leader_api_addr = \"").append(nodes.get(0).apiAddress()).append("\"\n");
            hcl.append("  }\n");
        }
        hcl.append("}\n");
        config.awsKms.ifPresent(kms -> {
            hcl.append("\nseal \"awskms\" {\n");
            if (!kms.stanzaAttributes().containsKey("region")) {
                hcl.append("  region = \"").append(kms.region()).append("\"\n");
            }
            hcl.append("  kms_key_id = \"").append(kms.keyId()).append("\"\n");
            kms.stanzaAttributes().forEach((name, value) -> hcl.append("  ").append(name).append(" = \"")
                    .append(value).append("\"\n"));
            hcl.append("}\n");
        });
        try {
            Files.writeString(node.config(), hcl.toString());
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write " + node.config(), e);
        }
    }

    private Map<String, String> environment(VaultProcess node) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/bin:/bin");
        env.put("HOME", node.directory().toString());
        config.awsKms.ifPresent(kms -> {
            env.put("AWS_KMS_ENDPOINT", kms.endpoint().toString());
            env.put("AWS_REGION", kms.region());
            env.put("AWS_ACCESS_KEY_ID", AwsKms.ACCESS_KEY_ID);
            env.put("AWS_SECRET_ACCESS_KEY", AwsKms.SECRET_ACCESS_KEY);
        });
        return env;
    }

    private static void createDirectories(Path directory) {
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not create " + directory, e);
        }
    }

    /**
     * An {@code awskms} seal against an emulator.
     *
     * @param endpoint the KMS endpoint, {@code AWS_KMS_ENDPOINT}
     * @param region the region
     * @param keyId the key id, ARN or {@code alias/...}; it must exist before the nodes start
     */
    public record AwsKms(URI endpoint, String region, String keyId, Map<String, String> stanzaAttributes) {

        /** The dummy access key id the processes send; emulators accept any. */
        public static final String ACCESS_KEY_ID = "vault-test";

        /** The dummy secret key the processes sign with. */
        public static final String SECRET_ACCESS_KEY = "vault-test-not-a-secret";

        /**
         * Checks and copies the components.
         *
         * @param endpoint the KMS endpoint
         * @param region the region
         * @param keyId the key id, ARN or alias
         * @param stanzaAttributes further attributes of the {@code seal "awskms"} stanza, written as strings
         */
        public AwsKms {
            Objects.requireNonNull(endpoint, "endpoint");
            Objects.requireNonNull(region, "region");
            Objects.requireNonNull(keyId, "keyId");
            stanzaAttributes = Map.copyOf(stanzaAttributes);
        }

        /**
         * A seal with no further stanza attributes.
         *
         * @param endpoint the KMS endpoint
         * @param region the region
         * @param keyId the key id, ARN or alias
         */
        public AwsKms(URI endpoint, String region, String keyId) {
            this(endpoint, region, keyId, Map.of());
        }
    }

    /** Configures a {@link VaultProcessCluster}. */
    public static final class Builder {

        private final LabBinaries binaries;
        private int nodes = 3;
        private boolean retryJoin;
        private Optional<AwsKms> awsKms = Optional.empty();
        private Duration startTimeout = Duration.ofSeconds(30);

        private Builder(LabBinaries binaries) {
            this.binaries = Objects.requireNonNull(binaries, "binaries");
        }

        /**
         * How many nodes.
         *
         * @param count 1 or more
         * @return this builder
         */
        public Builder nodes(int count) {
            if (count < 1) {
                throw new IllegalArgumentException("nodes must be at least 1, got " + count);
            }
            this.nodes = count;
            return this;
        }

        /**
         * Whether nodes 1.. carry a {@code retry_join} stanza naming node 0.
         *
         * @param enabled {@code true} to let followers join by themselves
         * @return this builder
         */
        public Builder retryJoin(boolean enabled) {
            this.retryJoin = enabled;
            return this;
        }

        /**
         * Seals every node with {@code awskms} against an emulator.
         *
         * @param kms the emulator's endpoint, region and an existing key
         * @return this builder
         */
        public Builder awsKms(AwsKms kms) {
            this.awsKms = Optional.of(Objects.requireNonNull(kms, "kms"));
            return this;
        }

        /**
         * How long each process may take to answer on its API port.
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder startTimeout(Duration timeout) {
            this.startTimeout = Objects.requireNonNull(timeout, "timeout");
            return this;
        }

        /**
         * Starts every node and waits until each answers; nothing is initialised.
         *
         * @return the running cluster; close it
         * @throws IllegalStateException if a node does not answer, with its log; nothing is left running
         */
        public VaultProcessCluster start() {
            VaultProcessCluster cluster = new VaultProcessCluster(this);
            try {
                synchronized (cluster) {
                    cluster.startAll();
                }
                return cluster;
            } catch (RuntimeException e) {
                cluster.close();
                throw e;
            }
        }
    }
}
