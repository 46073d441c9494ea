package dev.vaulttest.engine;

import static dev.vaulttest.engine.OverlayFixtures.inputs;
import static dev.vaulttest.engine.OverlayFixtures.values;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import dev.vaulttest.internal.NestedMaps;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The overlay computed from facts read off a (mock) cluster, and its objects created there. */
@EnableKubernetesMockClient(crud = true, https = false)
class OverlayObjectsOnClusterTest {

    KubernetesClient client;

    @Test
    void storageClassesAndTheTlsSecretAreCreatedOnTheCluster() {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName("k3s-0")
                .addToLabels("kubernetes.io/hostname", "k3s-0").endMetadata().build()).create();
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
                .withName("local-path").addToAnnotations(ClusterFacts.DEFAULT_CLASS_ANNOTATION, "true").endMetadata()
                .withProvisioner("rancher.io/local-path").withReclaimPolicy("Delete").build()).create();
        Map<String, Object> values = NestedMaps.deepCopy(values("ha-raft-tls.yaml"));
        NestedMaps.put(values, "vault-raft", "server", "dataStorage", "storageClass");

        ClusterFit.Fitted overlay = ClusterFit.fit(values, inputs(ClusterFacts.read(client, true)).build());
        List<HasMetadata> created = overlay.objects().stream()
                .map(object -> (HasMetadata) client.resource(object).create()).toList();

        assertThat(created).extracting(o -> o.getKind() + "/" + o.getMetadata().getName())
                .containsExactly("StorageClass/vault-raft", "Secret/vault-tls");
        StorageClass raft = client.storage().v1().storageClasses().withName("vault-raft").get();
        assertThat(raft.getProvisioner()).isEqualTo("rancher.io/local-path");
        assertThat(raft.getReclaimPolicy()).isEqualTo("Retain");
        assertThat(client.storage().v1().storageClasses().withName("local-path").get().getReclaimPolicy())
                .as("existing classes are not touched").isEqualTo("Delete");
        assertThat(client.secrets().inNamespace(OverlayFixtures.NAMESPACE).withName("vault-tls").get().getData())
                .containsKeys("vault.crt", "vault.key", "vault.ca");
        assertThat(overlay.adjustments()).extracting(Adjustment::valuePath)
                .containsExactly("server.dataStorage.storageClass", "server.ha.raft.config");
    }
}
