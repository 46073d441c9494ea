package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static dev.vaulttest.assertj.VaultAssertions.assertThatKubernetesStateOf;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chart.RenderedManifests;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.check.CheckOptions;
import dev.vaulttest.check.LiveDeployment;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.check.StaticChecks;
import dev.vaulttest.fixture.FakeEnvironment;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.VolumeBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class LiveDeploymentAssertTest {

    private static final String NL = System.lineSeparator();

    KubernetesClient client;

    private LiveDeployment live(Consumer<List<HasMetadata>> change) {
        LiveRelease.create(client, change);
        return LiveDeployment.read(client, LiveRelease.NAMESPACE, LiveRelease.RELEASE);
    }

    @Test
    void a_production_like_release_passes_every_kubernetes_state_assertion() {
        LiveDeployment live = live(objects -> { });

        assertThat(live).eachPodHasItsOwnPersistentVolumeClaim()
                .hasStorageReclaimPolicy(StorageReclaimPolicy.RETAIN)
                .hasOnlyPinnedImages()
                .hasUpdateStrategy("OnDelete")
                .hasNoChecklistFindingAtOrAbove(Severity.ERROR);
        assertThat(live).checklist().hasExactlyRules("TLS_DISABLED", "ONDELETE_UPGRADES", "NO_AUDIT_STORAGE");
    }

    @Test
    void the_environment_shortcut_reads_the_release_of_the_environment() {
        LiveRelease.create(client, objects -> { });
        FakeEnvironment env = FakeEnvironment.builder().namespace(LiveRelease.NAMESPACE)
                .releaseName(LiveRelease.RELEASE).kubernetes(client).build();

        assertThatKubernetesStateOf(env).eachPodHasItsOwnPersistentVolumeClaim().hasUpdateStrategy("OnDelete");
    }

    @Test
    void pods_sharing_a_claim_or_without_one_fail_with_the_claims_of_every_pod() {
        LiveDeployment live = live(objects -> {
            claimOf(LiveRelease.named(objects, Pod.class, "vault-1"), "data-vault-0");
            Pod third = LiveRelease.named(objects, Pod.class, "vault-2");
            third.getSpec().getVolumes().set(0, new VolumeBuilder().withName("data").withNewEmptyDir().endEmptyDir()
                    .build());
        });

        assertThatThrownBy(() -> assertThat(live).eachPodHasItsOwnPersistentVolumeClaim())
                .hasMessage("Expecting release vault-prod/vault" + NL
                        + "  to give each Vault server pod its own PersistentVolumeClaim" + NL
                        + "but these pods mount no claim: [vault-2]; claim 'data-vault-0' is mounted by [vault-0, vault-1]"
                        + NL + "Observed claims per pod:" + NL
                        + "  vault-0: data-vault-0" + NL
                        + "  vault-1: data-vault-0" + NL
                        + "  vault-2: (none)" + NL
                        + "Hint: a data path on emptyDir or the container filesystem is lost with the pod; enable"
                        + " server.dataStorage so the StatefulSet creates a claim per pod" + NL
                        + "Hint: one claim for several replicas puts every node's data on one volume; use"
                        + " volumeClaimTemplates (server.dataStorage) so each pod gets its own");
    }

    @Test
    void volumes_that_are_deleted_with_their_claim_fail_the_reclaim_policy_with_where_it_comes_from() {
        LiveDeployment live = live(objects -> {
            LiveRelease.named(objects, PersistentVolume.class, "pvc-data-vault-0").getSpec()
                    .setPersistentVolumeReclaimPolicy("Delete");
            PersistentVolumeClaim pending = LiveRelease.named(objects, PersistentVolumeClaim.class, "data-vault-1");
            pending.getSpec().setVolumeName(null);
            pending.getSpec().setStorageClassName(null);
        });

        assertThatThrownBy(() -> assertThat(live).hasStorageReclaimPolicy(StorageReclaimPolicy.RETAIN))
                .hasMessage("Expecting release vault-prod/vault" + NL
                        + "  to keep the volumes of its server pods with reclaimPolicy Retain" + NL
                        + "but 2 of 3 claims did not: [data-vault-0, data-vault-1]" + NL
                        + "Observed reclaim policy per claim:" + NL
                        + "  data-vault-0: PersistentVolume pvc-data-vault-0 has reclaimPolicy Delete" + NL
                        + "  data-vault-1: not bound yet; the default StorageClass ('local-path') has reclaimPolicy"
                        + " Delete" + NL
                        + "  data-vault-2: PersistentVolume pvc-data-vault-2 has reclaimPolicy Retain" + NL
                        + "Hint: with reclaimPolicy Delete, deleting a claim (or the namespace) deletes the data; use a"
                        + " StorageClass with reclaimPolicy: Retain, or patch the PersistentVolumes");
    }

    @Test
    void a_claim_whose_class_is_missing_has_an_unknown_policy() {
        LiveDeployment live = live(objects -> {
            PersistentVolumeClaim pending = LiveRelease.named(objects, PersistentVolumeClaim.class, "data-vault-2");
            pending.getSpec().setVolumeName(null);
            pending.getSpec().setStorageClassName("fast-ssd");
        });

        assertThatThrownBy(() -> assertThat(live).hasStorageReclaimPolicy(StorageReclaimPolicy.RETAIN))
                .hasMessageContaining("but 1 of 3 claims did not: [data-vault-2]")
                .hasMessageContaining("  data-vault-2: not bound, and StorageClass 'fast-ssd' is not in the cluster");
    }

    @Test
    void a_pod_left_on_a_floating_tag_by_on_delete_fails_pinned_images_even_though_the_template_is_pinned() {
        LiveDeployment live = live(objects -> LiveRelease.named(objects, Pod.class, "vault-2").getSpec()
                .getContainers().get(0).setImage("hashicorp/vault:latest"));

        assertThatThrownBy(() -> assertThat(live).hasOnlyPinnedImages())
                .hasMessageStartingWith("Expecting release vault-prod/vault" + NL
                        + "  to run only images pinned to an exact version or a digest" + NL
                        + "but 1 image reference was not:" + NL
                        + "  - The container 'vault' of Pod/vault-2 runs image 'hashicorp/vault:latest'")
                .hasMessageContaining("Hint: Pin it to an exact version or a digest: set server.image.tag");
        assertThat(live).checklist().doesNotHaveFinding("UNPINNED_IMAGE");
    }

    @Test
    void update_strategy_and_the_checklist_read_the_live_statefulset() {
        LiveDeployment live = live(objects -> LiveRelease.named(objects, StatefulSet.class, "vault").getSpec()
                .getUpdateStrategy().setType("RollingUpdate"));

        assertThat(live).hasUpdateStrategy("RollingUpdate").checklist().doesNotHaveFinding("ONDELETE_UPGRADES");
        assertThatThrownBy(() -> assertThat(live).hasUpdateStrategy("OnDelete"))
                .hasMessageStartingWith("Expecting release vault-prod/vault" + NL
                        + "  to update its server StatefulSet with strategy OnDelete" + NL
                        + "but the update strategy per StatefulSet was {vault=RollingUpdate}" + NL
                        + "Hint: with RollingUpdate Kubernetes restarts pods");
    }

    @Test
    void the_live_checklist_uses_the_clusters_real_storage_classes() {
        LiveDeployment live = live(objects -> LiveRelease.named(objects, StorageClass.class, "vault-data")
                .setReclaimPolicy("Delete"));

        assertThat(live).checklist().hasFinding("RECLAIM_POLICY_DELETE", "StatefulSet/vault");
        assertThatThrownBy(() -> assertThat(live).hasNoChecklistFindingAtOrAbove(Severity.WARNING))
                .hasMessageStartingWith("[live checklist of vault-prod/vault] Expecting no finding at or above WARNING"
                        + " but found 2:")
                .hasMessageContaining("WARNING RECLAIM_POLICY_DELETE on StatefulSet/vault")
                .hasMessageContaining("WARNING TLS_DISABLED on StatefulSet/vault");
    }

    @Test
    void the_live_checklist_counts_only_schedulable_nodes() {
        LiveDeployment live = live(objects -> LiveRelease.named(objects, StatefulSet.class, "vault").getSpec()
                .getTemplate().getSpec().setAffinity(new io.fabric8.kubernetes.api.model.AffinityBuilder()
                        .withNewPodAntiAffinity().addNewRequiredDuringSchedulingIgnoredDuringExecution()
                        .withTopologyKey("kubernetes.io/hostname").withNewLabelSelector()
                        .addToMatchLabels("app.kubernetes.io/name", "vault").addToMatchLabels("component", "server")
                        .endLabelSelector().endRequiredDuringSchedulingIgnoredDuringExecution().endPodAntiAffinity()
                        .build()));

        org.assertj.core.api.Assertions.assertThat(live.schedulableNodes()).isEqualTo(OptionalInt.of(2));
        assertThat(live).checklist().findingsOf("UNSATISFIABLE_ANTI_AFFINITY").singleElement()
                .satisfies(finding -> org.assertj.core.api.Assertions.assertThat(finding.message()).contains("2"));
    }

    @Test
    void live_and_offline_checks_give_the_same_findings_for_the_same_objects() {
        LiveDeployment live = live(objects -> LiveRelease.named(objects, StorageClass.class, "vault-data")
                .setReclaimPolicy("Delete"));
        List<HasMetadata> fixture = LiveRelease.objects();
        List<HasMetadata> offline = fixture.stream()
                .filter(o -> !(o instanceof Pod) && !(o instanceof StorageClass) && !(o instanceof PersistentVolume)
                        && !(o instanceof io.fabric8.kubernetes.api.model.Node)
                        && !"other-team-app".equals(o.getMetadata().getName()))
                .toList();
        List<StorageClass> classes = live.storageClasses();

        org.assertj.core.api.Assertions.assertThat(live.checks()).isEqualTo(
                StaticChecks.evaluate(new RenderedManifests(offline), new CheckOptions(classes, OptionalInt.of(2))));
    }

    @Test
    void an_empty_namespace_has_no_server_pods_and_no_statefulset() {
        LiveDeployment live = LiveDeployment.read(client, "empty", "vault");

        assertThatThrownBy(() -> assertThat(live).eachPodHasItsOwnPersistentVolumeClaim())
                .hasMessage("Expecting release empty/vault" + NL
                        + "  to give each Vault server pod its own PersistentVolumeClaim" + NL
                        + "but it has no server pods");
        assertThatThrownBy(() -> assertThat(live).hasUpdateStrategy("OnDelete"))
                .hasMessageContaining("but it has no Vault server StatefulSet");
        assertThatThrownBy(() -> assertThat(live).hasStorageReclaimPolicy(StorageReclaimPolicy.RETAIN))
                .hasMessageContaining("but its server pods mount no claim");
    }

    @Test
    void rejects_bad_arguments() {
        LiveDeployment live = LiveDeployment.read(client, "empty", "vault");

        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(live).hasUpdateStrategy("Recreate"))
                .withMessage("A StatefulSet update strategy is OnDelete or RollingUpdate, not 'Recreate'");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(live).hasStorageReclaimPolicy(null))
                .withMessage("The reclaim policy must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatKubernetesStateOf(null))
                .withMessage("The environment must not be null");
    }

    private static void claimOf(Pod pod, String claim) {
        pod.getSpec().getVolumes().get(0).getPersistentVolumeClaim().setClaimName(claim);
    }
}
