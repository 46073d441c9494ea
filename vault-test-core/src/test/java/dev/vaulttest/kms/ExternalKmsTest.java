package dev.vaulttest.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import dev.vaulttest.base.Versions;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The external KMS emulator: its description, and the handle over the KMS API stub. */
class ExternalKmsTest {

    private static final AwsCredentials CREDENTIALS = new AwsCredentials("AKIAEXTERNALKEY1", "external-s3cr3t");

    /** A cluster the external starter must never touch: every call fails the test. */
    private static final KubernetesCluster UNTOUCHED = (KubernetesCluster) java.lang.reflect.Proxy.newProxyInstance(
            ExternalKmsTest.class.getClassLoader(), new Class<?>[] {KubernetesCluster.class}, (proxy, method, args) -> {
                throw new AssertionError("the external KMS starter called " + method.getName() + " on the cluster");
            });

    private KmsStubServer stub;

    @BeforeEach
    void start() throws IOException {
        stub = new KmsStubServer(CREDENTIALS, "eu-west-1");
    }

    @AfterEach
    void stop() {
        stub.close();
    }

    private ExternalKms external() {
        return ExternalKms.at(stub.endpoint()).withCredentials(CREDENTIALS);
    }

    private static KmsEmulatorSpec externalSpec(String region) {
        return KmsEmulatorSpec.of(KmsProvider.EXTERNAL, region);
    }

