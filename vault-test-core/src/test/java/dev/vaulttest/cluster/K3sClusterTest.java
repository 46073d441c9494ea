package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.Versions;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parts of the k3s provider that need no Docker; {@code K3sClusterDockerTest} runs the real thing. */
class K3sClusterTest {

    @Test
    void serverCommandKeepsTheContainerDefaultsAndDisablesWhatVaultDoesNotNeed() {
        List<String> command = K3sCluster.serverCommand("localhost", List.of("--kube-apiserver-arg=v=2"));

        assertThat(command).containsExactly("server", "--disable=traefik", "--disable=servicelb",
                "--disable=metrics-server", "--tls-san=localhost", "--tls-san=k3s", "--kube-apiserver-arg=v=2");
    }

    @Test
    void kubeconfigFollowsTheNewApiPortAfterARestart() {
        String kubeconfig = "clusters:\n- cluster:\n    server: https://localhost:32771\n  name: default\n";

        assertThat(K3sCluster.withApiPort(kubeconfig, "localhost", 32771, 32999))
                .contains("server: https://localhost:32999")
                .doesNotContain("32771");
        assertThatThrownBy(() -> K3sCluster.withApiPort(kubeconfig, "localhost", 1111, 32999))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("https://localhost:1111");
    }

    @Test
    void specDefaultsArePinnedAndOverridable() {
        K3sClusterSpec defaults = K3sClusterSpec.defaults();
        K3sClusterSpec custom = K3sClusterSpec.builder().image("mirror.example/rancher/k3s:v1.33.5-k3s1")
                .startupTimeout(Duration.ofMinutes(5)).preloadImages(List.of()).extraServerArg("--debug").build();

        assertThat(defaults.image()).isEqualTo(Versions.K3S_IMAGE);
        assertThat(defaults.preloadImages()).containsExactly(Versions.VAULT_IMAGE, Versions.CANARY_IMAGE);
        assertThat(defaults.registryMirrors()).isEmpty();
        assertThat(custom.image()).isEqualTo("mirror.example/rancher/k3s:v1.33.5-k3s1");
        assertThat(custom.startupTimeout()).isEqualTo(Duration.ofMinutes(5));
        assertThat(custom.preloadImages()).isEmpty();
        assertThat(custom.extraServerArgs()).containsExactly("--debug");
    }
}
