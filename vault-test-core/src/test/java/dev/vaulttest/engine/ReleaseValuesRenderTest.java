package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.RenderedManifests;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import dev.vaulttest.internal.helm.ChartRenderer;
import dev.vaulttest.internal.helm.RenderRequest;
import dev.vaulttest.internal.helm.RenderedChart;
import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The values a release is installed with (team's values, mode layer, k3s fit), rendered with the library's test
 * chart and inspected as manifests: what k3s needs is there, the team's choices are kept.
 */
class ReleaseValuesRenderTest {

    private static final EnvironmentId ID = new EnvironmentId("values-abc123");
    private static final KmsConnection KMS = new KmsConnection(URI.create("http://172.18.0.5:4566"), "eu-west-1",
            new AwsCredentials("test", "test"));

    @TempDir
    Path cache;

    private static Path resource(String path) {
        try {
            return Path.of(ReleaseValuesRenderTest.class.getResource("/" + path).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ClusterFacts singleNodeK3s() {
        return new ClusterFacts(List.of(Map.of("kubernetes.io/hostname", "k3s-node")), Set.of("local-path"),
                Optional.of("local-path"), Set.of(), true);
    }

    private ReleaseValues.Fitted fit(VaultEnvironmentSpec spec, Optional<KmsConnection> kms) {
        ClusterFit.Context context = new ClusterFit.Context(ID, ID.releaseName(), ID.namespace(), "k3s test",
                singleNodeK3s(), spec.seal(), kms, spec.reclaimPolicy(), spec.injector());
        return ReleaseValues.fit(ReleaseValues.withMode(spec), context);
    }

    private RenderedChart render(ChartValues values) {
        return new ChartRenderer(new ChartCache(cache)).render(RenderRequest.builder(chart()).values(values)
                .releaseName(ID.releaseName()).namespace(ID.namespace()).build());
    }

    private static ChartSource chart() {
        return ChartSource.directory(resource("charts/vault-env"));
    }

    private static VaultEnvironmentSpec productionShaped() {
        return VaultEnvironmentSpec.builder().chart(chart()).mode(DeploymentMode.FROM_VALUES)
                .values(ChartValues.builder().file(resource("environment/production-shaped.yaml")).build())
                .seal(SealSpec.awsKms(KmsProvider.LOCALSTACK)).build();
    }

    private static StatefulSet statefulSet(RenderedChart rendered) {
        return rendered.manifests().named(StatefulSet.class, ID.releaseName()).orElseThrow();
    }

    private static Container vault(StatefulSet sts) {
        return sts.getSpec().getTemplate().getSpec().getContainers().get(0);
    }

    private static Optional<EnvVar> env(Container container, String name) {
        return container.getEnv().stream().filter(e -> e.getName().equals(name)).findFirst();
    }

    @Test
    void productionShapedValuesKeepTheTeamsChoicesAndGetWhatK3sNeeds() {
        ReleaseValues.Fitted fitted = fit(productionShaped(), Optional.of(KMS));
        RenderedChart rendered = render(fitted.values());
        StatefulSet sts = statefulSet(rendered);
        Container vault = vault(sts);

        assertThat(sts.getSpec().getReplicas()).isEqualTo(3);
        assertThat(sts.getSpec().getTemplate().getSpec().getAffinity()).isNull();
        assertThat(vault.getImage()).isEqualTo("hashicorp/vault:2.0.4");
        assertThat(sts.getSpec().getVolumeClaimTemplates()).extracting(c -> c.getSpec().getStorageClassName())
                .containsOnly("fast-ssd");
        assertThat(rendered.manifests().all(Deployment.class)).as("injector turned off").isEmpty();

        Volume tlsVolume = sts.getSpec().getTemplate().getSpec().getVolumes().stream()
                .filter(v -> v.getSecret() != null).findFirst().orElseThrow();
        assertThat(tlsVolume.getSecret().getSecretName()).isEqualTo("vault-tls");
        assertThat(vault.getVolumeMounts()).anySatisfy(m -> {
            assertThat(m.getName()).isEqualTo(tlsVolume.getName());
            assertThat(m.getMountPath()).isEqualTo("/vault/userconfig/vault-tls");
        });
        assertThat(env(vault, "VAULT_ADDR")).hasValueSatisfying(e -> assertThat(e.getValue()).startsWith("https://"));
        assertThat(env(vault, "AWS_KMS_ENDPOINT")).hasValueSatisfying(
                e -> assertThat(e.getValue()).isEqualTo("http://172.18.0.5:4566"));
        assertThat(env(vault, "AWS_REGION")).hasValueSatisfying(e -> assertThat(e.getValue()).isEqualTo("eu-west-1"));
        assertThat(env(vault, "AWS_SECRET_ACCESS_KEY")).hasValueSatisfying(e -> {
            assertThat(e.getValue()).isNull();
            assertThat(e.getValueFrom().getSecretKeyRef().getName()).endsWith("-kms-credentials");
        });
        assertThat(env(vault, "VAULT_SEAL_TYPE")).as("the values bring their own seal stanza").isEmpty();
        assertThat(fitted.fitted().kmsKeyAlias()).contains("alias/vault-prod-unseal");
    }

    @Test
    void productionShapedValuesGetTheirStorageClassAndTlsSecretCreatedBeforeTheInstall() {
        ReleaseValues.Fitted fitted = fit(productionShaped(), Optional.of(KMS));
        List<HasMetadata> objects = fitted.fitted().objects();

        assertThat(objects).filteredOn(StorageClass.class::isInstance).map(StorageClass.class::cast)
                .singleElement().satisfies(sc -> {
                    assertThat(sc.getMetadata().getName()).isEqualTo("fast-ssd");
                    assertThat(sc.getProvisioner()).isEqualTo("rancher.io/local-path");
                    assertThat(sc.getReclaimPolicy()).isEqualTo(StorageReclaimPolicy.RETAIN.kubernetesName());
                });
        assertThat(objects).filteredOn(Secret.class::isInstance).map(Secret.class::cast)
                .filteredOn(s -> s.getMetadata().getName().equals("vault-tls")).singleElement()
                .satisfies(s -> assertThat(s.getData()).containsKeys("tls.crt", "tls.key", "ca.crt"));
        assertThat(fitted.fitted().caCertificatePem()).hasValueSatisfying(
                pem -> assertThat(pem).startsWith("-----BEGIN CERTIFICATE-----"));
        assertThat(fitted.adjustments()).extracting(Adjustment::valuePath)
                .contains("server.affinity", "injector.enabled");
    }

    @Test
    void thePlanReadsHttpsRaftAndRetryJoinFromTheRenderedProductionValues() {
        DeploymentPlan plan = DeploymentPlan.of(render(fit(productionShaped(), Optional.of(KMS)).values()));

        assertThat(plan.scheme()).isEqualTo("https");
        assertThat(plan.raft()).isTrue();
        assertThat(plan.retryJoin()).isTrue();
        assertThat(plan.dev()).isFalse();
        assertThat(plan.leaderApiAddress())
                .isEqualTo("https://" + ID.releaseName() + "-0." + ID.releaseName() + "-internal:8200");
        assertThat(plan.podNames()).hasSize(3);
    }

    @Test
    void bringUpAndTheOfflineRulesShareOneDefinitionOfDevMode() {
        RenderedChart production = render(fit(productionShaped(), Optional.of(KMS)).values());
        StatefulSet sts = new StatefulSetBuilder(statefulSet(production)).build();
        vault(sts).setCommand(null);
        vault(sts).setArgs(null);
        List<HasMetadata> objects = production.manifests().objects().stream()
                .map(o -> o instanceof StatefulSet ? sts : o).toList();
        RenderedChart noCommand = new RenderedChart(production.request(), production.values(), production.manifest(),
                new RenderedManifests(objects));

        assertThat(DeploymentPlan.of(production).dev()).isFalse();
        assertThat(RenderedDeployment.of(production.manifests()).servers().get(0).devModeReason()).isEmpty();
        assertThat(DeploymentPlan.of(noCommand).dev())
                .as("a container without command or args runs the image's default 'server -dev'").isTrue();
        assertThat(DeploymentPlan.of(noCommand).raft()).as("dev mode ignores the mounted raft configuration").isFalse();
        assertThat(RenderedDeployment.of(noCommand.manifests()).servers().get(0).devModeReason()).isPresent();
    }

    @Test
    void theSpecsTlsOptionMountsAGeneratedSecretAndSwitchesTheListenerToHttps() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().chart(chart()).tls(true).build();
        ReleaseValues.Fitted fitted = fit(spec, Optional.empty());
        RenderedChart rendered = render(fitted.values());
        StatefulSet sts = statefulSet(rendered);

        assertThat(DeploymentPlan.of(rendered).scheme()).isEqualTo("https");
        assertThat(sts.getSpec().getTemplate().getSpec().getVolumes()).anySatisfy(
                v -> assertThat(v.getSecret()).isNotNull().satisfies(
                        s -> assertThat(s.getSecretName()).isEqualTo(ModeValues.TLS_SECRET)));
        assertThat(fitted.fitted().objects()).filteredOn(Secret.class::isInstance)
                .extracting(o -> o.getMetadata().getName()).containsExactly(ModeValues.TLS_SECRET);
        String config = rendered.manifests().named(io.fabric8.kubernetes.api.model.ConfigMap.class,
                ID.releaseName() + "-config").orElseThrow().getData().get("extraconfig-from-values.hcl");
        assertThat(config).contains("tls_cert_file = \"" + ModeValues.TLS_DIRECTORY + "/tls.crt\"")
                .contains("storage \"raft\"");
    }

    @Test
    void anAwsKmsSpecOnValuesWithoutASealAddsTheSealThroughTheEnvironment() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().chart(chart())
                .seal(SealSpec.awsKms(KmsProvider.LOCAL_KMS)).build();
        KmsConnection kms = new KmsConnection(URI.create("http://172.18.0.6:8080"), "us-east-1",
                new AwsCredentials("test", "test"));
        ReleaseValues.Fitted fitted = fit(spec, Optional.of(kms));
        Container vault = vault(statefulSet(render(fitted.values())));

        assertThat(env(vault, "VAULT_SEAL_TYPE")).hasValueSatisfying(e -> assertThat(e.getValue()).isEqualTo("awskms"));
        assertThat(env(vault, "VAULT_AWSKMS_SEAL_KEY_ID"))
                .hasValueSatisfying(e -> assertThat(e.getValue()).isEqualTo(ModeValues.KMS_KEY_ALIAS));
        assertThat(env(vault, "AWS_KMS_ENDPOINT"))
                .hasValueSatisfying(e -> assertThat(e.getValue()).isEqualTo("http://172.18.0.6:8080"));
        assertThat(fitted.fitted().kmsKeyAlias()).contains(ModeValues.KMS_KEY_ALIAS);
    }

    @Test
    void aShamirSpecOnValuesThatAutoUnsealFailsEarlyNamingTheValue() {
        VaultEnvironmentSpec spec = productionShaped().toBuilder().seal(SealSpec.defaults()).build();

        assertThatThrownBy(() -> fit(spec, Optional.empty()))
                .isInstanceOf(UnsupportedValuesException.class)
                .hasMessageContaining("server.ha.raft.config")
                .hasMessageContaining("Shamir");
    }

    @Test
    void haRaftModeOnASingleNodeClusterRelaxesTheAntiAffinityAndNamesNodesAfterPods() {
        RenderedChart rendered = render(fit(VaultEnvironmentSpec.builder().chart(chart()).replicas(5).build(),
                Optional.empty()).values());
        StatefulSet sts = statefulSet(rendered);

        assertThat(sts.getSpec().getReplicas()).isEqualTo(5);
        assertThat(sts.getSpec().getTemplate().getSpec().getAffinity()).isNull();
        assertThat(env(vault(sts), "VAULT_RAFT_NODE_ID")).hasValueSatisfying(
                e -> assertThat(e.getValueFrom().getFieldRef().getFieldPath()).isEqualTo("metadata.name"));
    }
}
