package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class PrerequisitesTest {

    KubernetesClient client;

    @Test
    void createsMissingStorageClassesAndNamespacedSecrets() {
        StorageClass ssd = storageClass("fast-ssd", "Retain");
        Secret tls = new SecretBuilder().withNewMetadata().withName("vault-tls").withNamespace("vault-test-x")
                .endMetadata().addToStringData("tls.crt", "PEM").build();

        List<HasMetadata> created = Prerequisites.createMissing(client, List.of(ssd, tls));

        assertThat(created).extracting(o -> o.getMetadata().getName()).containsExactly("fast-ssd", "vault-tls");
        StorageClass stored = client.storage().v1().storageClasses().withName("fast-ssd").get();
        assertThat(stored.getProvisioner()).isEqualTo("rancher.io/local-path");
        assertThat(stored.getReclaimPolicy()).isEqualTo("Retain");
        assertThat(client.secrets().inNamespace("vault-test-x").withName("vault-tls").get()).isNotNull();
    }

    @Test
    void leavesExistingObjectsAsTheyAre() {
        client.storage().v1().storageClasses().resource(storageClass("fast-ssd", "Delete")).create();

        List<HasMetadata> created = Prerequisites.createMissing(client, List.of(storageClass("fast-ssd", "Retain")));

        assertThat(created).isEmpty();
        assertThat(client.storage().v1().storageClasses().withName("fast-ssd").get().getReclaimPolicy())
                .isEqualTo("Delete");
    }

    private static StorageClass storageClass(String name, String reclaimPolicy) {
        return new StorageClassBuilder().withNewMetadata().withName(name).endMetadata()
                .withProvisioner("rancher.io/local-path").withReclaimPolicy(reclaimPolicy)
                .withVolumeBindingMode("WaitForFirstConsumer").build();
    }
}
