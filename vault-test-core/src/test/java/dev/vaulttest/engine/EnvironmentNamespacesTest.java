package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.cluster.ClusterException;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import dev.vaulttest.internal.Labels;
import dev.vaulttest.internal.Wait;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class EnvironmentNamespacesTest {

    KubernetesClient client;
    KubernetesMockServer server;

    private final EnvironmentId id = new EnvironmentId("ns-test-abc123");

    @Test
    void createsTheMainNamespaceWithTheEnvironmentLabels() {
        EnvironmentNamespaces namespaces = new EnvironmentNamespaces(() -> client, id);

        String name = namespaces.createMain();

        assertThat(name).isEqualTo("vault-test-ns-test-abc123");
        Namespace created = client.namespaces().withName(name).get();
        assertThat(created.getMetadata().getLabels())
                .containsEntry("vault-test.dev/environment", "ns-test-abc123")
                .containsEntry("app.kubernetes.io/managed-by", "vault-test");
        assertThat(namespaces.created()).containsExactly(name);
    }

    @Test
    void theNamespaceIsCreatedWithAHeartbeatThatIsRenewedUntilClose() {
        Instant created = Instant.parse("2026-12-02T10:00:00Z");
        AtomicReference<Instant> now = new AtomicReference<>(created);
        Clock clock = new Clock() {
            @Override
            public Instant instant() {
                return now.get();
            }

            @Override
            public ZoneId getZone() {
                return ZoneOffset.UTC;
            }

            @Override
            public Clock withZone(ZoneId zone) {
                return this;
            }
        };
        EnvironmentId beating = new EnvironmentId("ns-test-beats");
        EnvironmentNamespaces namespaces = new EnvironmentNamespaces(() -> client, beating, Duration.ofMillis(50), clock);
        String name = namespaces.createMain();
        assertThat(heartbeat(name)).isEqualTo(created.toString());

        Instant later = created.plusSeconds(60);
        now.set(later);
        Wait.until("the heartbeat of " + name + " renewed", Duration.ofSeconds(10), Duration.ofMillis(20),
                () -> heartbeat(name), later.toString()::equals, beat -> "heartbeat " + beat);

        namespaces.close();
        assertThat(Wait.until("the heartbeat thread of " + beating + " ended", Duration.ofSeconds(5),
                Duration.ofMillis(20), () -> heartbeatThreads(beating), List::isEmpty,
                threads -> "still running: " + threads)).isEmpty();
    }

    @Test
    void aUserWhoMayNotPatchNamespacesIsToldOnceThatOtherRunsWillRemoveTheirNamespace() {
        EnvironmentId refused = new EnvironmentId("ns-test-refused");
        server.expect().patch().withPath("/api/v1/namespaces/" + refused.namespace())
                .andReturn(403, "namespaces is forbidden: User cannot patch resource").always();
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        PrintStream originalErr = System.err;
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        EnvironmentNamespaces namespaces = new EnvironmentNamespaces(() -> client, refused, Duration.ofMillis(50),
                Clock.systemUTC());
        try {
            namespaces.createMain();
            int beforeRenewals = server.getRequestCount();
            Wait.until("three refused renewals of " + refused.namespace(), Duration.ofSeconds(10),
                    Duration.ofMillis(20), () -> server.getRequestCount() - beforeRenewals, count -> count >= 3,
                    count -> count + " request(s) since the namespace was created");
        } finally {
            namespaces.close();
            System.setErr(originalErr);
        }

        assertThat(captured.toString(StandardCharsets.UTF_8).lines()
                .filter(line -> line.contains("WARN") && line.contains("NamespaceHeartbeat")))
                .singleElement().asString()
                .contains("Cannot renew the heartbeat of namespace " + refused.namespace())
                .contains("(HTTP 403)").contains("vaulttest.reap-after=never");
    }

    private String heartbeat(String namespace) {
        Namespace current = client.namespaces().withName(namespace).get();
        return current == null || current.getMetadata().getAnnotations() == null ? null
                : current.getMetadata().getAnnotations().get(Labels.HEARTBEAT);
    }

    private static List<String> heartbeatThreads(EnvironmentId environment) {
        return Thread.getAllStackTraces().keySet().stream().filter(Thread::isAlive).map(Thread::getName)
                .filter(("vault-test-heartbeat-" + environment.value())::equals).toList();
    }

    @Test
    void refusesToAdoptAnExistingNamespaceAndLeavesItUntouched() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-vault")
                .addToLabels("team", "platform").endMetadata().build()).create();
        EnvironmentNamespaces namespaces = new EnvironmentNamespaces(() -> client, id);

        assertThatThrownBy(() -> namespaces.create("team-vault"))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("Namespace team-vault already exists (not created by vault-test)");

        namespaces.close();
        Namespace untouched = client.namespaces().withName("team-vault").get();
        assertThat(untouched).isNotNull();
        assertThat(untouched.getMetadata().getLabels()).containsOnlyKeys("team");
    }

    @Test
    void closeSwitchesTheRetainedVolumesOfItsClaimsToDeleteAndLeavesOthersAlone() {
        EnvironmentNamespaces namespaces = new EnvironmentNamespaces(() -> client, id);
        String name = namespaces.createMain();
        volume("pv-ours", name, "Retain");
        volume("pv-theirs", "team-vault", "Retain");

        namespaces.close();

        assertThat(reclaimPolicy("pv-ours")).isEqualTo("Delete");
        assertThat(reclaimPolicy("pv-theirs")).isEqualTo("Retain");
    }

    private void volume(String name, String claimNamespace, String reclaimPolicy) {
        client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName(name).endMetadata()
                .withNewSpec().withPersistentVolumeReclaimPolicy(reclaimPolicy)
                .withNewClaimRef().withNamespace(claimNamespace).withName("data-vault-0").endClaimRef().endSpec()
                .build()).create();
    }

    private String reclaimPolicy(String volume) {
        return client.persistentVolumes().withName(volume).get().getSpec().getPersistentVolumeReclaimPolicy();
    }

    @Test
    void closeDeletesOnlyTheNamespacesItCreated() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("default").endMetadata().build())
                .create();
        EnvironmentId other = new EnvironmentId("other-env-xyz999");
        new EnvironmentNamespaces(() -> client, other).createMain();
        EnvironmentNamespaces namespaces = new EnvironmentNamespaces(() -> client, id);
        namespaces.createMain();
        namespaces.create("vault-test-ns-test-abc123-kms");

        namespaces.close();
        namespaces.awaitDeleted(Duration.ofSeconds(5));

        assertThat(client.namespaces().list().getItems()).extracting(n -> n.getMetadata().getName())
                .containsExactlyInAnyOrder("default", other.namespace());
    }

    @Test
    void closeSkipsANamespaceWhoseOwnershipLabelWasChanged() {
        EnvironmentNamespaces namespaces = new EnvironmentNamespaces(() -> client, id);
        String name = namespaces.createMain();
        client.namespaces().withName(name).edit(n -> new NamespaceBuilder(n).editMetadata()
                .addToLabels("vault-test.dev/environment", "someone-else").endMetadata().build());

        namespaces.close();

        assertThat(client.namespaces().withName(name).get()).isNotNull();
    }

    @Test
    void closeIsIdempotentAndForbidsLaterCreation() {
        EnvironmentNamespaces namespaces = new EnvironmentNamespaces(() -> client, id);
        namespaces.createMain();

        namespaces.close();
        namespaces.close();

        assertThatThrownBy(() -> namespaces.create("late-namespace"))
                .isInstanceOf(ClusterException.class)
                .hasMessageContaining("already closed");
    }

    @Test
    void rejectsNamesThatAreNotDnsLabels() {
        EnvironmentNamespaces namespaces = new EnvironmentNamespaces(() -> client, id);

        assertThatThrownBy(() -> namespaces.create("Not_Valid"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("Not_Valid");
    }
}
