package dev.vaulttest.cluster;

import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import io.fabric8.kubernetes.api.model.NamedContext;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An existing cluster reached through a kubeconfig (kind, minikube, a staging cluster). The library only
 * creates and removes its own namespaces there (each environment its own, labelled with the environment's identifier); it cannot stop or start
 * the cluster, and it never creates StorageClasses there.
 */
final class ExistingCluster implements KubernetesCluster {

    private static final Logger LOG = LoggerFactory.getLogger(ExistingCluster.class);

    private final ExistingClusterSpec spec;
    private final String contextName;
    private final String kubeconfig;
    private final KubernetesClient client;
    private volatile boolean closed;

    private ExistingCluster(ExistingClusterSpec spec, String contextName, String kubeconfig, KubernetesClient client) {
        this.spec = spec;
        this.contextName = contextName;
        this.kubeconfig = kubeconfig;
        this.client = client;
    }

    /**
     * Connects to the cluster and waits until its API answers and its nodes are Ready.
     *
     * @param spec the kubeconfig and context
     * @return the connected cluster
     * @throws ClusterException when the kubeconfig is missing or has no such context, or the cluster does not
     *     answer in time
     */
    public static ExistingCluster connect(ExistingClusterSpec spec) {
        String yaml = read(spec);
        io.fabric8.kubernetes.api.model.Config model = Serialization.unmarshal(yaml,
                io.fabric8.kubernetes.api.model.Config.class);
        List<String> contexts = model.getContexts() == null ? List.of()
                : model.getContexts().stream().map(NamedContext::getName).toList();
        String context = spec.context().orElse(model.getCurrentContext());
        if (context == null || context.isEmpty() || !contexts.contains(context)) {
            throw new ClusterException("Kubeconfig " + spec.kubeconfig() + " has no context '" + context
                    + "'; it has " + contexts + ". Choose one with ExistingClusterSpec.withContext(name).");
        }
        String effectiveYaml = yaml;
        if (!context.equals(model.getCurrentContext())) {
            model.setCurrentContext(context);
            effectiveYaml = Serialization.asYaml(model);
        }
        Config config = Config.fromKubeconfig(context, yaml, spec.kubeconfig().toAbsolutePath().toString());
        KubernetesClient client = KubernetesClients.build(config);
        ExistingCluster cluster = new ExistingCluster(spec, context, effectiveYaml, client);
        try {
            ClusterReadiness.forExistingCluster().await(client, cluster.description(), spec.readyTimeout());
        } catch (RuntimeException e) {
            cluster.close();
            throw e;
        }
        LOG.info("Connected to {} at {}", cluster.description(), config.getMasterUrl());
        LeftoverNamespaces.tidy(client, cluster.description(), Instant.now(), spec.reapAfter());
        return cluster;
    }

    private static String read(ExistingClusterSpec spec) {
        try {
            return Files.readString(spec.kubeconfig());
        } catch (NoSuchFileException e) {
            throw new ClusterException("Kubeconfig " + spec.kubeconfig() + " does not exist. Point"
                    + " ExistingClusterSpec at the file kubectl uses (see $KUBECONFIG or ~/.kube/config).", e);
        } catch (IOException e) {
            throw new ClusterException("Could not read kubeconfig " + spec.kubeconfig() + ": " + e.getMessage(), e);
        }
    }

    @Override
    public String description() {
        return "existing cluster (context " + contextName + " of " + spec.kubeconfig() + ")";
    }

    /**
     * The kubeconfig YAML with the chosen context as its current context. Relative file references in it are
     * relative to {@link #kubeconfigPath()}'s directory.
     *
     * @return the kubeconfig
     */
    @Override
    public String kubeconfigYaml() {
        requireOpen();
        return kubeconfig;
    }

    /**
     * The kubeconfig file this cluster was read from.
     *
     * @return the path
     */
    public java.nio.file.Path kubeconfigPath() {
        return spec.kubeconfig();
    }

    /**
     * The context in use.
     *
     * @return the context name
     */
    public String context() {
        return contextName;
    }

    @Override
    public KubernetesClient client() {
        requireOpen();
        return client;
    }

    @Override
    public int nodeCount() {
        return client().nodes().list().getItems().size();
    }

    @Override
    public ClusterFacts facts() {
        return ClusterFacts.readExisting(client());
    }

    @Override
    public boolean supportsRestart() {
        return false;
    }

    /** Not supported: the library does not own an existing cluster. */
    @Override
    public void stop() {
        throw notRestartable("stop");
    }

    /** Not supported: the library does not own an existing cluster. */
    @Override
    public void start() {
        throw notRestartable("start");
    }

    private ClusterException notRestartable(String operation) {
        return new ClusterException("Cannot " + operation + " " + description() + ": the library does not own"
                + " existing clusters. Check supportsRestart() first, or run this test on k3s.");
    }

    /** Closes the client; the cluster itself is left as it is. Idempotent. */
    @Override
    public void close() {
        if (!closed) {
            closed = true;
            client.close();
        }
    }

    private void requireOpen() {
        if (closed) {
            throw new ClusterException(description() + " is closed.");
        }
    }

    @Override
    public String toString() {
        return "ExistingCluster[" + contextName + (closed ? ", closed" : "") + "]";
    }
}
