package dev.vaulttest.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;

/**
 * One open Kubernetes cluster: its kubeconfig, a fabric8 client built from it, port-forwarding to pods and,
 * for k3s, stop and start. Closing is idempotent.
 *
 * <p>After {@link #stop()} and {@link #start()} the kubeconfig and client change (k3s gets a new mapped API
 * port): always call {@link #client()} again rather than keeping a client across a restart.
 */
public interface KubernetesCluster extends AutoCloseable {

    /**
     * A short description for logs and reports, for example {@code k3s rancher/k3s:v1.33.5-k3s1}.
     *
     * @return the description
     */
    String description();

    /**
     * The kubeconfig YAML that reaches this cluster from the host (it contains client credentials: do not log it).
     *
     * @return the kubeconfig
     */
    String kubeconfigYaml();

    /**
     * The fabric8 client for this cluster, built from {@link #kubeconfigYaml()}. The cluster owns it: do not close it.
     *
     * @return the client
     * @throws ClusterException when the cluster is stopped or closed
     */
    KubernetesClient client();

    /**
     * Forwards a local port to a pod's port.
     *
     * @param namespace the pod's namespace
     * @param pod the pod's name
     * @param port the pod's port
     * @return the open forward; the caller closes it; it dies with the pod
     */
    default PortForward portForward(String namespace, String pod, int port) {
        return PortForward.open(client(), namespace, pod, port);
    }

    /**
     * The number of nodes the cluster has now.
     *
     * @return the node count
     */
    int nodeCount();

    /**
     * What the cluster offers, read now: nodes and their labels, StorageClasses, PriorityClasses, and whether
     * the library may create StorageClasses backed by the local-path provisioner.
     *
     * @return the facts
     */
    ClusterFacts facts();

    /**
     * Tells whether {@link #stop()} and {@link #start()} work: {@code true} for k3s, {@code false} for existing
     * clusters.
     *
     * @return whether the cluster can be restarted
     */
    boolean supportsRestart();

    /**
     * Stops the whole cluster, keeping its state (like a reboot's first half).
     *
     * @throws ClusterException when {@link #supportsRestart()} is {@code false}
     */
    void stop();

    /**
     * Starts a stopped cluster again and waits until it is ready; the kubeconfig and client follow the new
     * API address.
     *
     * @throws ClusterException when {@link #supportsRestart()} is {@code false}, or the cluster does not become ready
     */
    void start();

    /** Releases the cluster: for k3s the container is removed; for existing clusters only the client is closed. */
    @Override
    void close();

