package dev.vaulttest.internal;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Marks a namespace that keep-on-failure leaves running on purpose ({@link Labels#KEPT}), so that later runs never
 * remove it as the leftover of a killed run once its heartbeat has stopped.
 */
public final class KeptNamespace {

    private static final Logger LOG = LoggerFactory.getLogger(KeptNamespace.class);

    private KeptNamespace() {
    }

    /**
     * Annotates the namespace as kept. Never throws: when the annotation cannot be written, a warning says that a
     * later run may remove the namespace once its heartbeat is old.
     *
     * @param client the cluster's client
     * @param namespace the namespace left running
     * @param why why it is kept, without secrets, for example {@code a test of com.example.RaftTest failed}
     * @param now the current time
     */
    public static void mark(KubernetesClient client, String namespace, String why, Instant now) {
        try {
            client.namespaces().withName(namespace).edit(kept -> new NamespaceBuilder(kept).editMetadata()
                    .addToAnnotations(Labels.KEPT, now + " " + why).endMetadata().build());
        } catch (RuntimeException e) {
            LOG.warn("Could not mark namespace {} as kept ({}): {}. A later run may remove it once its heartbeat is"
                    + " old; remove it yourself when done", namespace, Labels.KEPT, e.getMessage());
        }
    }
}
