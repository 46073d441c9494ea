package dev.vaulttest.engine;

import dev.vaulttest.cluster.ClusterException;
import dev.vaulttest.internal.Labels;
import dev.vaulttest.internal.RetainedVolumes;
import dev.vaulttest.internal.Wait;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespaces one environment owns. Each is created with the environment's {@link Labels} and a
 * {@link NamespaceHeartbeat heartbeat} renewed while the environment is open; at close only namespaces that this
 * object created and that still carry this environment's label are deleted. Namespaces the library did not create
 * are never changed.
 */
final class EnvironmentNamespaces implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(EnvironmentNamespaces.class);

    private final Supplier<KubernetesClient> client;
    private final EnvironmentId environment;
    private final Duration heartbeatInterval;
    private final Clock clock;
    private final List<String> created = new ArrayList<>();
    private NamespaceHeartbeat heartbeat;
    private boolean closed;

    /**
     * Creates the registry; nothing is created in the cluster yet.
     *
     * @param client supplies the cluster's current client (for k3s it changes after a restart), for example
     *     {@code cluster::client}
     * @param environment the owning environment
     */
    public EnvironmentNamespaces(Supplier<KubernetesClient> client, EnvironmentId environment) {
        this(client, environment, NamespaceHeartbeat.INTERVAL, Clock.systemUTC());
    }

    EnvironmentNamespaces(Supplier<KubernetesClient> client, EnvironmentId environment, Duration heartbeatInterval,
            Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.environment = Objects.requireNonNull(environment, "environment");
        this.heartbeatInterval = Objects.requireNonNull(heartbeatInterval, "heartbeatInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Creates the environment's main namespace, {@link EnvironmentId#namespace()}.
     *
     * @return its name
     */
    public String createMain() {
        return create(environment.namespace());
    }

    /**
     * Creates a namespace owned by this environment.
     *
     * @param name a DNS-1123 label
     * @return the name
     * @throws ClusterException when a namespace of that name already exists (the library never adopts a namespace
     *     it did not create), or the namespace cannot be created
     */
    public synchronized String create(String name) {
        if (closed) {
            throw new ClusterException("The namespaces of environment " + environment + " are already closed.");
        }
        if (!EnvironmentId.isDnsLabel(name)) {
            throw new IllegalArgumentException("Namespace name '" + name + "' is not a DNS-1123 label.");
        }
        Namespace existing = client.get().namespaces().withName(name).get();
        if (existing != null) {
            throw new ClusterException("Namespace " + name + " already exists" + ownerNote(existing) + "; the library"
                    + " only uses namespaces it creates. Pick another name or delete the leftover namespace.");
        }
        Namespace namespace = new NamespaceBuilder().withNewMetadata().withName(name)
                .withLabels(Labels.forEnvironment(environment.value()))
                .withAnnotations(NamespaceHeartbeat.firstBeat(clock.instant())).endMetadata().build();
        try {
            client.get().namespaces().resource(namespace).create();
        } catch (KubernetesClientException e) {
            throw new ClusterException("Could not create namespace " + name + " (HTTP " + e.getCode() + "): "
                    + e.getMessage() + ". The kubeconfig's user needs 'create' on namespaces.", e);
        }
        created.add(name);
        if (heartbeat == null) {
            heartbeat = new NamespaceHeartbeat(client, this::created, environment.value(), heartbeatInterval, clock);
        }
        LOG.debug("Created namespace {} for environment {}", name, environment);
        return name;
    }

    /**
     * The namespaces created so far, in creation order.
     *
     * @return their names
     */
    public synchronized List<String> created() {
        return List.copyOf(created);
    }

    /**
     * The owning environment.
     *
     * @return the environment id
     */
    public EnvironmentId environment() {
        return environment;
    }

    /**
     * Deletes the created namespaces that still carry this environment's label, after switching the volumes their
     * claims hold from Retain to Delete (so no volume of the test outlives it); returns without waiting for
     * Kubernetes to finish removing their contents. Idempotent.
     */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (heartbeat != null) {
            heartbeat.close();
        }
        for (String name : created) {
            deleteIfOwned(name);
        }
    }

    /**
     * Waits until the deleted namespaces are gone.
     *
     * @param timeout how long to wait
     * @throws dev.vaulttest.base.WaitTimeoutException naming the namespaces still present
     */
    public void awaitDeleted(Duration timeout) {
        List<String> names = created();
        Wait.until("namespaces " + names + " deleted", timeout, Duration.ofSeconds(1),
                () -> names.stream().filter(n -> client.get().namespaces().withName(n).get() != null).toList(),
                List::isEmpty, remaining -> "still present: " + remaining);
    }

    private void deleteIfOwned(String name) {
        try {
            Namespace namespace = client.get().namespaces().withName(name).get();
            if (namespace == null) {
                return;
            }
            if (!environment.value().equals(labels(namespace).get(Labels.ENVIRONMENT))) {
                LOG.warn("Not deleting namespace {}: it no longer carries {}={} ({})", name, Labels.ENVIRONMENT,
                        environment, ownerNote(namespace));
                return;
            }
            RetainedVolumes.releaseFor(client.get(), name);
            client.get().namespaces().withName(name).delete();
            LOG.debug("Deleted namespace {} of environment {}", name, environment);
        } catch (RuntimeException e) {
            LOG.warn("Could not delete namespace {} of environment {}: {}", name, environment, e.getMessage());
        }
    }

    private static String ownerNote(Namespace namespace) {
        String owner = labels(namespace).get(Labels.ENVIRONMENT);
        return owner == null ? " (not created by vault-test)" : " (owned by environment " + owner + ")";
    }

    private static Map<String, String> labels(Namespace namespace) {
        Map<String, String> labels = namespace.getMetadata().getLabels();
        return labels == null ? Map.of() : labels;
    }
}
