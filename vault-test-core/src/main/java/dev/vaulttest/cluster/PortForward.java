package dev.vaulttest.cluster;

import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import java.io.IOException;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A local port forwarded to one pod's port (fabric8 {@link LocalPortForward}). Bound to that pod: when the pod
 * is deleted the forward dies and a new one must be opened. Closing is idempotent.
 */
public final class PortForward implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(PortForward.class);

    private final String target;
    private final LocalPortForward forward;
    private final AtomicBoolean closed = new AtomicBoolean();

    private PortForward(String target, LocalPortForward forward) {
        this.target = target;
        this.forward = forward;
    }

    /**
     * Opens a forward from an ephemeral local port on the loopback interface to a pod's port.
     *
     * @param client the cluster's client
     * @param namespace the pod's namespace
     * @param pod the pod's name
     * @param port the pod's port
     * @return the open forward
     * @throws ClusterException when the pod does not exist or the forward cannot be opened
     */
    public static PortForward open(KubernetesClient client, String namespace, String pod, int port) {
        Objects.requireNonNull(client, "client");
        String target = namespace + "/" + pod + ":" + port;
        try {
            if (client.pods().inNamespace(namespace).withName(pod).get() == null) {
                throw new ClusterException("Cannot port-forward to " + target + ": pod " + namespace + "/" + pod
                        + " does not exist. Wait for the pod to be created (pods are recreated under the same"
                        + " name after deletion) before opening a forward.");
            }
            LocalPortForward forward = client.pods().inNamespace(namespace).withName(pod)
                    .portForward(port, InetAddress.getLoopbackAddress(), 0);
            LOG.debug("Forwarding {} to {}", forward.getLocalPort(), target);
            return new PortForward(target, forward);
        } catch (KubernetesClientException e) {
            throw new ClusterException("Cannot port-forward to " + target + ": " + e.getMessage(), e);
        }
    }

    /**
     * The pod and port this forward reaches, as {@code namespace/pod:port}.
     *
     * @return the target
     */
    public String target() {
        return target;
    }

    /**
     * The local port.
     *
     * @return the port on the loopback interface
     */
    public int localPort() {
        return forward.getLocalPort();
    }

    /**
     * The local URI for a scheme, for example {@code http://127.0.0.1:41234}.
     *
     * @param scheme {@code http} or {@code https}
     * @return the URI
     */
    public URI uri(String scheme) {
        return URI.create(scheme + "://" + hostLiteral() + ":" + localPort());
    }

    private String hostLiteral() {
        InetAddress address = forward.getLocalAddress();
        return address instanceof Inet6Address ? "[" + address.getHostAddress() + "]" : address.getHostAddress();
    }

    /**
     * Tells whether the forward still works: not closed and no error seen on either side.
     *
     * @return {@code true} while usable
     */
    public boolean isAlive() {
        return !closed.get() && forward.isAlive() && !forward.errorOccurred();
    }

    /** Stops forwarding and releases the local port; idempotent. */
    @Override
    public void close() {
        if (closed.compareAndSet(false, true)) {
            try {
                forward.close();
            } catch (IOException e) {
                LOG.debug("Closing the forward to {} failed: {}", target, e.getMessage());
            }
        }
    }

    @Override
    public String toString() {
        return "PortForward[" + hostLiteral() + ":" + localPort() + " -> " + target + (isAlive() ? "" : ", dead") + "]";
    }
}
