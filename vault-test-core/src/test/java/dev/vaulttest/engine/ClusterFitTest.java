package dev.vaulttest.engine;

import static dev.vaulttest.engine.OverlayFixtures.inputs;
import static dev.vaulttest.engine.OverlayFixtures.k3s;
import static dev.vaulttest.engine.OverlayFixtures.values;
import static dev.vaulttest.engine.OverlayFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.engine.UnsupportedValuesException.UnsupportedValue;
import dev.vaulttest.internal.NestedMaps;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ClusterFitTest {

    @Test
    void chartDefaultsOnlyLoseTheInjector() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("standalone-defaults.yaml"), inputs(k3s(1)).build());

        assertThat(overlay.adjustments()).extracting(Adjustment::valuePath).containsExactly("injector.enabled");
        assertThat(overlay.values()).isEqualTo(Map.of("injector", Map.of("enabled", false)));
        assertThat(overlay.objects()).isEmpty();
        assertThat(overlay.tls()).isEmpty();
        assertThat(overlay.kmsKeyAlias()).isEmpty();
        assertThat(overlay.fullname()).isEqualTo("vault-overlay-abc123");
    }

    @Test
    void injectorStaysWhenTheTestAsksForIt() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("standalone-defaults.yaml"),
                inputs(k3s(1)).injectorEnabled(true).build());

        assertThat(overlay.adjustments()).isEmpty();
        assertThat(overlay.values()).isEmpty();
    }

    @Test
    void threeReplicasOnOneNodeRelaxTheDefaultAntiAffinity() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("ha-raft.yaml"), inputs(k3s(1)).build());

        assertThat(overlay.adjustments()).extracting(Adjustment::valuePath)
                .containsExactly("injector.enabled", "server.affinity");
        assertThat(overlay.adjustmentsAt("server.affinity")).singleElement().satisfies(a -> assertThat(a.reason())
                .contains("topologyKey kubernetes.io/hostname", "needs 3 nodes for 3 replicas", "has 1"));
        assertThat(NestedMaps.get(overlay.values(), "server", "affinity")).contains("");
    }

    @Test
    void threeReplicasOnThreeNodesKeepTheAntiAffinity() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("ha-raft.yaml"), inputs(k3s(3)).build());

        assertThat(overlay.adjustments()).extracting(Adjustment::valuePath).containsExactly("injector.enabled");
        assertThat(NestedMaps.contains(overlay.values(), "server", "affinity")).isFalse();
    }

    @Test
    void standaloneNeverTouchesTheAffinity() {
        ClusterFit.Fitted overlay = ClusterFit.fit(yaml("injector: {enabled: false}\n"), inputs(k3s(1)).build());

        assertThat(overlay.adjustments()).isEmpty();
    }

    @Test
    void affinityStringKeepsItsOtherRulesWhenTheyHaveNoTemplates() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  ha: {enabled: true, replicas: 3}
                  affinity: |
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions:
                              - {key: kubernetes.io/os, operator: In, values: [linux]}
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        - labelSelector:
                            matchLabels:
                              app.kubernetes.io/name: {{ template "vault.name" . }}
                          topologyKey: kubernetes.io/hostname
                """);

        ClusterFit.Fitted overlay = ClusterFit.fit(values, inputs(k3s(1)).build());

        String affinity = (String) NestedMaps.get(overlay.values(), "server", "affinity").orElseThrow();
        assertThat(affinity).contains("nodeAffinity", "kubernetes.io/os").doesNotContain("podAntiAffinity");
        assertThat(overlay.adjustmentsAt("server.affinity")).singleElement()
                .satisfies(a -> assertThat(a.reason()).contains("the rest of the team's affinity is kept"));
    }

    @Test
    void affinityMapLosesOnlyTheRequiredAntiAffinityThroughAHelmNull() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  ha: {enabled: true, replicas: 3}
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        - topologyKey: kubernetes.io/hostname
                          labelSelector: {matchLabels: {component: server}}
                      preferredDuringSchedulingIgnoredDuringExecution: []
                """);

        ClusterFit.Fitted overlay = ClusterFit.fit(values, inputs(k3s(2)).build());

        assertThat(NestedMaps.contains(overlay.values(), "server", "affinity", "podAntiAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution")).isTrue();
        assertThat(NestedMaps.get(overlay.values(), "server", "affinity", "podAntiAffinity",
                "requiredDuringSchedulingIgnoredDuringExecution")).isEmpty();
        assertThat(overlay.adjustments()).extracting(Adjustment::valuePath)
                .containsExactly("server.affinity.podAntiAffinity.requiredDuringSchedulingIgnoredDuringExecution");
    }

    @Test
    void missingStorageClassesAreCreatedOnceWithTheSpecsReclaimPolicy() {
        ClusterFit.Fitted retain = ClusterFit.fit(values("storage-classes.yaml"), inputs(k3s(1)).build());
        ClusterFit.Fitted delete = ClusterFit.fit(values("storage-classes.yaml"),
                inputs(k3s(1)).reclaimPolicy(StorageReclaimPolicy.DELETE).build());

        assertThat(retain.objects()).singleElement().isInstanceOfSatisfying(StorageClass.class, sc -> {
            assertThat(sc.getMetadata().getName()).isEqualTo("fast-ssd");
            assertThat(sc.getProvisioner()).isEqualTo("rancher.io/local-path");
            assertThat(sc.getReclaimPolicy()).isEqualTo("Retain");
            assertThat(sc.getVolumeBindingMode()).isEqualTo("WaitForFirstConsumer");
            assertThat(sc.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", "vault-test");
        });
        assertThat(retain.adjustments()).extracting(Adjustment::valuePath)
                .containsExactly("server.dataStorage.storageClass");
        assertThat(retain.adjustments().get(0).reason()).contains("'fast-ssd'", "reclaimPolicy Retain");
        assertThat(retain.values()).isEmpty();
        assertThat(((StorageClass) delete.objects().get(0)).getReclaimPolicy()).isEqualTo("Delete");
    }

    @Test
    void existingStorageClassesAreUsedAsTheyAre() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("storage-classes.yaml"), inputs(
                new dev.vaulttest.cluster.KubernetesCluster.ClusterFacts(k3s(1).nodeLabels(), Set.of("local-path", "fast-ssd"),
                        Optional.of("local-path"), Set.of(), true)).build());

        assertThat(overlay.objects()).isEmpty();
        assertThat(overlay.adjustments()).isEmpty();
    }

    @Test
    void onAnExistingClusterAMissingStorageClassIsAnError() {
        assertThatThrownBy(() -> ClusterFit.fit(values("storage-classes.yaml"),
                inputs(OverlayFixtures.existing(Set.of("standard"), Optional.of("standard")))
                        .clusterDescription("kind").build()))
                .isInstanceOfSatisfying(UnsupportedValuesException.class, e -> {
                    assertThat(e.problems()).extracting(UnsupportedValue::valuePath)
                            .containsExactly("server.dataStorage.storageClass", "server.auditStorage.storageClass");
                    assertThat(e.getMessage()).contains("StorageClass 'fast-ssd' does not exist in kind",
                            "it has [standard]");
                });
    }

    @Test
    void noNamedClassAndNoDefaultClassIsAnError() {
        assertThatThrownBy(() -> ClusterFit.fit(values("standalone-defaults.yaml"),
                inputs(OverlayFixtures.existing(Set.of("standard"), Optional.empty())).build()))
                .isInstanceOfSatisfying(UnsupportedValuesException.class, e -> assertThat(e.problems())
                        .extracting(UnsupportedValue::valuePath).containsExactly("server.dataStorage.storageClass"));
    }

    @Test
    void valuesK3sCannotProvideFailEarlyWithEveryValueNamed() {
        assertThatThrownBy(() -> ClusterFit.fit(values("unsupported.yaml"), inputs(k3s(1)).build()))
                .isInstanceOfSatisfying(UnsupportedValuesException.class, e -> {
                    assertThat(e.problems()).extracting(UnsupportedValue::valuePath).containsExactly(
                            "server.topologySpreadConstraints",
                            "server.nodeSelector",
                            "server.priorityClassName",
                            "server.dataStorage.accessMode",
                            "server.standalone.config",
                            "server.extraVolumes[0]");
                    assertThat(e.getMessage()).contains("cannot run on k3s test as they are (6 problems)",
                            "topology.kubernetes.io/zone", "cloud.google.com/gke-nodepool",
                            "PriorityClass 'vault-critical'", "only provides ReadWriteOnce",
                            "seal \"transit\"", "Secret 'vault-license'");
                    assertThat(e.problems()).allSatisfy(p -> assertThat(p.remedy()).isNotBlank());
                });
    }

    @Test
    void aProvidedSecretIsNotAProblem() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  extraVolumes: [{type: secret, name: vault-license}]
                """);

        ClusterFit.Fitted overlay = ClusterFit.fit(values, inputs(k3s(1)).providedSecret("vault-license").build());

        assertThat(overlay.adjustments()).isEmpty();
    }

    @Test
    void satisfiableSchedulingValuesPass() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  nodeSelector: {kubernetes.io/os: linux}
                  priorityClassName: system-cluster-critical
                  topologySpreadConstraints:
                    - {maxSkew: 1, topologyKey: kubernetes.io/hostname, whenUnsatisfiable: DoNotSchedule}
                    - {maxSkew: 1, topologyKey: topology.kubernetes.io/zone, whenUnsatisfiable: ScheduleAnyway}
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions: [{key: kubernetes.io/arch, operator: In, values: [amd64, arm64]}]
                """);

        assertThat(ClusterFit.fit(values, inputs(k3s(1)).build()).adjustments()).isEmpty();
    }

    @Test
    void unsatisfiableNodeAffinityIsAnError() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  affinity:
                    nodeAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                        nodeSelectorTerms:
                          - matchExpressions: [{key: topology.kubernetes.io/zone, operator: In, values: [eu-west-1a]}]
                """);

        assertThatThrownBy(() -> ClusterFit.fit(values, inputs(k3s(1)).build()))
                .isInstanceOfSatisfying(UnsupportedValuesException.class, e -> assertThat(e.problems())
                        .extracting(UnsupportedValue::valuePath).containsExactly("server.affinity"));
    }

    @Test
    void externalVaultIsRefused() {
        assertThatThrownBy(() -> ClusterFit.fit(yaml("global: {externalVaultAddr: 'https://vault.example.com'}\n"),
                inputs(k3s(1)).build()))
                .isInstanceOfSatisfying(UnsupportedValuesException.class, e -> assertThat(e.problems())
                        .extracting(UnsupportedValue::valuePath).containsExactly("global.externalVaultAddr"));
        assertThatThrownBy(() -> ClusterFit.fit(yaml("server: {enabled: false}\n"), inputs(k3s(1)).build()))
                .isInstanceOf(UnsupportedValuesException.class).hasMessageContaining("server.enabled");
    }

    @Test
    void structuredConfigIsRefusedLikeTheChartDoes() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  standalone:
                    config:
                      ui: true
                """);

        assertThatThrownBy(() -> ClusterFit.fit(values, inputs(k3s(1)).build()))
                .isInstanceOf(UnsupportedValuesException.class)
                .hasMessageContaining("server.standalone.config: is a YAML map");
    }

    @Test
    void fullnameFollowsTheChartsRules() {
        assertThat(new VaultValuesView(Map.of()).fullname("vault-abc")).isEqualTo("vault-abc");
        assertThat(new VaultValuesView(Map.of()).fullname("secrets")).isEqualTo("secrets-vault");
        assertThat(new VaultValuesView(Map.of("fullnameOverride", "hashi")).fullname("vault-abc")).isEqualTo("hashi");
        assertThat(new VaultValuesView(Map.of("nameOverride", "kv")).fullname("team-kv")).isEqualTo("team-kv");
    }

    @Test
    void overlayIsFrozenAndItsToStringShowsNoSecretData() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("storage-classes.yaml"), inputs(k3s(1)).build());

        assertThatThrownBy(() -> overlay.values().put("x", 1)).isInstanceOf(UnsupportedOperationException.class);
        assertThat(overlay.toString()).contains("StorageClass/fast-ssd");
    }
}
