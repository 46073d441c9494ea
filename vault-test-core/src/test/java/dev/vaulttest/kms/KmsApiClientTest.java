package dev.vaulttest.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class KmsApiClientTest {

    private static final String REGION = "eu-west-1";
    private final AwsCredentials credentials = AwsCredentials.emulatorDefaults();
    private KmsStubServer stub;
    private KmsApiClient client;

    @BeforeEach
    void start() throws IOException {
        stub = new KmsStubServer(credentials, REGION);
        client = new KmsApiClient(stub.endpoint(), REGION, credentials, Duration.ofSeconds(5),
                Clock.fixed(Instant.parse("2026-11-28T10:15:30Z"), ZoneOffset.UTC));
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    @Test
    void createsAKeyAndTheAliasWithSignedJsonRequests() {
        String keyId = client.ensureKeyWithAlias("alias/vault-unseal");

        assertThat(stub.requests()).extracting(KmsStubServer.Recorded::target).containsExactly(
                "TrentService.ListAliases", "TrentService.CreateKey", "TrentService.CreateAlias");
        assertThat(stub.requests()).allSatisfy(r -> {
            assertThat(r.contentType()).isEqualTo("application/x-amz-json-1.1");
            assertThat(r.amzDate()).isEqualTo("20261128T101530Z");
            assertThat(r.authorization()).startsWith("AWS4-HMAC-SHA256 Credential=test/20261128/eu-west-1/kms/aws4_request,"
                    + " SignedHeaders=content-type;host;x-amz-date;x-amz-target, Signature=");
            assertThat(r.signatureValid()).as("signature over the headers actually sent").isTrue();
        });
        KmsStubServer.Recorded createAlias = stub.requests().get(2);
        assertThat(createAlias.body().path("AliasName").asString()).isEqualTo("alias/vault-unseal");
        assertThat(createAlias.body().path("TargetKeyId").asString()).isEqualTo(keyId);
        assertThat(stub.requests().get(1).body().path("Description").asString()).contains("alias/vault-unseal");
        assertThat(client.keyState("alias/vault-unseal")).isEqualTo("Enabled");
    }

    @Test
    void anExistingAliasIsReusedNotRecreated() {
        stub.preloadAlias("alias/vault-unseal", "1234abcd-0000-0000-0000-000000000000");

        String keyId = client.ensureKeyWithAlias("alias/vault-unseal");

        assertThat(keyId).isEqualTo("1234abcd-0000-0000-0000-000000000000");
        assertThat(stub.requests()).extracting(KmsStubServer.Recorded::target).containsExactly("TrentService.ListAliases");
    }

    @Test
    void listAliasesFollowsTheMarkerAcrossPages() {
        stub.aliasPageSize(1);
        stub.preloadAlias("alias/a", "key-a");
        stub.preloadAlias("alias/b", "key-b");
        stub.preloadAlias("alias/c", "key-c");

        assertThat(client.listAliases()).extracting(KmsApiClient.Alias::name)
                .containsExactly("alias/aws/ebs", "alias/a", "alias/b", "alias/c");
        assertThat(client.listAliases().get(0).targetKeyId()).isEmpty();
        assertThat(stub.requests().get(1).body().path("Marker").asString()).isEqualTo("1");
    }

    @Test
    void disableAndEnableChangeTheKeyState() {
        String keyId = client.ensureKeyWithAlias("alias/vault-unseal");

        client.disableKey(keyId);
        String disabled = client.keyState(keyId);
        client.enableKey(keyId);

        assertThat(disabled).isEqualTo("Disabled");
        assertThat(client.keyState(keyId)).isEqualTo("Enabled");
        assertThat(stub.requests()).filteredOn(r -> r.target().equals("TrentService.DisableKey"))
                .singleElement().satisfies(r -> assertThat(r.body().path("KeyId").asString()).isEqualTo(keyId));
    }

    @Test
    void kmsErrorsNameTheActionTheTypeAndTheMessage() {
        assertThatThrownBy(() -> client.disableKey("no-such-key"))
                .isInstanceOf(KmsException.class)
                .hasMessageContaining("KMS DisableKey at " + stub.endpoint())
                .hasMessageContaining("HTTP 400")
                .hasMessageContaining("NotFoundException: Key 'no-such-key' does not exist");
    }

    @Test
    void aSilentEndpointTimesOutWithAHint() {
        KmsApiClient impatient = new KmsApiClient(stub.endpoint(), REGION, credentials, Duration.ofMillis(300),
                Clock.systemUTC());
        stub.goSilent();

        assertThatThrownBy(() -> impatient.keyState("alias/x"))
                .isInstanceOf(KmsException.class)
                .hasMessageContaining("did not answer within")
                .hasMessageContaining("makeReachable()");
    }

    @Test
    void refusesAliasesTheLibraryCannotCreate() {
        assertThatThrownBy(() -> client.ensureKeyWithAlias("1234abcd-12ab-34cd-56ef-1234567890ab"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("alias/<name>");
        assertThatThrownBy(() -> client.ensureKeyWithAlias("alias/aws/ebs"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("reserved");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void hostHeaderOmitsDefaultPorts() {
        assertThat(KmsApiClient.hostHeader(java.net.URI.create("http://10.0.0.5:4566"))).isEqualTo("10.0.0.5:4566");
        assertThat(KmsApiClient.hostHeader(java.net.URI.create("https://kms.eu-west-1.amazonaws.com")))
                .isEqualTo("kms.eu-west-1.amazonaws.com");
        assertThat(KmsApiClient.hostHeader(java.net.URI.create("http://localhost:80"))).isEqualTo("localhost");
    }
}
