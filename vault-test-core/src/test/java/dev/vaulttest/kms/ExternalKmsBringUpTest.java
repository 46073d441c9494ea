package dev.vaulttest.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.engine.DoubleBackedEnvironment;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A whole bring-up with {@link KmsProvider#EXTERNAL}: the library's real factory over fabric8's CRUD mock and the
 * Vault double, with {@link KmsStarter#external} against the KMS API stub standing in for an emulator that runs
 * already.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class ExternalKmsBringUpTest {

    private static final String ALIAS = "alias/vault-test-unseal";
    private static final AwsCredentials CREDENTIALS = new AwsCredentials("AKIALABKEY000001", "lab-s3cr3t");

    KubernetesClient client;
    private KmsStubServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new KmsStubServer(CREDENTIALS, "us-east-1");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void vaultIsWiredToTheRunningEmulatorWhichCreatesTheKeyAndOutlivesTheEnvironment() {
        VaultEnvironmentSpec spec = DoubleBackedEnvironment.spec().seal(SealSpec.awsKms(KmsProvider.EXTERNAL))
                .build();
        ExternalKms external = ExternalKms.at(stub.endpoint()).withCredentials(CREDENTIALS);
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.builder(client).spec(spec)
                .kmsStarter(KmsStarter.external(external)).start()) {
            VaultEnvironment env = fixture.environment();
            String namespace = env.namespace();
            KmsEmulator kms = env.kms().orElseThrow();

            assertThat(kms.provider()).isEqualTo(KmsProvider.EXTERNAL);
            assertThat(fixture.kms()).as("no double KMS was started").isEmpty();
            assertThat(new KmsApiClient(stub.endpoint(), "us-east-1", CREDENTIALS).listAliases())
                    .extracting(KmsApiClient.Alias::name).contains(ALIAS);
            assertThat(vaultEnvironment(env)).containsEntry("AWS_KMS_ENDPOINT", stub.endpoint().toString())
                    .containsEntry("AWS_REGION", "us-east-1").containsEntry("VAULT_AWSKMS_SEAL_KEY_ID", ALIAS);
            Secret secret = client.secrets().inNamespace(namespace).list().getItems().stream()
                    .filter(s -> s.getMetadata().getName().endsWith("-kms-credentials")).findFirst().orElseThrow();
            assertThat(decode(secret.getData().get("AWS_ACCESS_KEY_ID"))).isEqualTo("AKIALABKEY000001");
            assertThat(decode(secret.getData().get("AWS_SECRET_ACCESS_KEY"))).isEqualTo("lab-s3cr3t");
            assertThat(env.recoveryKeys()).hasSize(3);
            assertThat(env.toString()).doesNotContain("lab-s3cr3t");
        }

        assertThat(new KmsApiClient(stub.endpoint(), "us-east-1", CREDENTIALS).keyState(ALIAS))
                .as("the external emulator and its key outlive the environment").isEqualTo("Enabled");
    }

    private Map<String, String> vaultEnvironment(VaultEnvironment env) {
        List<EnvVar> variables = client.apps().statefulSets().inNamespace(env.namespace())
                .withName(env.releaseName()).get().getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        return variables.stream().filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (a, b) -> b));
    }

    private static String decode(String base64) {
        return new String(Base64.getDecoder().decode(base64), StandardCharsets.UTF_8);
    }
}
