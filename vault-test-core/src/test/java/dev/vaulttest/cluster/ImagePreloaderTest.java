package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.cluster.K3sCluster.ImagePreloadReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ImagePreloaderTest {

    @TempDir
    Path archives;

    /** A host store that has only the Vault image. */
    private final ImageStore store = new ImageStore() {
        @Override
        public boolean has(String image) {
            return image.equals("hashicorp/vault:2.0.4");
        }

        @Override
        public void save(String image, Path archive) {
            try {
                Files.writeString(archive, "archive of " + image);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    };

    @Test
    void exportsTheImagesTheHostHasAndListsTheOthers() throws IOException {
        ImagePreloader.Exported exported = new ImagePreloader(store)
                .export(List.of("hashicorp/vault:2.0.4", "hashicorp/vault-k8s:1.7.6"), archives);

        assertThat(exported.archives()).containsOnlyKeys("hashicorp/vault:2.0.4");
        Path archive = exported.archives().get("hashicorp/vault:2.0.4");
        assertThat(archive.getFileName().toString()).isEqualTo("hashicorp_vault_2.0.4.tar");
        assertThat(Files.readString(archive)).isEqualTo("archive of hashicorp/vault:2.0.4");
        assertThat(exported.missing()).containsExactly("hashicorp/vault-k8s:1.7.6");
        assertThat(exported.bytes()).isEqualTo(Files.size(archive));
    }

    @Test
    void reportCountsOnlyImagesContainerdActuallyLists() {
        ImagePreloader.Exported exported = new ImagePreloader(store)
                .export(List.of("hashicorp/vault:2.0.4", "hashicorp/vault-k8s:1.7.6"), archives);

        ImagePreloadReport imported = ImagePreloader.report(exported,
                Set.of("docker.io/hashicorp/vault:2.0.4", "docker.io/rancher/mirrored-pause:3.6"));
        ImagePreloadReport notImported = ImagePreloader.report(exported, Set.of());

        assertThat(imported.preloaded()).containsExactly("hashicorp/vault:2.0.4");
        assertThat(imported.toBePulled()).containsExactly("hashicorp/vault-k8s:1.7.6");
        assertThat(notImported.preloaded()).isEmpty();
        assertThat(notImported.toBePulled()).containsExactlyInAnyOrder("hashicorp/vault:2.0.4", "hashicorp/vault-k8s:1.7.6");
    }

    @Test
    void containerdReferencesAreFullyQualified() {
        assertThat(ImagePreloader.containerdReference("hashicorp/vault:2.0.4")).isEqualTo("docker.io/hashicorp/vault:2.0.4");
        assertThat(ImagePreloader.containerdReference("busybox")).isEqualTo("docker.io/library/busybox:latest");
        assertThat(ImagePreloader.containerdReference("ghcr.io/acme/vault:1")).isEqualTo("ghcr.io/acme/vault:1");
        assertThat(ImagePreloader.containerdReference("localhost:5000/vault")).isEqualTo("localhost:5000/vault:latest");
        assertThat(ImagePreloader.containerdReference("docker.io/hashicorp/vault@sha256:abc"))
                .isEqualTo("docker.io/hashicorp/vault@sha256:abc");
    }
}
