package dev.vaulttest.cluster;

import dev.vaulttest.internal.Labels;
import dev.vaulttest.internal.RetainedVolumes;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.KubernetesResourceList;
import io.fabric8.kubernetes.api.model.ObjectMeta;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.NonNamespaceOperation;
import io.fabric8.kubernetes.client.dsl.Resource;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Removes what a killed run of the library left on a cluster for one of its namespaces, in the order its own
 * teardown would have: the cluster-wide objects Helm installed for the release in that namespace (the chart's
 * ClusterRoleBinding for token reviews, the injector's ClusterRole, ClusterRoleBinding and webhook), the
 * StorageClasses the library created for that environment, then the namespace, after switching the Retain volumes
 * of its claims to Delete. Each step that fails is logged and the next one is tried.
 */
final class NamespaceReaper {

    /** The annotation Helm puts on every object of a release: the release's namespace. */
    static final String HELM_RELEASE_NAMESPACE = "meta.helm.sh/release-namespace";

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceReaper.class);
    private static final int HTTP_NOT_FOUND = 404;

    private final KubernetesClient client;

    NamespaceReaper(KubernetesClient client) {
        this.client = Objects.requireNonNull(client, "client");
    }

    /**
     * Removes one leftover namespace and the cluster-wide objects that belong to it.
     *
     * @param namespace the namespace's name
     * @param environment the environment label it carries, empty when it has none
     * @return what was deleted, for example {@code ClusterRoleBinding vault-1a2b-server-binding}
     */
    List<String> reap(String namespace, Optional<String> environment) {
        List<String> removed = new ArrayList<>();
        deleteOwned("ClusterRoleBinding", client.rbac().clusterRoleBindings(), ofRelease(namespace), removed);
        deleteOwned("ClusterRole", client.rbac().clusterRoles(), ofRelease(namespace), removed);
        deleteOwned("MutatingWebhookConfiguration",
                client.admissionRegistration().v1().mutatingWebhookConfigurations(), ofRelease(namespace), removed);
        environment.ifPresent(id -> deleteOwned("StorageClass", client.storage().v1().storageClasses(),
                object -> id.equals(labels(object).get(Labels.ENVIRONMENT)), removed));
        RetainedVolumes.releaseFor(client, namespace);
        try {
            client.namespaces().withName(namespace).delete();
            removed.add("Namespace " + namespace);
        } catch (KubernetesClientException e) {
            if (e.getCode() != HTTP_NOT_FOUND) {
                LOG.warn("Could not delete the leftover namespace {}: {}", namespace, e.getMessage());
            }
        }
        return removed;
    }

    private static Predicate<HasMetadata> ofRelease(String namespace) {
        return object -> namespace.equals(annotations(object).get(HELM_RELEASE_NAMESPACE));
    }

    private static <T extends HasMetadata> void deleteOwned(String kind,
            NonNamespaceOperation<T, ? extends KubernetesResourceList<T>, Resource<T>> objects,
            Predicate<HasMetadata> owned, List<String> removed) {
        List<T> found;
        try {
            found = objects.list().getItems();
        } catch (RuntimeException e) {
            LOG.warn("Could not list {}s to remove a killed run's leftovers: {}", kind, e.getMessage());
            return;
        }
        for (T object : found) {
            if (!owned.test(object)) {
                continue;
            }
            String name = object.getMetadata().getName();
            try {
                objects.withName(name).delete();
                removed.add(kind + " " + name);
            } catch (KubernetesClientException e) {
                if (e.getCode() != HTTP_NOT_FOUND) { // gone already: another run removed it first
                    LOG.warn("Could not delete the leftover {} {}: {}", kind, name, e.getMessage());
                }
            }
        }
    }

    private static Map<String, String> labels(HasMetadata object) {
        return orEmpty(object, ObjectMeta::getLabels);
    }

    private static Map<String, String> annotations(HasMetadata object) {
        return orEmpty(object, ObjectMeta::getAnnotations);
    }

    private static Map<String, String> orEmpty(HasMetadata object,
            Function<ObjectMeta, Map<String, String>> field) {
        Map<String, String> map = object.getMetadata() == null ? null : field.apply(object.getMetadata());
        return map == null ? Map.of() : map;
    }
}
