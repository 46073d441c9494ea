package dev.vaulttest.vault;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.vault.VaultNodeClient.RaftJoinRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/** The request each operation declares: its method, its path template and whether it sends the token. */
class VaultOperationTest {

    @Test
    void segmentsFillThePlaceholdersInOrder() {
        assertThat(VaultOperation.KV_GET.path("team/kv", "app/db")).isEqualTo("team/kv/data/app/db");
        assertThat(VaultOperation.WRITE_KUBERNETES_ROLE.path("kubernetes", "app"))
                .isEqualTo("auth/kubernetes/role/app");
        assertThat(VaultOperation.SNAPSHOT_RESTORE.path("snapshot-force"))
                .isEqualTo("sys/storage/raft/snapshot-force");
        assertThat(VaultOperation.SEAL_STATUS.path()).isEqualTo("sys/seal-status");
    }

    @Test
    void aWrongNumberOfSegmentsIsAProgrammingError() {
        assertThatThrownBy(() -> VaultOperation.KV_GET.path("kv")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("KV_GET");
        assertThatThrownBy(() -> VaultOperation.SEAL.path("extra")).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("takes 0 path segment(s), got 1");
    }

    @Test
    void theTokenGoesOnlyToOperationsThatSendIt() {
        List<String> seen = new CopyOnWriteArrayList<>();
        try (StubVault stub = StubVault.with(request -> {
            seen.add(request);
            return new StubVault.Answer(200, "application/json",
                    "{\"initialized\":true,\"joined\":true}".getBytes(StandardCharsets.UTF_8), Duration.ZERO);
        })) {
            VaultNodeClient anonymous = VaultNodeClient.create(VaultEndpoint.of("stub", stub.uri()));
            VaultNodeClient root = anonymous.withToken(Sensitive.of("hvs.StubRootTokenStubRootToken1"));
            RaftJoinRequest join = RaftJoinRequest.to("https://vault-0:8200");

            root.isInitialized();
            root.raftJoin(join);
            anonymous.raftJoin(join);
            assertThatThrownBy(anonymous::stepDown).isInstanceOf(VaultApiException.class)
                    .hasMessageContaining("needs a Vault token");
        }

        assertThat(seen).hasSize(3);
        assertThat(seen.get(0)).as("INIT_STATUS never sends it").endsWith("token=null");
        assertThat(seen.get(1)).as("RAFT_JOIN sends it when present").endsWith("token=hvs.StubRootTokenStubRootToken1");
        assertThat(seen.get(2)).as("RAFT_JOIN without one").endsWith("token=null");
    }

    @ParameterizedTest
    @EnumSource(VaultOperation.class)
    void everyOperationDeclaresAMethodAndAPathBelowV1(VaultOperation operation) {
        List<String> rendered = new ArrayList<>();
        for (int count = 0; count <= 3; count++) {
            try {
                rendered.add(operation.path(segments(count)));
            } catch (IllegalStateException e) {
                // not this many placeholders
            }
        }

        assertThat(rendered).as("paths of " + operation + " with 0 to 3 segments").singleElement().asString()
                .doesNotContain("{", "}", "//").doesNotStartWith("/").doesNotEndWith("/");
        assertThat(operation.method()).isIn("GET", "PUT", "POST");
        assertThat(operation.token()).isNotNull();
    }

    private static String[] segments(int count) {
        String[] segments = new String[count];
        Arrays.fill(segments, "x");
        return segments;
    }
}
