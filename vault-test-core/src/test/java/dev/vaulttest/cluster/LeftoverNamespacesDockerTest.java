package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.fixture.ClusterForClass;
import dev.vaulttest.internal.Labels;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * What a killed run leaves, removed on a real API server: the objects are made here as the library and the chart
 * would have made them (a namespace with an old heartbeat, the chart's ClusterRoleBinding annotated with its release
 * namespace, the environment's StorageClass, a Retain volume bound to a claim of the namespace), next to a namespace
 * that keep-on-failure kept. The double-free logic is in {@link LeftoverNamespacesTest}; this proves the deletes,
 * the label and annotation reads and the volume edit against real Kubernetes.
 */
@RequiresRealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LeftoverNamespacesDockerTest {

    private static final Duration LONG_AGO = Duration.ofHours(2);

    @RegisterExtension
    final ClusterForClass k8s = ClusterForClass.fromSettings();

    @Test
    void aKilledRunsNamespaceGoesWithWhatBelongsToItAndAKeptOneStays() {
        KubernetesClient client = k8s.cluster().client();
        String suffix = UUID.randomUUID().toString().substring(0, 6);
        String killedEnvironment = "env-reap-" + suffix;
        String killed = "vault-test-" + killedEnvironment;
        String keptEnvironment = "env-kept-" + suffix;
        String kept = "vault-test-" + keptEnvironment;
        String binding = "vault-" + killedEnvironment + "-server-binding";
        String storageClass = "vault-raft-" + killedEnvironment;
        String volume = "vault-test-pv-" + suffix;
        Instant now = Instant.now();
        try {
            namespace(client, killed, killedEnvironment, Map.of(Labels.HEARTBEAT, now.minus(LONG_AGO).toString()));
            namespace(client, kept, keptEnvironment, Map.of(Labels.HEARTBEAT, now.minus(LONG_AGO).toString(),
                    Labels.KEPT, now.minus(LONG_AGO) + " a test failed (vaulttest.keep-on-failure)"));
            client.rbac().clusterRoleBindings().resource(new ClusterRoleBindingBuilder().withNewMetadata()
                    .withName(binding).addToAnnotations(NamespaceReaper.HELM_RELEASE_NAMESPACE, killed).endMetadata()
                    .withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "system:auth-delegator")
                    .addNewSubject().withKind("ServiceAccount").withName("vault").withNamespace(killed).endSubject()
                    .build()).create();
            client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
                    .withName(storageClass).withLabels(Labels.forEnvironment(killedEnvironment)).endMetadata()
                    .withProvisioner("rancher.io/local-path").withReclaimPolicy("Retain").build()).create();
            client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName(volume)
                    .endMetadata().withNewSpec().addToCapacity("storage", new Quantity("1Mi"))
                    .withAccessModes("ReadWriteOnce").withPersistentVolumeReclaimPolicy("Retain")
                    .withNewHostPath().withPath("/tmp/" + volume).withType("DirectoryOrCreate").endHostPath()
                    .withNewClaimRef().withNamespace(killed).withName("data-vault-0").endClaimRef().endSpec()
                    .build()).create();

            LeftoverNamespaces.Outcome outcome = LeftoverNamespaces.tidy(client, "the real cluster", Instant.now(),
                    Optional.of(ExistingClusterSpec.MINIMUM_REAP_AFTER));

            assertThat(outcome.removed()).anySatisfy(entry -> assertThat(entry).startsWith(killed + " ("));
            assertThat(outcome.left()).anySatisfy(entry -> assertThat(entry).startsWith(kept + " (")
                    .endsWith(", kept on failure)"));
            assertThat(client.namespaces().withName(killed).get()).as("the killed run's namespace")
                    .satisfiesAnyOf(ns -> assertThat(ns).isNull(),
                            ns -> assertThat(ns.getMetadata().getDeletionTimestamp()).isNotNull());
            assertThat(client.rbac().clusterRoleBindings().withName(binding).get()).as("the chart's binding").isNull();
            assertThat(client.storage().v1().storageClasses().withName(storageClass).get())
                    .as("the environment's StorageClass").isNull();
            PersistentVolume released = client.persistentVolumes().withName(volume).get();
            assertThat(released).as("the Retain volume, switched to Delete so it goes with its claim")
                    .satisfiesAnyOf(pv -> assertThat(pv).isNull(),
                            pv -> assertThat(pv.getSpec().getPersistentVolumeReclaimPolicy()).isEqualTo("Delete"));
            assertThat(client.namespaces().withName(kept).get().getMetadata().getDeletionTimestamp())
                    .as("the kept namespace").isNull();
        } finally {
            client.namespaces().withName(kept).delete();
            client.namespaces().withName(killed).delete();
            client.rbac().clusterRoleBindings().withName(binding).delete();
            client.storage().v1().storageClasses().withName(storageClass).delete();
            client.persistentVolumes().withName(volume).delete();
        }
    }

    private static void namespace(KubernetesClient client, String name, String environment,
            Map<String, String> annotations) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name)
                .withLabels(Labels.forEnvironment(environment)).withAnnotations(annotations).endMetadata().build())
                .create();
    }
}