    @Test
    void anEndpointIsForPodsAndHostAlikeWithTheDummyCredentialsAndTheSealsRegion() {
        ExternalKms kms = ExternalKms.at("http://10.0.0.5:8080");

        assertThat(kms.endpointForPods()).isEqualTo(URI.create("http://10.0.0.5:8080"));
        assertThat(kms.endpointForHost()).isEqualTo(kms.endpointForPods());
        assertThat(kms.credentials()).isEqualTo(AwsCredentials.emulatorDefaults());
        assertThat(kms.region()).isEmpty();
        assertThat(kms.withHostEndpoint("http://127.0.0.1:18080/").endpointForHost())
                .isEqualTo(URI.create("http://127.0.0.1:18080/"));
        assertThat(kms.inRegion("eu-west-1").region()).contains("eu-west-1");
        assertThat(KmsProvider.EXTERNAL.isEmulated()).isTrue();
        assertThat(KmsProvider.EXTERNAL.isStartedByLibrary()).isFalse();
        assertThat(KmsProvider.LOCAL_KMS.isStartedByLibrary()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "ftp://10.0.0.5:8080 | 'ftp://10.0.0.5:8080' is not an http(s) URL with a host",
        "10.0.0.5:8080 | '10.0.0.5:8080' is not",
        "localhost:8080 | 'localhost:8080' is not an http(s) URL with a host",
        "http:///kms | 'http:///kms' is not an http(s) URL with a host",
        "http://10.0.0.5:8080/kms | 'http://10.0.0.5:8080/kms' has a path, query or fragment",
        "http://10.0.0.5:8080?region=x | has a path, query or fragment",
        "http://10.0.0.5 8080 | 'http://10.0.0.5 8080' is not a URL",
        "http://admin:hunter2@10.0.0.5:8080 | 'http://****@10.0.0.5:8080' carries user info"})
    void unusableEndpointsAreRefusedNamingTheFieldAndTheValue(String endpoint, String message) {
        assertThatThrownBy(() -> ExternalKms.at(endpoint)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ExternalKms endpointForPods").hasMessageContaining(message)
                .hasMessageNotContaining("hunter2");
        assertThatThrownBy(() -> ExternalKms.at("http://10.0.0.5:8080").withHostEndpoint(endpoint))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ExternalKms endpointForHost");
    }

    @Test
    void theSecretKeyIsNeverPrinted() {
        ExternalKms kms = external();

        try (KmsEmulator emulator = KmsStarter.external(kms).start(externalSpec("eu-west-1"), UNTOUCHED)) {
            assertThat(kms.toString()).doesNotContain("external-s3cr3t").doesNotContain("EXTERNALKEY1");
            assertThat(emulator.toString()).doesNotContain("external-s3cr3t").contains(stub.endpoint().toString());
        }
    }

    @Test
    void startingChecksThatTheEmulatorAnswersASignedKmsCallAndNeverTouchesTheCluster() {
        try (KmsEmulator emulator = KmsStarter.external(external()).start(externalSpec("eu-west-1"), UNTOUCHED)) {
            assertThat(emulator.provider()).isEqualTo(KmsProvider.EXTERNAL);
            assertThat(emulator.endpointForPods()).isEqualTo(stub.endpoint());
            assertThat(emulator.endpointForHost()).isEqualTo(stub.endpoint());
            assertThat(emulator.region()).isEqualTo("eu-west-1");
            assertThat(emulator.credentials()).isEqualTo(CREDENTIALS);
            assertThat(stub.requests()).singleElement().satisfies(r -> {
                assertThat(r.target()).isEqualTo("TrentService.ListAliases");
                assertThat(r.authorization()).contains("Credential=AKIAEXTERNALKEY1/");
                assertThat(r.signatureValid()).isTrue();
            });
        }
    }

    @Test
    void theEmulatorsOwnRegionWinsOverTheSeals() {
        try (KmsEmulator emulator = KmsStarter.external(external().inRegion("eu-west-1"))
                .start(externalSpec("us-east-1"), UNTOUCHED)) {
            assertThat(emulator.region()).isEqualTo("eu-west-1");
            assertThat(stub.requests().get(0).authorization()).contains("/eu-west-1/kms/aws4_request");
        }
    }

    @Test
    void keysAliasesAndKeyStatesGoThroughTheApi() {
        try (KmsEmulator emulator = KmsStarter.external(external()).start(externalSpec("eu-west-1"), UNTOUCHED)) {
            String keyId = emulator.createKeyWithAlias("alias/vault-unseal");

            assertThat(emulator.createKeyWithAlias("alias/vault-unseal")).as("an existing alias is reused")
                    .isEqualTo(keyId);
            assertThat(emulator.keyState("alias/vault-unseal")).isEqualTo("Enabled");
            assertThat(emulator.supportsKeyDisable()).isTrue();
            emulator.disableKey(keyId);
            assertThat(emulator.keyState(keyId)).isEqualTo("Disabled");
            emulator.enableKey(keyId);
            assertThat(emulator.keyState(keyId)).isEqualTo("Enabled");
            assertThat(stub.requests()).extracting(KmsStubServer.Recorded::target)
                    .contains("TrentService.CreateKey", "TrentService.CreateAlias", "TrentService.DisableKey",
                            "TrentService.EnableKey");
        }
    }

    @Test
    void itCannotBeMadeUnreachableAndSaysWhy() {
        try (KmsEmulator emulator = KmsStarter.external(external()).start(externalSpec("eu-west-1"), UNTOUCHED)) {
            assertThat(emulator.supportsReachabilityControl()).isFalse();
            assertThatThrownBy(emulator::makeUnreachable).isInstanceOf(UnsupportedOperationException.class)
                    .hasMessageContaining("cannot be made unreachable by the library")
                    .hasMessageContaining("runs outside the library")
                    .hasMessageContaining("blockKms()");
            assertThatThrownBy(emulator::makeReachable).isInstanceOf(UnsupportedOperationException.class);
            assertThat(emulator.isReachable()).isTrue();
        }
    }

    @Test
    void closingEndsTheHandleButLeavesTheEmulatorAndItsKeys() {
        KmsEmulator emulator = KmsStarter.external(external()).start(externalSpec("eu-west-1"), UNTOUCHED);
        String keyId = emulator.createKeyWithAlias("alias/vault-unseal");

        emulator.close();
        emulator.close();

        assertThatThrownBy(() -> emulator.keyState(keyId)).isInstanceOf(KmsException.class)
                .hasMessageContaining("closed (the emulator itself keeps running)");
        KmsApiClient stillThere = new KmsApiClient(stub.endpoint(), "eu-west-1", CREDENTIALS);
        assertThat(stillThere.keyState("alias/vault-unseal")).isEqualTo("Enabled");
    }

    @Test
    void anEndpointThatDoesNotAnswerFailsTheStartNamingIt() throws IOException {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = socket.getLocalPort();
        }
        ExternalKms nowhere = ExternalKms.at("http://127.0.0.1:" + closedPort);

        assertThatThrownBy(() -> KmsStarter.external(nowhere).start(externalSpec("us-east-1"), UNTOUCHED))
                .isInstanceOf(KmsException.class)
                .hasMessageContaining("The external KMS emulator does not answer a KMS call at http://127.0.0.1:"
                        + closedPort)
                .hasMessageContaining("does not start an external emulator: start it first");
    }

