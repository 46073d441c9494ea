package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.internal.Labels;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** What earlier runs left on an existing cluster, told when the library connects; nothing is deleted. */
@EnableKubernetesMockClient(crud = true, https = false)
class LeftoverNamespacesTest {

    KubernetesMockServer server;
    KubernetesClient client;

    /** The API server sets creation times itself, so the listing with known times is served as it is. */
    private static final String LIBRARY_NAMESPACES = "/api/v1/namespaces?labelSelector="
            + Labels.MANAGED_BY.replace("/", "%2F") + "%3D" + Labels.MANAGED_BY_VALUE;

    @Test
    void namespacesOfEarlierRunsAreNamedOldestFirstWithTheCommandThatRemovesThem() {
        server.expect().get().withPath(LIBRARY_NAMESPACES).andReturn(200, new NamespaceListBuilder()
                .addToItems(namespace("vault-test-env-young", "2026-12-02T10:00:00Z"))
                .addToItems(namespace("vault-test-env-old", "2026-12-02T09:00:00Z")).build()).once();

        List<String> warnings = warnings(() -> assertThat(LeftoverNamespaces.report(client, "cluster 'lab'",
                Instant.parse("2026-12-02T10:30:00Z")))
                .containsExactly("vault-test-env-old (90m00s old)", "vault-test-env-young (30m00s old)"));

        assertThat(warnings).singleElement().asString()
                .contains("cluster 'lab' holds 2 namespace(s)")
                .contains("vault-test-env-old (90m00s old), vault-test-env-young (30m00s old)")
                .contains(LeftoverNamespaces.CLEANUP);
        assertThat(server.getRequestCount()).as("one list, nothing deleted").isEqualTo(1);
    }

    @Test
    void aClusterWithoutLeftoversGetsNoWarning() {
        client.namespaces().resource(namespace("team-apps", "2026-12-01T09:00:00Z")).create();

        List<String> warnings = warnings(() -> assertThat(LeftoverNamespaces.report(client, "cluster 'lab'",
                Instant.now())).isEmpty());

        assertThat(warnings).isEmpty();
    }

    @Test
    void aUserWhoMayNotListNamespacesIsNotWarned() {
        server.expect().get().withPath(LIBRARY_NAMESPACES).andReturn(403, "forbidden").always();

        List<String> warnings = warnings(() -> assertThat(LeftoverNamespaces.report(client, "cluster 'lab'",
                Instant.now())).isEmpty());

        assertThat(warnings).isEmpty();
        assertThat(server.getRequestCount()).as("the refused list was asked for").isGreaterThanOrEqualTo(1);
    }

    private static Namespace namespace(String name, String created) {
        return new NamespaceBuilder().withNewMetadata().withName(name).withCreationTimestamp(created).endMetadata()
                .build();
    }

    /** The WARN lines slf4j-simple writes to System.err while the action runs (see simplelogger.properties). */
    private static List<String> warnings(Runnable action) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(originalErr);
        }
        return captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("WARN") && line.contains("LeftoverNamespaces")).toList();
    }
}
