package dev.vaulttest.testkit.real;

import dev.vaulttest.testkit.PortLease;
import java.net.URI;
import java.nio.file.Path;
import java.util.Optional;

/**
 * One node of a {@link VaultProcessCluster}: a real {@code vault server} process on loopback with its own raft
 * data directory. Its ports stay the same across {@link VaultProcessCluster#restart(VaultProcess)}.
 */
public final class VaultProcess {

    private final String name;
    private final Path directory;
    private final PortLease apiPort;
    private final PortLease clusterPort;
    private volatile ManagedProcess process;

    /** The ports stay leased for the node's life: Vault binds the cluster port only when it joins or unseals. */
    VaultProcess(String name, Path directory, PortLease apiPort, PortLease clusterPort) {
        this.name = name;
        this.directory = directory;
        this.apiPort = apiPort;
        this.clusterPort = clusterPort;
    }

    /**
     * The node's name, also its raft node id.
     *
     * @return for example {@code vault-0}
     */
    public String name() {
        return name;
    }

    /**
     * The API address, as configured in {@code api_addr} and as other nodes join it.
     *
     * @return {@code http://127.0.0.1:<port>}
     */
    public URI apiAddress() {
        return URI.create("http://127.0.0.1:" + apiPort.port());
    }

    /**
     * The API port on 127.0.0.1.
     *
     * @return the port
     */
    public int apiPort() {
        return apiPort.port();
    }

    /**
     * The raft/cluster port on 127.0.0.1.
     *
     * @return the port
     */
    public int clusterPort() {
        return clusterPort.port();
    }

    /**
     * The node's directory: {@code config.hcl}, {@code raft/}, {@code vault.log}.
     *
     * @return the directory
     */
    public Path directory() {
        return directory;
    }

    /**
     * Whether the process runs.
     *
     * @return {@code true} while started and not exited
     */
    public boolean running() {
        ManagedProcess current = process;
        return current != null && current.alive();
    }

    /**
     * The PID of the running process.
     *
     * @return the PID, or empty when stopped
     */
    public Optional<Long> pid() {
        ManagedProcess current = process;
        return current == null ? Optional.empty() : Optional.of(current.pid());
    }

    /**
     * The last lines Vault logged (it never logs keys or tokens), for failure messages.
     *
     * @param lines how many
     * @return the lines
     */
    public String logTail(int lines) {
        ManagedProcess current = process;
        return current == null ? "(not running)" : current.logTail(lines);
    }

    Path config() {
        return directory.resolve("config.hcl");
    }

    /** Lets this JVM hand the node's ports out again, once the node will not start again. */
    void releasePorts() {
        apiPort.close();
        clusterPort.close();
    }

    Path log() {
        return directory.resolve("vault.log");
    }

    Path raftDirectory() {
        return directory.resolve("raft");
    }

    ManagedProcess process() {
        return process;
    }

    void process(ManagedProcess process) {
        this.process = process;
    }

    @Override
    public String toString() {
        return name + "[" + apiAddress() + (running() ? "" : ", stopped") + "]";
    }
}
