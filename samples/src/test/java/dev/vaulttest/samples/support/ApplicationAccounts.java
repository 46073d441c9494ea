package dev.vaulttest.samples.support;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The applications' namespaces and service accounts a Kubernetes auth check logs in from. Creates what is missing
 * and, on {@link #close()}, deletes only what it created: on an existing cluster a namespace that was already there
 * (with its service accounts) is left alone.
 */
public final class ApplicationAccounts implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ApplicationAccounts.class);

    private final KubernetesClient client;
    private final Map<String, String> serviceAccountsByNamespace;
    private final List<String> createdNamespaces = new ArrayList<>();
    private final List<String[]> createdServiceAccounts = new ArrayList<>();

    private ApplicationAccounts(KubernetesClient client, Map<String, String> serviceAccountsByNamespace) {
        this.client = client;
        this.serviceAccountsByNamespace = new LinkedHashMap<>(serviceAccountsByNamespace);
    }

    /**
     * Makes sure every namespace and its service account exist.
     *
     * @param client the cluster's client
     * @param serviceAccountsByNamespace the service account each namespace's workload uses
     * @return the accounts; close them to delete what was created
     */
    public static ApplicationAccounts ensure(KubernetesClient client, Map<String, String> serviceAccountsByNamespace) {
        ApplicationAccounts accounts = new ApplicationAccounts(Objects.requireNonNull(client, "client"),
                Objects.requireNonNull(serviceAccountsByNamespace, "serviceAccountsByNamespace"));
        try {
            accounts.serviceAccountsByNamespace.forEach(accounts::ensure);
        } catch (RuntimeException e) {
            accounts.close();
            throw e;
        }
        return accounts;
    }

    private void ensure(String namespace, String serviceAccount) {
        if (client.namespaces().withName(namespace).get() == null) {
            client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(namespace)
                    .addToLabels("app.kubernetes.io/managed-by", "vault-test-samples").endMetadata().build()).create();
            createdNamespaces.add(namespace);
        }
        if (client.serviceAccounts().inNamespace(namespace).withName(serviceAccount).get() == null) {
            client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
                    .withName(serviceAccount).endMetadata().build()).create();
            createdServiceAccounts.add(new String[] {namespace, serviceAccount});
        }
    }

    /**
     * The service account each namespace's workload uses.
     *
     * @return namespace to service account, in the order given
     */
    public Map<String, String> serviceAccountsByNamespace() {
        return Collections.unmodifiableMap(serviceAccountsByNamespace);
    }

    /** Deletes the service accounts and namespaces this object created; never throws. */
    @Override
    public void close() {
        for (String[] account : createdServiceAccounts) {
            if (!createdNamespaces.contains(account[0])) {
                deleteQuietly("service account " + account[0] + "/" + account[1],
                        () -> client.serviceAccounts().inNamespace(account[0]).withName(account[1]).delete());
            }
        }
        for (String namespace : createdNamespaces) {
            deleteQuietly("namespace " + namespace, () -> client.namespaces().withName(namespace).delete());
        }
        createdServiceAccounts.clear();
        createdNamespaces.clear();
    }

    private static void deleteQuietly(String what, Runnable delete) {
        try {
            delete.run();
        } catch (RuntimeException e) {
            LOG.warn("Could not delete {}: {}", what, e.getMessage());
        }
    }
}