    /**
     * What a cluster offers a Vault deployment, read at one moment: used to fit the team's values to the cluster
     * and to fail early when the values ask for something the cluster cannot provide.
     *
     * @param nodeLabels the labels of every node
     * @param storageClasses the names of every StorageClass
     * @param defaultStorageClass the StorageClass annotated as the cluster default, if any
     * @param priorityClasses the names of every PriorityClass
     * @param localPathProvisioning whether the library may create StorageClasses backed by the
     *     {@code rancher.io/local-path} provisioner (true on k3s, and on an existing cluster whose every StorageClass
     *     uses it)
     */
    public record ClusterFacts(List<Map<String, String>> nodeLabels, Set<String> storageClasses,
            Optional<String> defaultStorageClass, Set<String> priorityClasses, boolean localPathProvisioning) {

        /** The provisioner of k3s's local volumes, which the library may use for the StorageClasses it creates. */
        static final String LOCAL_PATH_PROVISIONER = "rancher.io/local-path";

        /** The annotation that marks the default StorageClass. */
        public static final String DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";

        /**
         * Copies the collections.
         *
         * @param nodeLabels the labels of every node
         * @param storageClasses the names of every StorageClass
         * @param defaultStorageClass the StorageClass annotated as the cluster default, if any
         * @param priorityClasses the names of every PriorityClass
         * @param localPathProvisioning whether the library may create StorageClasses backed by the {@code rancher.io/local-
         *     path} provisioner (true on k3s)
         */
        public ClusterFacts {
            nodeLabels = nodeLabels.stream().map(Map::copyOf).toList();
            storageClasses = Set.copyOf(storageClasses);
            Objects.requireNonNull(defaultStorageClass, "defaultStorageClass");
            priorityClasses = Set.copyOf(priorityClasses);
        }

        /**
         * The number of nodes.
         *
         * @return the node count
         */
        public int nodeCount() {
            return nodeLabels.size();
        }

        /**
         * Reads the facts from a cluster.
         *
         * @param client the cluster's client
         * @param localPathProvisioning whether the library may create local-path StorageClasses there
         * @return the facts
         * @throws ClusterException when the client may not list nodes, StorageClasses or PriorityClasses
         */
        public static ClusterFacts read(KubernetesClient client, boolean localPathProvisioning) {
            return read(client, classes -> localPathProvisioning);
        }

        /**
         * Reads the facts from a cluster the library does not run. It may create local-path StorageClasses there only
         * when every StorageClass the cluster has is backed by {@value #LOCAL_PATH_PROVISIONER}, as on k3s-like clusters
         * (k3d, Rancher Desktop, a single-node lab): then a missing class is created the same way as on k3s, and the
         * single-node access-mode rule holds for every class. A cluster with any other provisioner gets an error for a
         * missing class instead, because which provisioner the team meant cannot be guessed.
         *
         * @param client the cluster's client
         * @return the facts
         * @throws ClusterException when the client may not list nodes, StorageClasses or PriorityClasses
         */
        static ClusterFacts readExisting(KubernetesClient client) {
            return read(client, classes -> !classes.isEmpty()
                    && classes.stream().allMatch(sc -> LOCAL_PATH_PROVISIONER.equals(sc.getProvisioner())));
        }

        private static ClusterFacts read(KubernetesClient client, Predicate<List<StorageClass>> localPathProvisioning) {
            List<Map<String, String>> nodes = list("nodes", () -> client.nodes().list().getItems()).stream()
                    .map(ClusterFacts::labels).toList();
            List<StorageClass> classes = list("storageclasses.storage.k8s.io",
                    () -> client.storage().v1().storageClasses().list().getItems());
            Optional<String> defaultClass = classes.stream()
                    .filter(sc -> "true".equals(annotations(sc).get(DEFAULT_CLASS_ANNOTATION)))
                    .map(sc -> sc.getMetadata().getName()).findFirst();
            Set<String> priority = new TreeSet<>();
            list("priorityclasses.scheduling.k8s.io", () -> client.scheduling().v1().priorityClasses().list().getItems())
                    .forEach(pc -> priority.add(pc.getMetadata().getName()));
            Set<String> storage = new TreeSet<>();
            classes.forEach(sc -> storage.add(sc.getMetadata().getName()));
            return new ClusterFacts(nodes, storage, defaultClass, priority, localPathProvisioning.test(classes));
        }

        private static <T> List<T> list(String resource, Supplier<List<T>> lister) {
            try {
                return lister.get();
            } catch (KubernetesClientException e) {
                if (e.getCode() == 403) {
                    throw new ClusterException("The kubeconfig's user may not list " + resource + " (HTTP 403), but the"
                            + " library needs to read them to fit the values to the cluster. Grant 'list' on "
                            + resource + " (cluster-scoped) to that user.", e);
                }
                throw new ClusterException("Could not list " + resource + ": " + e.getMessage(), e);
            }
        }

        private static Map<String, String> labels(Node node) {
            Map<String, String> labels = node.getMetadata().getLabels();
            return labels == null ? Map.of() : labels;
        }

        private static Map<String, String> annotations(HasMetadata object) {
            Map<String, String> annotations = object.getMetadata().getAnnotations();
            return annotations == null ? Map.of() : annotations;
        }
    }
}
