package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClassBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.Map;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class ClusterFactsTest {

    KubernetesClient client;

    @Test
    void readsNodesStorageClassesTheDefaultClassAndPriorityClasses() {
        KubeFixtures fixtures = new KubeFixtures(client);
        fixtures.node("k3s-node", true, Map.of("kubernetes.io/os", "linux"));
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
                .withName("local-path").addToAnnotations(ClusterFacts.DEFAULT_CLASS_ANNOTATION, "true").endMetadata()
                .withProvisioner("rancher.io/local-path").build()).create();
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
                .withName("fast").endMetadata().withProvisioner("rancher.io/local-path").build()).create();
        client.scheduling().v1().priorityClasses().resource(new PriorityClassBuilder().withNewMetadata()
                .withName("system-cluster-critical").endMetadata().withValue(2000000000).build()).create();

        ClusterFacts facts = ClusterFacts.read(client, true);

        assertThat(facts.nodeCount()).isEqualTo(1);
        assertThat(facts.nodeLabels()).containsExactly(Map.of("kubernetes.io/os", "linux"));
        assertThat(facts.storageClasses()).containsExactlyInAnyOrder("local-path", "fast");
        assertThat(facts.defaultStorageClass()).contains("local-path");
        assertThat(facts.priorityClasses()).containsExactly("system-cluster-critical");
        assertThat(facts.localPathProvisioning()).isTrue();
    }
}
