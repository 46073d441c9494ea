package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.internal.Labels;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.NamespaceListBuilder;
import io.fabric8.kubernetes.api.model.rbac.ClusterRoleBindingBuilder;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * What earlier runs left on an existing cluster, looked at when the library connects: namespaces of killed runs
 * (old heartbeat) are removed with their cluster-wide objects; kept ones and ones without a heartbeat are named;
 * live ones are left alone.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class LeftoverNamespacesTest {

    private static final Instant NOW = Instant.parse("2026-12-02T12:00:00Z");
    private static final Optional<Duration> ONE_HOUR = Optional.of(Duration.ofHours(1));

    /** The API server sets creation times itself, so the listing with known times is served as it is. */
    private static final String LIBRARY_NAMESPACES = "/api/v1/namespaces?labelSelector="
            + Labels.MANAGED_BY.replace("/", "%2F") + "%3D" + Labels.MANAGED_BY_VALUE;

    KubernetesMockServer server;
    KubernetesClient client;

    @Test
    void aNamespaceWithoutAHeartbeatForLongerThanTheLimitIsRemovedWithWhatBelongsToIt() {
        Namespace killed = namespace("vault-test-killed", "env-killed", "2026-12-02T09:00:00Z",
                Map.of(Labels.HEARTBEAT, "2026-12-02T10:00:00Z"));
        serve(killed);
        clusterRoleBinding("vault-killed-server-binding", "vault-test-killed");
        clusterRoleBinding("vault-other-server-binding", "vault-test-other");
        clusterRoleBinding("team-binding", null);
        storageClass("vault-raft-killed", "env-killed");
        storageClass("vault-raft-other", "env-other");

        LeftoverNamespaces.Outcome outcome = LeftoverNamespaces.tidy(client, "cluster 'lab'", NOW, ONE_HOUR);

        assertThat(outcome.removed()).containsExactly("vault-test-killed (3h00m old, no heartbeat for 2h00m)");
        assertThat(outcome.left()).isEmpty();
        assertThat(client.namespaces().withName("vault-test-killed").get()).isNull();
        assertThat(client.rbac().clusterRoleBindings().list().getItems()).extracting(b -> b.getMetadata().getName())
                .containsExactlyInAnyOrder("vault-other-server-binding", "team-binding");
        assertThat(client.storage().v1().storageClasses().list().getItems()).extracting(c -> c.getMetadata().getName())
                .containsExactly("vault-raft-other");
    }

    @Test
    void liveKeptAndHeartbeatlessNamespacesStayAndOnlyTheLastTwoAreNamed() {
        serve(namespace("vault-test-live", "env-live", "2026-12-02T08:00:00Z",
                        Map.of(Labels.HEARTBEAT, "2026-12-02T11:59:30Z")),
                namespace("vault-test-kept", "env-kept", "2026-12-01T12:00:00Z",
                        Map.of(Labels.HEARTBEAT, "2026-12-01T13:00:00Z", Labels.KEPT, "2026-12-01T13:00:00Z a test failed")),
                namespace("vault-test-old-version", "env-old", "2026-12-02T10:30:00Z", Map.of()));

        List<String> warnings = warnings(() -> {
            LeftoverNamespaces.Outcome outcome = LeftoverNamespaces.tidy(client, "cluster 'lab'", NOW, ONE_HOUR);
            assertThat(outcome.removed()).isEmpty();
            assertThat(outcome.left()).containsExactly("vault-test-kept (24h00m old, kept on failure)",
                    "vault-test-old-version (1h30m old, no heartbeat)");
        });

        assertThat(warnings).singleElement().asString()
                .contains("cluster 'lab' holds 2 namespace(s)")
                .contains("vault-test-kept (24h00m old, kept on failure), vault-test-old-version (1h30m old, no heartbeat)")
                .contains("remove them with:\n  kubectl delete namespace vault-test-kept vault-test-old-version\n"
                        + "  kubectl delete clusterrolebinding,clusterrole,mutatingwebhookconfiguration"
                        + " -l 'app.kubernetes.io/instance in (vault-env-kept,vault-env-old)'\n"
                        + "  kubectl delete storageclass -l 'vault-test.dev/environment in (env-kept,env-old)'")
                .doesNotContain("vault-test-live");
        assertThat(client.namespaces().list().getItems()).extracting(ns -> ns.getMetadata().getName())
                .containsExactlyInAnyOrder("vault-test-live", "vault-test-kept", "vault-test-old-version");
    }

    @Test
    void withRemovalOffAnOldHeartbeatIsOnlyNamedAndARecentOneNotAtAll() {
        serve(namespace("vault-test-killed", "env-killed", "2026-12-02T09:00:00Z",
                Map.of(Labels.HEARTBEAT, "2026-12-02T10:00:00Z")),
                namespace("vault-test-live", "env-live", "2026-12-02T11:00:00Z",
                        Map.of(Labels.HEARTBEAT, "2026-12-02T11:59:10Z")));
        clusterRoleBinding("vault-killed-server-binding", "vault-test-killed");

        LeftoverNamespaces.Outcome outcome = LeftoverNamespaces.tidy(client, "cluster 'lab'", NOW, Optional.empty());

        assertThat(outcome.removed()).isEmpty();
        assertThat(outcome.left()).containsExactly("vault-test-killed (3h00m old, last heartbeat 2h00m ago)");
        assertThat(client.namespaces().withName("vault-test-killed").get()).isNotNull();
        assertThat(client.rbac().clusterRoleBindings().withName("vault-killed-server-binding").get()).isNotNull();
    }

    @Test
    void aClusterWithoutLeftoversGetsNoWarning() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-apps").endMetadata()
                .build()).create();

        List<String> warnings = warnings(() -> assertThat(LeftoverNamespaces.tidy(client, "cluster 'lab'", NOW,
                ONE_HOUR)).isEqualTo(new LeftoverNamespaces.Outcome(List.of(), List.of())));

        assertThat(warnings).isEmpty();
    }

    @Test
    void aUserWhoMayNotListNamespacesIsNotWarnedAndNothingIsDeleted() {
        server.expect().get().withPath(LIBRARY_NAMESPACES).andReturn(403, "forbidden").always();

        List<String> warnings = warnings(() -> assertThat(LeftoverNamespaces.tidy(client, "cluster 'lab'", NOW,
                ONE_HOUR)).isEqualTo(new LeftoverNamespaces.Outcome(List.of(), List.of())));

        assertThat(warnings).isEmpty();
        assertThat(server.getRequestCount()).as("only the refused list").isEqualTo(1);
    }

    /** Creates the namespaces and serves their listing with the given creation times. */
    private void serve(Namespace... namespaces) {
        for (Namespace namespace : namespaces) {
            client.namespaces().resource(namespace).create();
        }
        server.expect().get().withPath(LIBRARY_NAMESPACES).andReturn(200, new NamespaceListBuilder()
                .addToItems(namespaces).build()).once();
    }

    private static Namespace namespace(String name, String environment, String created, Map<String, String> annotations) {
        Map<String, String> labels = new HashMap<>(Labels.forEnvironment(environment));
        return new NamespaceBuilder().withNewMetadata().withName(name).withCreationTimestamp(created)
                .withLabels(labels).withAnnotations(annotations).endMetadata().build();
    }

    private void clusterRoleBinding(String name, String releaseNamespace) {
        ClusterRoleBindingBuilder binding = new ClusterRoleBindingBuilder().withNewMetadata().withName(name)
                .endMetadata().withNewRoleRef("rbac.authorization.k8s.io", "ClusterRole", "system:auth-delegator");
        if (releaseNamespace != null) {
            binding.editMetadata().addToAnnotations(NamespaceReaper.HELM_RELEASE_NAMESPACE, releaseNamespace)
                    .endMetadata();
        }
        client.rbac().clusterRoleBindings().resource(binding.build()).create();
    }

    private void storageClass(String name, String environment) {
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata().withName(name)
                .withLabels(Labels.forEnvironment(environment)).endMetadata().withProvisioner("rancher.io/local-path")
                .build()).create();
    }

    /**
     * The WARN records slf4j-simple writes to System.err while the action runs (see simplelogger.properties), each
     * with its continuation lines.
     */
    private static List<String> warnings(Runnable action) {
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(originalErr);
        }
        return Arrays.stream(captured.toString(StandardCharsets.UTF_8).split("(?m)^(?=\\[)"))
                .filter(entry -> entry.contains("WARN") && entry.contains("LeftoverNamespaces")).toList();
    }
}
