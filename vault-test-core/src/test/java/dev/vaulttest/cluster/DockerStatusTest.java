package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DockerStatusTest {

    @Test
    void probeAlwaysExplainsItsAnswer() {
        DockerStatus status = DockerStatus.probe();

        assertThat(status.description()).isNotBlank();
        if (status.available()) {
            assertThat(status.description()).startsWith("Docker at ");
        } else {
            assertThat(status.description()).startsWith("Docker is not available");
        }
    }
}
