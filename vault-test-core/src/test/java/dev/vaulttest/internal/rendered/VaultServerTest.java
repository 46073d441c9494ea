package dev.vaulttest.internal.rendered;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.chart.RenderedManifests;
import dev.vaulttest.check.CheckOptions;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.StaticChecks;
import io.fabric8.kubernetes.api.model.ContainerBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Dev-mode detection and server discovery on hand-built StatefulSets (no chart). */
class VaultServerTest {

    private static StatefulSet statefulSet(String containerName, String image, List<String> args) {
        return new StatefulSetBuilder()
                .withNewMetadata().withName("vault").endMetadata()
                .withNewSpec()
                .withNewTemplate()
                .withNewMetadata().addToLabels("component", "server").endMetadata()
                .withNewSpec()
                .addToContainers(new ContainerBuilder().withName(containerName).withImage(image).withArgs(args).build())
                .endSpec()
                .endTemplate()
                .endSpec()
                .build();
    }

    private static CheckReport check(StatefulSet sts) {
        return StaticChecks.evaluate(new RenderedManifests(List.of(sts)), CheckOptions.defaults());
    }

    @Test
    void a_vault_image_without_command_runs_its_default_dev_server() {
        CheckReport report = check(statefulSet("vault", "hashicorp/vault:2.0.4", List.of()));

        assertThat(report.withRule("DEV_MODE")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("default 'server -dev'"));
    }

    @Test
    void the_root_token_and_listen_address_flags_alone_do_not_mean_dev_mode() {
        CheckReport report = check(statefulSet("vault", "hashicorp/vault:2.0.4",
                List.of("vault", "server", "-config=/vault/config", "-dev-root-token-id=x", "-dev=false")));

        assertThat(report.withRule("DEV_MODE")).isEmpty();
    }

    @Test
    void finds_a_server_by_component_label_and_vault_image_when_the_container_has_another_name() {
        CheckReport report = check(statefulSet("server", "registry.example.com/mirror/vault:2.0.4",
                List.of("vault", "server", "-dev")));

        assertThat(report.withRule("DEV_MODE")).singleElement()
                .satisfies(f -> assertThat(f.message()).contains("Container 'server'"));
    }

    @Test
    void ignores_statefulsets_that_do_not_run_vault() {
        CheckReport report = check(statefulSet("postgres",
                "postgres@sha256:3e6a2bbe0b4c4b3f5f0e47d1a3f8f1a7d0a6f5c1b9e2d3c4b5a6978812345678", List.of()));

        assertThat(report.findings()).isEmpty();
    }
}
