package dev.vaulttest.kms;

import dev.vaulttest.internal.DockerNetworks;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.testcontainers.containers.GenericContainer;
import org.testcontainers.containers.Network;

/**
 * The common part of the Docker-based emulators: endpoints, key calls through {@link KmsApiClient}, and the
 * outage control. Unreachability is a Docker pause: the IP address, the network attachment and the in-memory
 * keys all survive, which disconnecting from the network would not guarantee (Docker may hand out another
 * address on reconnect, and pods hold the old one in Vault's seal configuration).
 */
abstract class ContainerKmsEmulator implements KmsEmulator {

    private static final Logger LOG = LoggerFactory.getLogger(ContainerKmsEmulator.class);

    private final KmsProvider provider;
    private final GenericContainer<?> container;
    private final String region;
    private final AwsCredentials credentials;
    private final URI endpointForPods;
    private final URI endpointForHost;
    private final KmsApiClient api;
    private boolean paused;
    private boolean closed;

    ContainerKmsEmulator(KmsProvider provider, GenericContainer<?> container, Network network, int port, String region,
            AwsCredentials credentials) {
        this.provider = provider;
        this.container = container;
        this.region = region;
        this.credentials = credentials;
        this.endpointForPods = URI.create("http://" + DockerNetworks.ipAddress(container.getContainerInfo(), network)
                + ":" + port);
        this.endpointForHost = URI.create("http://" + container.getHost() + ":" + container.getMappedPort(port));
        this.api = new KmsApiClient(endpointForHost, region, credentials);
    }

    @Override
    public KmsProvider provider() {
        return provider;
    }

    @Override
    public URI endpointForPods() {
        return endpointForPods;
    }

    @Override
    public URI endpointForHost() {
        return endpointForHost;
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public AwsCredentials credentials() {
        return credentials;
    }

    @Override
    public String createKeyWithAlias(String alias) {
        requireReachable("create " + alias);
        return api.ensureKeyWithAlias(alias);
    }

    @Override
    public String keyState(String keyIdOrAlias) {
        requireReachable("describe " + keyIdOrAlias);
        return api.keyState(keyIdOrAlias);
    }

    @Override
    public synchronized void makeUnreachable() {
        requireOpen();
        if (!paused) {
            container.getDockerClient().pauseContainerCmd(container.getContainerId()).exec();
            paused = true;
            LOG.debug("{} at {} is now unreachable (container paused)", provider, endpointForPods);
        }
    }

    @Override
    public synchronized void makeReachable() {
        requireOpen();
        if (paused) {
            container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
            paused = false;
            LOG.debug("{} at {} is reachable again", provider, endpointForPods);
        }
    }

    @Override
    public synchronized boolean isReachable() {
        return !closed && !paused;
    }

    @Override
    public boolean supportsKeyDisable() {
        return true;
    }

    @Override
    public void disableKey(String keyId) {
        requireReachable("disable key " + keyId);
        api.disableKey(keyId);
        LOG.debug("Disabled KMS key {} in {}", keyId, provider);
    }

    @Override
    public void enableKey(String keyId) {
        requireReachable("enable key " + keyId);
        api.enableKey(keyId);
        LOG.debug("Enabled KMS key {} in {}", keyId, provider);
    }

    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (paused) {
            try {
                container.getDockerClient().unpauseContainerCmd(container.getContainerId()).exec();
            } catch (RuntimeException e) {
                LOG.debug("Could not unpause {} before removal: {}", provider, e.getMessage());
            }
        }
        container.stop();
    }

    private synchronized void requireReachable(String what) {
        requireOpen();
        if (paused) {
            throw new KmsException("Cannot " + what + ": the " + provider + " emulator is unreachable (paused by"
                    + " makeUnreachable()). Call makeReachable() first.");
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new KmsException("The " + provider + " emulator is closed.");
        }
    }

    @Override
    public String toString() {
        return provider + " emulator[pods=" + endpointForPods + ", host=" + endpointForHost + ", region=" + region
                + (paused ? ", unreachable" : "") + (closed ? ", closed" : "") + "]";
    }
}
