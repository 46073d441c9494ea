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
