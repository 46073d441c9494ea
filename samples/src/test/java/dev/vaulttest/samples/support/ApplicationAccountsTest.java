package dev.vaulttest.samples.support;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ApplicationAccountsTest {

    KubernetesClient client;

    @Test
    void createsMissingNamespacesAndServiceAccountsAndDeletesThemOnClose() {
        try (ApplicationAccounts accounts = ApplicationAccounts.ensure(client, Map.of("payments", "payments-api"))) {
            assertThat(client.namespaces().withName("payments").get()).isNotNull();
            assertThat(client.serviceAccounts().inNamespace("payments").withName("payments-api").get()).isNotNull();
            assertThat(accounts.serviceAccountsByNamespace()).containsExactly(Map.entry("payments", "payments-api"));
        }

        assertThat(client.namespaces().withName("payments").get()).as("namespace created by the check").isNull();
    }

    @Test
    void leavesNamespacesAndServiceAccountsThatExistedAlone() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("billing").endMetadata().build())
                .create();
        client.serviceAccounts().inNamespace("billing").resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("billing-worker").endMetadata().build()).create();
        Map<String, String> clients = new LinkedHashMap<>();
        clients.put("billing", "billing-worker");
        clients.put("billing-reports", "reporter");

        try (ApplicationAccounts accounts = ApplicationAccounts.ensure(client, clients)) {
            assertThat(accounts.serviceAccountsByNamespace().keySet()).containsExactly("billing", "billing-reports");
        }

        assertThat(client.namespaces().withName("billing").get()).as("the team's own namespace").isNotNull();
        assertThat(client.serviceAccounts().inNamespace("billing").withName("billing-worker").get())
                .as("the team's own service account").isNotNull();
        assertThat(client.namespaces().withName("billing-reports").get()).as("namespace created by the check").isNull();
    }

    @Test
    void deletesAServiceAccountItCreatedInAnExistingNamespace() {
        client.namespaces()
                .resource(new NamespaceBuilder().withNewMetadata().withName("payments").endMetadata().build())
                .create();

        ApplicationAccounts.ensure(client, Map.of("payments", "payments-api")).close();

        assertThat(client.namespaces().withName("payments").get()).isNotNull();
        assertThat(client.serviceAccounts().inNamespace("payments").withName("payments-api").get()).isNull();
    }
}
