package dev.vaulttest.cluster;

import dev.vaulttest.internal.Durations;
import dev.vaulttest.internal.Labels;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.Comparator;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Namespaces that earlier runs of the library created on an existing cluster and did not remove: a run that
 * was killed before its teardown, or one that kept its environment on failure. Told once, when the library
 * connects; never deleted, because another run may still be using them.
 */
final class LeftoverNamespaces {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverNamespaces.class);
    private static final int LISTED = 10;
    static final String CLEANUP = "kubectl delete namespace -l " + Labels.MANAGED_BY + "=" + Labels.MANAGED_BY_VALUE;

    private LeftoverNamespaces() {
    }

    /**
     * Warns about the library's namespaces already on the cluster, oldest first.
     *
     * @param client the cluster's client
     * @param cluster the cluster, for the message
     * @param now the current time, for the namespaces' ages
     * @return the namespaces found, oldest first; empty also when the user may not list namespaces
     */
    static List<String> report(KubernetesClient client, String cluster, Instant now) {
        List<Namespace> found;
        try {
            found = client.namespaces().withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE).list().getItems();
        } catch (KubernetesClientException e) {
            LOG.debug("Could not list namespaces on {} to look for earlier runs' leftovers: {}", cluster,
                    e.getMessage());
            return List.of();
        }
        List<String> described = found.stream()
                .sorted(Comparator.comparing(ns -> String.valueOf(ns.getMetadata().getCreationTimestamp())))
                .map(namespace -> describe(namespace, now)).toList();
        if (!described.isEmpty()) {
            String listed = String.join(", ", described.subList(0, Math.min(LISTED, described.size())))
                    + (described.size() > LISTED ? " and " + (described.size() - LISTED) + " more" : "");
            LOG.warn("{} holds {} namespace(s) that earlier vault-test runs created and did not remove: {}. A run that"
                    + " was killed, or kept its environment on failure, leaves them. If no other run is using this"
                    + " cluster, remove them with: {}", cluster, described.size(), listed, CLEANUP);
        }
        return described;
    }

    private static String describe(Namespace namespace, Instant now) {
        String name = namespace.getMetadata().getName();
        String timestamp = namespace.getMetadata().getCreationTimestamp();
        if (timestamp == null) {
            return name;
        }
        try {
            Duration age = Duration.between(Instant.parse(timestamp), now);
            return name + " (" + Durations.format(age.isNegative() ? Duration.ZERO : age) + " old)";
        } catch (DateTimeParseException e) {
            return name;
        }
    }
}
