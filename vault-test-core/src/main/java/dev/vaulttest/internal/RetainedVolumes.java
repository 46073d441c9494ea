package dev.vaulttest.internal;

import io.fabric8.kubernetes.api.model.ObjectReference;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.client.KubernetesClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Volumes with the reclaim policy Retain outlive their claims: Kubernetes keeps them, Released and with their data,
 * after the claim's namespace is gone, and a shared cluster fills up with them (seen on the lab: every environment
 * whose values name a Retain class left its volumes behind). The library's namespaces hold only test claims, so
 * before such a namespace is deleted the volumes of its claims are switched to Delete and go with the claims.
 */
public final class RetainedVolumes {

    private static final Logger LOG = LoggerFactory.getLogger(RetainedVolumes.class);

    private RetainedVolumes() {
    }

    /**
     * Switches every Retain volume bound to a claim in the namespace to Delete. Never throws: a failure is logged,
     * and the volumes then stay Released after the namespace is deleted.
     *
     * @param client the cluster's client
     * @param namespace the namespace about to be deleted
     */
    public static void releaseFor(KubernetesClient client, String namespace) {
        try {
            for (PersistentVolume volume : client.persistentVolumes().list().getItems()) {
                ObjectReference claim = volume.getSpec() == null ? null : volume.getSpec().getClaimRef();
                if (claim == null || !namespace.equals(claim.getNamespace())
                        || !"Retain".equals(volume.getSpec().getPersistentVolumeReclaimPolicy())) {
                    continue;
                }
                String name = volume.getMetadata().getName();
                client.persistentVolumes().withName(name).edit(retained -> {
                    retained.getSpec().setPersistentVolumeReclaimPolicy("Delete");
                    return retained;
                });
                LOG.debug("Volume {} of claim {}/{} switched from Retain to Delete, so it goes with namespace {}",
                        name, namespace, claim.getName(), namespace);
            }
        } catch (RuntimeException e) {
            LOG.warn("Could not release the retained volumes of namespace {}: {}; they stay Released after it is"
                    + " deleted", namespace, e.getMessage());
        }
    }
}
