package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

/** The registries.yaml k3s reads: the documented shape, and entries it could not use refused by name. */
class RegistriesYamlTest {

    @Test
    void eachRegistryGetsItsMirrorAsTheOnlyEndpointInOrder() {
        Map<String, URI> mirrors = new LinkedHashMap<>();
        mirrors.put("docker.io", URI.create("https://mirror.example.com:5000"));
        mirrors.put("registry.k8s.io", URI.create("http://10.0.0.5:5001"));

        Object parsed = new Load(LoadSettings.builder().build()).loadFromString(RegistriesYaml.render(mirrors));

        assertThat(parsed).isEqualTo(Map.of("mirrors", Map.of(
                "docker.io", Map.of("endpoint", java.util.List.of("https://mirror.example.com:5000")),
                "registry.k8s.io", Map.of("endpoint", java.util.List.of("http://10.0.0.5:5001")))));
    }

    @Test
    void unusableEntriesAreRefusedWithTheirName() {
        assertThatThrownBy(() -> RegistriesYaml.validate("docker io", URI.create("https://m.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'docker io'");
        assertThatThrownBy(() -> RegistriesYaml.validate("docker.io", URI.create("mirror.example:5000")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'mirror.example:5000' is not an absolute http or https URL");
        assertThatThrownBy(() -> RegistriesYaml.validate("quay.io", URI.create("ftp://m.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("quay.io");
        assertThatThrownBy(() -> RegistriesYaml.validate("docker.io", URI.create("https://user:pw@m.example")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("carries credentials")
                .hasMessageNotContaining("pw");
    }

    @Test
    void theSpecPreloadsTheImagesTheLibraryStartsAndValidatesItsMirrors() {
        K3sClusterSpec spec = K3sClusterSpec.builder()
                .registryMirror("docker.io", URI.create("https://mirror.example.com")).build();

        assertThat(spec.preloadImages()).containsExactly(dev.vaulttest.base.Versions.VAULT_IMAGE,
                dev.vaulttest.base.Versions.CANARY_IMAGE);
        assertThat(spec.registryMirrors()).containsExactly(Map.entry("docker.io",
                URI.create("https://mirror.example.com")));
        assertThatThrownBy(() -> K3sClusterSpec.builder().registryMirror("docker.io", URI.create("/relative"))
                .build()).isInstanceOf(IllegalArgumentException.class).hasMessageContaining("docker.io");
    }
}
