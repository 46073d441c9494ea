package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.K3sClusterSpec;
import dev.vaulttest.cluster.RequiresDocker;
import dev.vaulttest.internal.Labels;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * An environment's namespaces on a real k3s in Docker: labelled with the environment, removed at close, and
 * nothing else removed with them. Skipped without Docker, also when {@code vaulttest.kubeconfig} is set.
 */
@RequiresDocker("checks namespace labels and deletion against a real API server in a k3s container")
class EnvironmentNamespacesDockerTest {

    @Test
    void environmentNamespacesAreLabelledAndRemovedAtClose() {
        try (K3sCluster cluster = K3sCluster.start(K3sClusterSpec.defaults())) {
            EnvironmentId id = EnvironmentId.random("k3s-docker");
            EnvironmentNamespaces namespaces = new EnvironmentNamespaces(cluster::client, id);
            String name = namespaces.createMain();

            assertThat(cluster.client().namespaces().withName(name).get().getMetadata().getLabels())
                    .containsEntry(Labels.ENVIRONMENT, id.value());

            namespaces.close();
            namespaces.awaitDeleted(Duration.ofMinutes(2));
            assertThat(cluster.client().namespaces().withName(name).get()).isNull();
            assertThat(cluster.client().namespaces().withName("kube-system").get()).isNotNull();
        }
    }
}