    @Test
    void aServerThatIsNotAKmsFailsTheStartWithWhatItAnswered() throws IOException {
        HttpServer other = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        other.createContext("/", exchange -> {
            byte[] body = "<html>not here</html>".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(404, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        other.start();
        try {
            ExternalKms web = ExternalKms.at("http://127.0.0.1:" + other.getAddress().getPort());

            assertThatThrownBy(() -> KmsStarter.external(web).start(externalSpec("us-east-1"), UNTOUCHED))
                    .isInstanceOf(KmsException.class).hasMessageContaining("does not answer a KMS call")
                    .hasMessageContaining("failed with HTTP 404");
        } finally {
            other.stop(0);
        }
    }

    @Test
    void eachStarterRefusesTheOtherKindOfEmulator() {
        assertThatThrownBy(() -> KmsStarter.external(external())
                .start(KmsEmulatorSpec.of(KmsProvider.LOCAL_KMS, "us-east-1"), UNTOUCHED))
                .isInstanceOf(KmsException.class).hasMessageContaining("the seal asks for KmsProvider.LOCAL_KMS")
                .hasMessageContaining("SealSpec.awsKms(KmsProvider.EXTERNAL)");
        assertThatThrownBy(() -> KmsStarter.onClusterNetwork().start(externalSpec("us-east-1"), UNTOUCHED))
                .isInstanceOf(KmsException.class).hasMessageContaining("KmsProvider.EXTERNAL is an emulator that"
                        + " runs already").hasMessageContaining("KmsStarter.external");
        assertThat(stub.requests()).isEmpty();
    }

    @Test
    void anImageReplacesThePinnedOneOnlyForTheEmulatorsTheLibraryStarts() {
        List<KmsEmulatorSpec> seen = new ArrayList<>();
        KmsStarter recording = (spec, cluster) -> {
            seen.add(spec);
            return null;
        };

        KmsStarter mirrored = recording.withImage("mirror.local/nsmithuk/local-kms:3.12.0");
        mirrored.start(KmsEmulatorSpec.of(KmsProvider.LOCAL_KMS, "us-east-1"), UNTOUCHED);
        mirrored.start(externalSpec("us-east-1"), UNTOUCHED);

        assertThat(seen).extracting(KmsEmulatorSpec::image)
                .containsExactly("mirror.local/nsmithuk/local-kms:3.12.0", "");
        assertThat(KmsEmulatorSpec.of(KmsProvider.LOCAL_KMS, "us-east-1").image()).isEqualTo(Versions.LOCAL_KMS_IMAGE);
        assertThatThrownBy(() -> recording.withImage(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> KmsEmulatorSpec.of(KmsProvider.LOCALSTACK, "us-east-1").withImage(""))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining(Versions.LOCALSTACK_IMAGE);
        assertThat(new KmsEmulatorSpec(KmsProvider.EXTERNAL, "", "us-east-1", Duration.ofMinutes(1),
                Optional.empty()).provider()).isEqualTo(KmsProvider.EXTERNAL);
    }
}
