package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.Versions;
import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import dev.vaulttest.kms.KmsException;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.KmsStarter;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** How the standard factory's KMS starter follows the {@code vaulttest.kms.*} settings. */
class StandardFactoryTest {

    private final List<KmsEmulatorSpec> started = new ArrayList<>();
    private final KmsStarter recording = (spec, cluster) -> {
        started.add(spec);
        return null;
    };

    private static Settings parse(Map<String, String> values) {
        return Settings.parse(key -> Optional.ofNullable(values.get(key)));
    }

    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return socket.getLocalPort();
        }
    }

    @Test
    void containersGetTheImageSettingElseThePinnedOne() {
        StandardFactory.kmsStarter(parse(Map.of()), recording)
                .start(KmsEmulatorSpec.of(KmsProvider.LOCAL_KMS, "us-east-1"), null);
        StandardFactory.kmsStarter(parse(Map.of(VaultTestSettings.KMS_IMAGE, "registry.local/local-kms:3.12.0")),
                recording).start(KmsEmulatorSpec.of(KmsProvider.LOCAL_KMS, "us-east-1"), null);

        assertThat(started).extracting(KmsEmulatorSpec::image)
                .containsExactly(Versions.LOCAL_KMS_IMAGE, "registry.local/local-kms:3.12.0");
    }

    @Test
    void anExternalEmulatorThatDoesNotAnswerNamesTheSettingAndTheUrl() throws IOException {
        int port = closedPort();
        KmsStarter starter = StandardFactory.kmsStarter(parse(Map.of(VaultTestSettings.KMS_ENDPOINT,
                "http://127.0.0.1:" + port)), recording);

        assertThatThrownBy(() -> starter.start(KmsEmulatorSpec.of(KmsProvider.EXTERNAL, "us-east-1"), null))
                .isInstanceOf(KmsException.class)
                .hasMessageStartingWith("vaulttest.kms.endpoint=http://127.0.0.1:" + port + ": The external KMS"
                        + " emulator does not answer");
        assertThat(started).as("no container is started for an external emulator").isEmpty();
    }

    @Test
    void aSeparateHostEndpointIsTheOneNamedWhenItDoesNotAnswer() throws IOException {
        int port = closedPort();
        KmsStarter starter = StandardFactory.kmsStarter(parse(Map.of(VaultTestSettings.KMS_ENDPOINT,
                "http://10.0.0.5:8080", VaultTestSettings.KMS_HOST_ENDPOINT, "http://127.0.0.1:" + port)), recording);

        assertThatThrownBy(() -> starter.start(KmsEmulatorSpec.of(KmsProvider.EXTERNAL, "us-east-1"), null))
                .isInstanceOf(KmsException.class)
                .hasMessageStartingWith("vaulttest.kms.host-endpoint=http://127.0.0.1:" + port + ": ");
    }
}
