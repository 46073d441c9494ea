package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.internal.CleanupCommands;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EnvironmentIdTest {

    @Test
    void randomIdKeepsAReadableHintAndAddsASuffix() {
        EnvironmentId id = EnvironmentId.random("VaultHaRaftTest");

        assertThat(id.value()).matches("vault-ha-raft-tes-[a-z0-9]{6}");
        assertThat(id.value()).hasSizeLessThanOrEqualTo(EnvironmentId.MAX_LENGTH);
    }

    @Test
    void derivedNamesAreValidDnsLabelsAndStayUnique() {
        Set<String> releases = new HashSet<>();
        for (int i = 0; i < 200; i++) {
            EnvironmentId id = EnvironmentId.random("Some_Weird::Name with spaces and a very long tail indeed");
            assertThat(EnvironmentId.isDnsLabel(id.namespace())).as(id.namespace()).isTrue();
            assertThat(EnvironmentId.isDnsLabel(id.releaseName())).as(id.releaseName()).isTrue();
            assertThat(id.releaseName()).startsWith("vault-").hasSizeLessThanOrEqualTo(30);
            releases.add(id.releaseName());
        }
        assertThat(releases).hasSize(200);
    }

    @Test
    void theCleanupHintsDeriveTheReleaseFromTheEnvironmentLabelAsTheIdDoes() {
        EnvironmentId id = EnvironmentId.random("RaftTest");

        assertThat(CleanupCommands.releaseOf(id.value())).isEqualTo(id.releaseName());
    }

    @Test
    void hintsWithoutLettersOrDigitsStillGiveAnId() {
        assertThat(EnvironmentId.random("---").value()).matches("env-[a-z0-9]{6}");
        assertThat(EnvironmentId.random(null).value()).matches("env-[a-z0-9]{6}");
    }

    @Test
    void rejectsInvalidIdsWithAHint() {
        assertThatThrownBy(() -> new EnvironmentId("Bad_Id"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'Bad_Id'")
                .hasMessageContaining("EnvironmentId.random");
        assertThatThrownBy(() -> new EnvironmentId("a".repeat(25))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new EnvironmentId("-leading")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void toDnsLabelTrimsWithoutLeavingATrailingDash() {
        assertThat(EnvironmentId.toDnsLabel("abc-def-ghi", 4)).isEqualTo("abc");
        assertThat(EnvironmentId.toDnsLabel("MyHTTPTest", 20)).isEqualTo("my-httptest");
    }
}
