package dev.vaulttest.engine;

import static dev.vaulttest.engine.OverlayFixtures.inputs;
import static dev.vaulttest.engine.OverlayFixtures.k3s;
import static dev.vaulttest.engine.OverlayFixtures.values;
import static dev.vaulttest.engine.OverlayFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.engine.UnsupportedValuesException.UnsupportedValue;
import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.api.model.Secret;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class ClusterFitAwsKmsTest {

    private static final KmsConnection LOCALSTACK = new KmsConnection(URI.create("http://172.18.0.3:4566"),
            "us-east-1", AwsCredentials.emulatorDefaults());

    private static ClusterFit.Builder awsKms() {
        return inputs(k3s(1)).seal(SealSpec.awsKms(KmsProvider.LOCALSTACK)).kms(LOCALSTACK)
                .providedSecret("vault-license");
    }

    @Test
    void awskmsIsPointedAtTheEmulatorThroughEnvironmentAndASecret() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("awskms.yaml"), awsKms().build());

        assertThat(overlay.adjustments()).extracting(Adjustment::valuePath).containsExactly(
                "server.extraEnvironmentVars.AWS_KMS_ENDPOINT",
                "server.extraEnvironmentVars.aws_region",
                "server.extraEnvironmentVars.AWS_REGION",
                "server.extraEnvironmentVars.AWS_ROLE_ARN",
                "server.extraSecretEnvironmentVars");
        assertThat(NestedMaps.map(overlay.values(), "server", "extraEnvironmentVars"))
                .containsEntry("AWS_KMS_ENDPOINT", "http://172.18.0.3:4566")
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("aws_region", null)
                .containsEntry("AWS_ROLE_ARN", null)
                .doesNotContainKey("VAULT_LOG_LEVEL");
        assertThat(overlay.adjustmentsAt("server.extraEnvironmentVars.AWS_KMS_ENDPOINT").get(0).reason())
                .contains("LOCALSTACK emulator", "overrides the values' endpoint https://kms.us-east-1.amazonaws.com");
        assertThat(overlay.kmsKeyAlias()).contains("alias/vault-unseal");
    }

    @Test
    void credentialsComeFromASecretAndTheTeamsOtherSecretVariablesStay() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("awskms.yaml"), awsKms().build());

        assertThat(NestedMaps.list(overlay.values(), "server", "extraSecretEnvironmentVars")).containsExactly(
                Map.of("envName", "VAULT_LICENSE", "secretName", "vault-license", "secretKey", "license"),
                Map.of("envName", "AWS_ACCESS_KEY_ID", "secretName", "vault-overlay-abc123-kms-credentials",
                        "secretKey", "AWS_ACCESS_KEY_ID"),
                Map.of("envName", "AWS_SECRET_ACCESS_KEY", "secretName", "vault-overlay-abc123-kms-credentials",
                        "secretKey", "AWS_SECRET_ACCESS_KEY"));
        assertThat(overlay.adjustmentsAt("server.extraSecretEnvironmentVars").get(0).reason())
                .contains("replaces AWS_SECRET_ACCESS_KEY from Secret prod-aws");
        Secret credentials = (Secret) overlay.objects().get(0);
        assertThat(credentials.getMetadata().getName()).isEqualTo("vault-overlay-abc123-kms-credentials");
        assertThat(credentials.getMetadata().getNamespace()).isEqualTo("vault-test-overlay-abc123");
        assertThat(decode(credentials.getData().get("AWS_ACCESS_KEY_ID"))).isEqualTo("test");
        assertThat(decode(credentials.getData().get("AWS_SECRET_ACCESS_KEY"))).isEqualTo("test");
        assertThat(overlay.toString()).contains("Secret/vault-overlay-abc123-kms-credentials")
                .doesNotContain(credentials.getData().get("AWS_SECRET_ACCESS_KEY"));
        assertThat(overlay.adjustments()).allSatisfy(a -> assertThat(a.reason()).doesNotContain("dGVzdA=="));
    }

    @Test
    void anExternalEmulatorIsWiredLikeOneTheLibraryStartsWithItsOwnEndpointAndCredentials() {
        KmsConnection external = new KmsConnection(URI.create("http://10.0.0.5:8080"), "us-east-1",
                new AwsCredentials("AKIALABKEY000001", "lab-s3cr3t"));

        ClusterFit.Fitted overlay = ClusterFit.fit(values("awskms.yaml"), inputs(k3s(1))
                .seal(SealSpec.awsKms(KmsProvider.EXTERNAL)).kms(external).providedSecret("vault-license").build());

        assertThat(NestedMaps.map(overlay.values(), "server", "extraEnvironmentVars"))
                .containsEntry("AWS_KMS_ENDPOINT", "http://10.0.0.5:8080")
                .containsEntry("AWS_REGION", "us-east-1")
                .containsEntry("AWS_ROLE_ARN", null);
        assertThat(overlay.adjustmentsAt("server.extraEnvironmentVars.AWS_KMS_ENDPOINT").get(0).reason())
                .contains("EXTERNAL emulator at its endpoint for pods").doesNotContain("container IP");
        assertThat(overlay.kmsKeyAlias()).contains("alias/vault-unseal");
        Secret credentials = (Secret) overlay.objects().get(0);
        assertThat(decode(credentials.getData().get("AWS_ACCESS_KEY_ID"))).isEqualTo("AKIALABKEY000001");
        assertThat(decode(credentials.getData().get("AWS_SECRET_ACCESS_KEY"))).isEqualTo("lab-s3cr3t");
        assertThat(overlay.toString()).doesNotContain("lab-s3cr3t");
        assertThat(overlay.adjustments()).allSatisfy(a -> assertThat(a.reason()).doesNotContain("lab-s3cr3t"));
        assertThatThrownBy(() -> inputs(k3s(1)).seal(SealSpec.awsKms(KmsProvider.EXTERNAL)).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EXTERNAL emulator");
    }

    @Test
    void realAwsKeepsTheValuesAsTheyAre() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("awskms.yaml"), inputs(k3s(1))
                .seal(SealSpec.awsKms(KmsProvider.REAL_AWS)).providedSecret("vault-license").providedSecret("prod-aws")
                .build());

        assertThat(overlay.adjustments()).isEmpty();
        assertThat(overlay.objects()).isEmpty();
        assertThat(overlay.kmsKeyAlias()).isEmpty();
    }

    @Test
    void shamirSpecWithAwskmsValuesIsAMismatch() {
        assertThatThrownBy(() -> ClusterFit.fit(values("awskms.yaml"),
                inputs(k3s(1)).providedSecret("vault-license").providedSecret("prod-aws").build()))
                .isInstanceOfSatisfying(UnsupportedValuesException.class, e -> {
                    assertThat(e.problems()).extracting(UnsupportedValue::valuePath)
                            .containsExactly("server.ha.raft.config");
                    assertThat(e.getMessage()).contains("spec asks for a Shamir seal", "SealSpec.awsKms");
                });
    }

    @Test
    void awskmsSpecWithoutAnAwskmsSealIsAMismatch() {
        assertThatThrownBy(() -> ClusterFit.fit(values("ha-raft.yaml"), awsKms().build()))
                .isInstanceOf(UnsupportedValuesException.class)
                .hasMessageContaining("no active seal \"awskms\"");
    }

    @Test
    void keyIdsThatAreNotAliasesAndForeignRegionsAreErrors() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  standalone:
                    config: |
                      seal "awskms" {
                        region = "eu-central-1"
                        kms_key_id = "1234abcd-12ab-34cd-56ef-1234567890ab"
                        role_arn = "arn:aws:iam::123456789012:role/unseal"
                      }
                """);

        assertThatThrownBy(() -> ClusterFit.fit(values, awsKms().build()))
                .isInstanceOfSatisfying(UnsupportedValuesException.class, e -> {
                    assertThat(e.problems()).extracting(UnsupportedValue::valuePath).containsExactly(
                            "server.standalone.config seal \"awskms\" kms_key_id",
                            "server.standalone.config seal \"awskms\" region",
                            "server.standalone.config seal \"awskms\" role_arn");
                    assertThat(e.getMessage()).contains("is a key id or ARN", "eu-central-1", "us-east-1", "STS");
                });
    }

    @Test
    void sealByEnvironmentWithTheKeyInAVariableIsWired() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  extraEnvironmentVars:
                    VAULT_SEAL_TYPE: awskms
                    VAULT_AWSKMS_SEAL_KEY_ID: alias/from-env
                """);

        ClusterFit.Fitted overlay = ClusterFit.fit(values, awsKms().build());

        assertThat(overlay.kmsKeyAlias()).contains("alias/from-env");
        assertThat(NestedMaps.get(overlay.values(), "server", "extraEnvironmentVars", "AWS_KMS_ENDPOINT"))
                .contains("http://172.18.0.3:4566");
    }

    @Test
    void sealSettingsCanBeReadBeforeTheEmulatorStarts() {
        AwsKmsSeal seal = AwsKmsSeal.fromValues(values("awskms.yaml")).orElseThrow();

        assertThat(seal.keyId()).contains("alias/vault-unseal");
        assertThat(seal.keyIdIsAlias()).isTrue();
        assertThat(seal.region()).contains("us-east-1");
        assertThat(seal.endpoint()).contains("https://kms.us-east-1.amazonaws.com");
        assertThat(seal.disabled()).isFalse();
        assertThat(seal.emulatorRegion(SealSpec.awsKms(KmsProvider.LOCAL_KMS))).isEqualTo("us-east-1");
        assertThat(seal.emulatorRegion(SealSpec.awsKms(KmsProvider.LOCAL_KMS).inRegion("eu-west-1"))).isEqualTo("eu-west-1");
        assertThat(AwsKmsSeal.fromValues(values("ha-raft.yaml"))).isEmpty();
        assertThat(new AwsKmsSeal(Optional.empty(), "x", Optional.empty(), "y", Optional.empty(), false, java.util.Set.of())
                .emulatorRegion(SealSpec.awsKms(KmsProvider.LOCALSTACK))).isEqualTo(AwsKmsSeal.DEFAULT_REGION);
    }

    @Test
    void inputsRequireTheEmulatorConnectionForAnEmulatedSeal() {
        assertThatThrownBy(() -> inputs(k3s(1)).seal(SealSpec.awsKms(KmsProvider.LOCALSTACK)).build())
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("needs its KmsConnection");
        assertThat(inputs(k3s(1)).seal(SealSpec.awsKms(KmsProvider.REAL_AWS)).build().kms()).isEmpty();
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }

}
