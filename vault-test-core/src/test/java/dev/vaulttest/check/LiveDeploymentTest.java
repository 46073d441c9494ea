package dev.vaulttest.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.VaultTestException;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.DaemonSetBuilder;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudgetBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.util.Map;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class LiveDeploymentTest {

    private static final Map<String, String> RELEASE = Map.of("app.kubernetes.io/instance", "vault");
    private static final Map<String, String> SERVER = Map.of("app.kubernetes.io/instance", "vault",
            "app.kubernetes.io/name", "vault", "component", "server");

    KubernetesClient client;
    KubernetesMockServer server;

    private void create(HasMetadata object) {
        client.resource(object).create();
    }

    private void createRelease() {
        create(new ConfigMapBuilder().withNewMetadata().withName("vault-config").withNamespace("ns").endMetadata()
                .addToData("extraconfig-from-values.hcl", "storage \"raft\" {\n  path = \"/vault/data\"\n}\n")
                .build());
        create(new ConfigMapBuilder().withNewMetadata().withName("kube-root-ca.crt").withNamespace("ns").endMetadata()
                .build());
        create(new StatefulSetBuilder().withNewMetadata().withName("vault").withNamespace("ns").withLabels(RELEASE)
                .endMetadata().withNewSpec().withReplicas(2).withNewSelector().withMatchLabels(SERVER).endSelector()
                .withNewTemplate().withNewMetadata().withLabels(SERVER).endMetadata().withNewSpec()
                .addNewContainer().withName("vault").withImage("hashicorp/vault:1.21.2")
                .withArgs("vault server -config=/vault/config/extraconfig-from-values.hcl").endContainer()
                .addNewVolume().withName("config").withNewConfigMap().withName("vault-config").endConfigMap().endVolume()
                .endSpec().endTemplate().endSpec().build());
        create(new StatefulSetBuilder().withNewMetadata().withName("postgres").withNamespace("ns")
                .withLabels(Map.of("app.kubernetes.io/instance", "db")).endMetadata().withNewSpec()
                .withNewTemplate().withNewSpec().addNewContainer().withName("db").withImage("postgres").endContainer()
                .endSpec().endTemplate().endSpec().build());
        create(new DeploymentBuilder().withNewMetadata().withName("vault-agent-injector").withNamespace("ns")
                .withLabels(RELEASE).endMetadata().withNewSpec().withNewTemplate().withNewSpec().addNewContainer()
                .withName("injector").withImage("hashicorp/vault-k8s:1.7.0").endContainer().endSpec().endTemplate()
                .endSpec().build());
        create(new PodDisruptionBudgetBuilder().withNewMetadata().withName("vault").withNamespace("ns")
                .withLabels(RELEASE).endMetadata().withNewSpec().withMaxUnavailable(new IntOrString(1))
                .withNewSelector().withMatchLabels(SERVER).endSelector().endSpec().build());
        create(new DaemonSetBuilder().withNewMetadata().withName("vault-csi-provider").withNamespace("ns")
                .withLabels(RELEASE).endMetadata().withNewSpec().withNewTemplate().withNewSpec().addNewContainer()
                .withName("provider").withImage("hashicorp/vault-csi-provider:1.5.0").endContainer().endSpec()
                .endTemplate().endSpec().build());
        create(new ServiceBuilder().withNewMetadata().withName("vault").withNamespace("ns").withLabels(RELEASE)
                .endMetadata().build());
        for (int i = 0; i < 2; i++) {
            create(new PodBuilder().withNewMetadata().withName("vault-" + i).withNamespace("ns").withLabels(SERVER)
                    .endMetadata().withNewSpec().addNewContainer().withName("vault").withImage("hashicorp/vault:1.21.2")
                    .endContainer().endSpec().build());
            create(new PersistentVolumeClaimBuilder().withNewMetadata().withName("data-vault-" + i).withNamespace("ns")
                    .endMetadata().withNewSpec().withVolumeName(i == 0 ? "pv-0" : null).endSpec().build());
        }
        create(new PodBuilder().withNewMetadata().withName("vault-agent-injector-abc").withNamespace("ns")
                .withLabels(Map.of("app.kubernetes.io/instance", "vault", "component", "webhook")).endMetadata()
                .build());
        create(new PersistentVolumeBuilder().withNewMetadata().withName("pv-0").endMetadata().withNewSpec()
                .withPersistentVolumeReclaimPolicy("Retain").endSpec().build());
        create(new PersistentVolumeBuilder().withNewMetadata().withName("pv-unrelated").endMetadata().build());
        create(new StorageClassBuilder().withNewMetadata().withName("local-path").endMetadata()
                .withProvisioner("rancher.io/local-path").withReclaimPolicy("Delete").build());
        create(new NodeBuilder().withNewMetadata().withName("node-a").endMetadata().build());
        create(new NodeBuilder().withNewMetadata().withName("node-b").endMetadata().withNewSpec()
                .withUnschedulable(true).endSpec().build());
    }

    @Test
    void reads_the_releases_workloads_and_the_clusters_facts() {
        createRelease();

        LiveDeployment live = LiveDeployment.read(client, "ns", "vault");

        assertThat(live.statefulSets()).extracting(s -> s.getMetadata().getName()).containsExactly("vault");
        assertThat(live.deployments()).extracting(d -> d.getMetadata().getName()).containsExactly("vault-agent-injector");
        assertThat(live.daemonSets()).extracting(d -> d.getMetadata().getName()).containsExactly("vault-csi-provider");
        assertThat(live.podDisruptionBudgets()).extracting(p -> p.getMetadata().getName()).containsExactly("vault");
        assertThat(live.services()).extracting(s -> s.getMetadata().getName()).containsExactly("vault");
        assertThat(live.configMaps()).extracting(c -> c.getMetadata().getName())
                .containsExactlyInAnyOrder("vault-config", "kube-root-ca.crt");
        assertThat(live.persistentVolumeClaims()).hasSize(2);
        assertThat(live.persistentVolumes()).extracting(v -> v.getMetadata().getName()).containsExactly("pv-0");
        assertThat(live.storageClasses()).extracting(c -> c.getMetadata().getName()).containsExactly("local-path");
        assertThat(live.schedulableNodes()).isEqualTo(OptionalInt.of(1));
        assertThat(live.pods()).hasSize(3);
        assertThat(live.serverPods()).extracting(p -> p.getMetadata().getName()).containsExactly("vault-0", "vault-1");
        assertThat(live.serverStatefulSets()).extracting(StatefulSet::getMetadata).extracting("name")
                .containsExactly("vault");
        assertThat(live.manifests().objects()).noneMatch(o -> o instanceof io.fabric8.kubernetes.api.model.Pod)
                .hasSize(1 + 1 + 1 + 1 + 1 + 2 + 2);
        assertThat(live.checkOptions()).isEqualTo(new CheckOptions(live.storageClasses(), OptionalInt.of(1)));
    }

    @Test
    void the_checks_apply_the_static_rules_to_the_live_objects() {
        createRelease();

        CheckReport report = LiveDeployment.read(client, "ns", "vault").checks();

        assertThat(report.withRule("HA_QUORUM")).singleElement()
                .satisfies(f -> assertThat(f.resource()).isEqualTo("StatefulSet/vault"));
        assertThat(report.withRule("UNPINNED_IMAGE")).isEmpty();
    }

    @Test
    void a_single_replica_counts_as_raft_ha_through_its_live_disruption_budget_as_offline() {
        createRelease();
        StatefulSet sts = client.apps().statefulSets().inNamespace("ns").withName("vault").get();
        sts.getSpec().setReplicas(1);
        client.resource(sts).update();

        assertThat(LiveDeployment.read(client, "ns", "vault").checks().withRule("HA_QUORUM")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("PodDisruptionBudget/vault"));
    }

    @Test
    void an_empty_cluster_has_no_objects_and_an_unknown_node_count() {
        LiveDeployment live = LiveDeployment.read(client, "nothing", "vault");

        assertThat(live.statefulSets()).isEmpty();
        assertThat(live.serverPods()).isEmpty();
        assertThat(live.schedulableNodes()).isEmpty();
        assertThat(live.checks().findings()).isEmpty();
    }

    @Test
    void a_refused_read_names_the_kind_and_the_access_needed() {
        server.expect().get().withPath("/apis/storage.k8s.io/v1/storageclasses").andReturn(403, "forbidden").once();

        assertThatThrownBy(() -> LiveDeployment.read(client, "ns", "vault"))
                .isInstanceOf(VaultTestException.class)
                .hasMessageStartingWith("Could not read StorageClasses in the cluster for the live checklist: HTTP 403")
                .hasMessageEndingWith("The client needs list access to it (cluster-scoped kinds need a ClusterRole).");
    }

    @Test
    void rejects_blank_namespace_and_release() {
        assertThatIllegalArgumentException().isThrownBy(() -> LiveDeployment.read(client, " ", "vault"))
                .withMessage("The namespace must not be blank but was ' '");
        assertThatIllegalArgumentException().isThrownBy(() -> LiveDeployment.read(client, "ns", null))
                .withMessage("The release must not be blank but was null");
    }
}
