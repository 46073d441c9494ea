package dev.vaulttest.internal.rendered;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class ImageReferenceTest {

    @ParameterizedTest
    @ValueSource(strings = {"hashicorp/vault:1.2.3", "hashicorp/vault:v1.2.3", "hashicorp/vault:1.2.3-ent",
        "hashicorp/vault:2.0.4-ubi", "hashicorp/vault:1.21.2-ent.hsm", "localhost:5000/vault:1.20.4",
        "hashicorp/vault@sha256:3e6a2bbe0b4c4b3f5f0e47d1a3f8f1a7d0a6f5c1b9e2d3c4b5a6978812345678",
        "hashicorp/vault:latest@sha256:3e6a2bbe0b4c4b3f5f0e47d1a3f8f1a7d0a6f5c1b9e2d3c4b5a6978812345678"})
    void counts_exact_versions_and_digests_as_pinned(String image) {
        assertThat(ImageReference.parse(image).whyNotPinned()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"hashicorp/vault,has no tag", "localhost:5000/vault,has no tag", "hashicorp/vault:latest,'latest'",
        "hashicorp/vault:1,'1'", "hashicorp/vault:1.2,'1.2'", "hashicorp/vault:main,'main'",
        "hashicorp/vault:1.2.x,'1.2.x'"})
    void reports_why_a_reference_is_not_pinned(String image, String reason) {
        assertThat(ImageReference.parse(image).whyNotPinned()).hasValueSatisfying(r -> assertThat(r).contains(reason));
    }

    @Test
    void splits_registry_port_repository_tag_and_digest() {
        ImageReference ref = ImageReference.parse("registry.example.com:5000/team/vault:1.2.3@sha256:abc");

        assertThat(ref.repository()).isEqualTo("registry.example.com:5000/team/vault");
        assertThat(ref.repositoryName()).isEqualTo("vault");
        assertThat(ref.tag()).contains("1.2.3");
        assertThat(ref.digest()).contains("sha256:abc");
    }
}
