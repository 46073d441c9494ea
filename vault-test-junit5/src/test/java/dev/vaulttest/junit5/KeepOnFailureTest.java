package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.fixture.MockServerCluster;
import dev.vaulttest.internal.Labels;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@EnableKubernetesMockClient(crud = true, https = false)
class KeepOnFailureTest {

    KubernetesClient client;

    @TempDir
    Path reports;

    @Test
    void aKeptDeploymentsNamespaceIsMarkedSoLaterRunsNeverRemoveIt() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("vault-test-kept")
                .addToAnnotations(Labels.HEARTBEAT, "2026-12-02T10:00:00Z").endMetadata().build()).create();
        try (MockServerCluster cluster = MockServerCluster.named("cluster #1", event -> { })) {
            FakeEnvironment environment = FakeEnvironment.builder().namespace("vault-test-kept").cluster(cluster)
                    .kubernetes(client).build();

            String instructions = new KeepOnFailure(true, reports).keep("com.example.RaftTest",
                    "the Vault deployment of com.example.RaftTest", environment);

            assertThat(instructions).contains("namespace:  vault-test-kept");
            assertThat(client.namespaces().withName("vault-test-kept").get().getMetadata().getAnnotations())
                    .containsEntry(Labels.HEARTBEAT, "2026-12-02T10:00:00Z")
                    .hasEntrySatisfying(Labels.KEPT, kept -> assertThat(kept)
                            .endsWith(" a test using the Vault deployment of com.example.RaftTest failed"
                                    + " (vaulttest.keep-on-failure)"));
        }
    }
}
