package dev.vaulttest.cluster;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Creates the objects a deployment needs before the chart is installed (StorageClasses, TLS and credential
 * Secrets). Objects that already exist are left untouched, so a StorageClass created by another environment on
 * the same cluster is shared, not overwritten.
 */
public final class Prerequisites {

    private static final Logger LOG = LoggerFactory.getLogger(Prerequisites.class);

    private Prerequisites() {
    }

    /**
     * Creates each object that does not exist yet, in order. Namespaced objects must carry their namespace.
     *
     * @param client the cluster's client
     * @param objects the objects, cluster-scoped ones (StorageClasses) first
     * @return the objects that were created (the others already existed)
     * @throws ClusterException when an object cannot be created
     */
    public static List<HasMetadata> createMissing(KubernetesClient client, List<? extends HasMetadata> objects) {
        List<HasMetadata> created = new ArrayList<>();
        for (HasMetadata object : objects) {
            String name = describe(object);
            try {
                if (client.resource(object).get() != null) {
                    LOG.debug("{} already exists; leaving it as it is", name);
                    continue;
                }
                created.add(client.resource(object).create());
                LOG.debug("Created {}", name);
            } catch (KubernetesClientException e) {
                throw new ClusterException("Could not create " + name + " (HTTP " + e.getCode() + "): " + e.getMessage()
                        + ". The kubeconfig's user needs 'create' on " + object.getKind() + " objects.", e);
            }
        }
        return created;
    }

    private static String describe(HasMetadata object) {
        String namespace = object.getMetadata().getNamespace();
        return object.getKind() + " " + (namespace == null ? "" : namespace + "/") + object.getMetadata().getName();
    }
}
