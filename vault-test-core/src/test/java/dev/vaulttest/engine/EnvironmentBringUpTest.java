package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.vaulttest.BringUpException;
import dev.vaulttest.DeploymentMode;
import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironmentSpec.EnvironmentTimeouts;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.VaultNode;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.fixture.DoubleKms;
import dev.vaulttest.fixture.PodState;
import dev.vaulttest.internal.Labels;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import dev.vaulttest.vault.KvSecret;
import dev.vaulttest.vault.Sensitive;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The bring-up and the environment handle against fabric8's CRUD mock and the Vault API double: every phase,
 * each seal and mode, failures that must name what was seen, and cleanup.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class EnvironmentBringUpTest {

    KubernetesClient client;

    private static EnvironmentTimeouts fast(Duration podsRunning, Duration ready) {
        return new EnvironmentTimeouts(Duration.ofSeconds(10), podsRunning, ready, Duration.ofMillis(50));
    }

    @Test
    void haRaftWithShamirInitialisesOneNodeJoinsTheOthersAndPassesTheReadyGate() {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().build())) {
            VaultEnvironment env = fixture.environment();

            DeploymentSnapshot snapshot = env.snapshot();
            assertThat(snapshot.nodes()).extracting(NodeSnapshot::name)
                    .containsExactly(env.releaseName() + "-0", env.releaseName() + "-1", env.releaseName() + "-2");
            assertThat(snapshot.nodes()).allMatch(NodeSnapshot::isUnsealed);
            assertThat(snapshot.raft().orElseThrow().voters()).extracting(s -> s.nodeId())
                    .containsExactlyInAnyOrder(env.releaseName() + "-0", env.releaseName() + "-1",
                            env.releaseName() + "-2");
            assertThat(env.unsealKeys()).hasSize(3);
            assertThat(env.recoveryKeys()).isEmpty();
            assertThat(fixture.vault().node(env.releaseName() + "-1").lastRequest("sys/storage/raft/join"))
                    .hasValueSatisfying(join -> assertThat(join.body()).contains("\"leader_api_addr\":\"http://"
                            + env.releaseName() + "-0." + env.releaseName() + "-internal:8200\""));
            assertThat(fixture.vault().node(env.releaseName() + "-0").lastRequest("sys/storage/raft/join")).isEmpty();
            KvSecret canary = env.client().getSecret(ReadyGate.CANARY_MOUNT, ReadyGate.CANARY_PATH).orElseThrow();
            assertThat(canary.data()).containsKey("checked-at");
            assertThat(env.timeline().phases()).extracting(PhaseTiming::phase).containsExactly(Phase.INSTALL,
                    Phase.PODS_RUNNING, Phase.INIT, Phase.UNSEAL, Phase.JOIN,
                    Phase.READY);
        }
    }

    @Test
    void valuesWhoseRetryJoinNamesAnotherReleaseAreJoinedExplicitly() throws Exception {
        Path values = Path.of(getClass().getResource("/environment/retry-join-plain.yaml").toURI());
        VaultEnvironmentSpec spec = DoubleBackedEnvironment.spec().mode(DeploymentMode.FROM_VALUES)
                .values(ChartValues.builder().file(values).build()).build();
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.builder(client).spec(spec).nodes(3).start()) {
            VaultEnvironment env = fixture.environment();

            assertThat(env.snapshot().raft().orElseThrow().voters()).hasSize(3);
            assertThat(fixture.vault().node(2).lastRequest("sys/storage/raft/join")).hasValueSatisfying(
                    join -> assertThat(join.body()).contains(env.releaseName() + "-0." + env.releaseName()
                            + "-internal"));
            assertThat(env.adjustments()).extracting(a -> a.valuePath()).doesNotContain("server.ha.replicas");
        }
    }

    @Test
    void theActiveNodeAndTheStandbysAreTheDoublesLeaderAndFollowers() {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().build())) {
            VaultEnvironment env = fixture.environment();
            String leader = fixture.vault().leader().orElseThrow().name();

            assertThat(env.active().name()).isEqualTo(leader);
            assertThat(env.standbys()).extracting(VaultNode::name).hasSize(2).doesNotContain(leader);
            assertThat(env.node(leader).client().health().isActive()).isTrue();
        }
    }

    @ParameterizedTest
    @EnumSource(value = KmsProvider.class, names = {"LOCALSTACK", "LOCAL_KMS"})
    void awsKmsAutoUnsealCreatesTheKeyAliasPointsPodsAtTheEmulatorAndKeepsRecoveryKeys(KmsProvider provider) {
        VaultEnvironmentSpec spec = DoubleBackedEnvironment.spec().seal(SealSpec.awsKms(provider)).build();
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client, spec)) {
            VaultEnvironment env = fixture.environment();
            DoubleKms kms = fixture.kms().orElseThrow();

            assertThat(env.kms()).containsSame(kms);
            assertThat(kms.provider()).isEqualTo(provider);
            assertThat(kms.aliases()).containsOnlyKeys(ModeValues.KMS_KEY_ALIAS);
            assertThat(env.unsealKeys()).isEmpty();
            assertThat(env.recoveryKeys()).hasSize(3);
            assertThat(env.snapshot().nodes()).hasSize(3).allMatch(NodeSnapshot::isUnsealed);
            Map<String, String> vaultEnv = vaultContainerEnvironment(env);
            assertThat(vaultEnv).containsEntry("VAULT_SEAL_TYPE", "awskms")
                    .containsEntry("VAULT_AWSKMS_SEAL_KEY_ID", ModeValues.KMS_KEY_ALIAS)
                    .containsEntry("AWS_KMS_ENDPOINT", kms.endpointForPods().toString())
                    .containsEntry("AWS_REGION", "us-east-1");
            assertThat(env.adjustments()).extracting(a -> a.valuePath())
                    .contains("server.extraEnvironmentVars.AWS_KMS_ENDPOINT");
        }
    }

    @Test
    void closingAnAutoUnsealEnvironmentStopsItsKmsEmulator() {
        VaultEnvironmentSpec spec = DoubleBackedEnvironment.spec().seal(SealSpec.awsKms(KmsProvider.LOCALSTACK))
                .build();
        DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client, spec);
        DoubleKms kms = fixture.kms().orElseThrow();

        fixture.close();

        assertThat(kms.closed()).isTrue();
    }

    @Test
    void standaloneBringsUpOneActiveNodeWithoutAJoinPhase() {
        VaultEnvironmentSpec spec = DoubleBackedEnvironment.spec().mode(DeploymentMode.STANDALONE)
                .seal(SealSpec.shamir(1, 1)).build();
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client, spec)) {
            VaultEnvironment env = fixture.environment();

            DeploymentSnapshot snapshot = env.snapshot();
            assertThat(snapshot.nodes()).singleElement().satisfies(n -> {
                assertThat(n.role()).isEqualTo(NodeRole.ACTIVE);
                assertThat(n.isUnsealed()).isTrue();
            });
            assertThat(snapshot.raft()).isEmpty();
            assertThat(env.unsealKeys()).hasSize(1);
            assertThat(env.timeline().find(Phase.JOIN)).isEmpty();
            assertThat(env.timeline().find(Phase.READY)).isPresent();
            assertThat(env.effectiveValues().asMap()).extractingByKey("server").asString()
                    .contains("standalone={enabled=true}");
        }
    }

    @Test
    void devModeUsesTheChartsRootTokenAndSkipsInit() {
        VaultEnvironmentSpec spec = DoubleBackedEnvironment.spec().mode(DeploymentMode.DEV).build();
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client, spec)) {
            VaultEnvironment env = fixture.environment();

            assertThat(env.rootToken()).isEqualTo(Sensitive.of("root"));
            assertThat(env.unsealKeys()).isEmpty();
            assertThat(env.timeline().find(Phase.INIT)).isEmpty();
            assertThat(env.snapshot().nodes()).singleElement()
                    .satisfies(n -> assertThat(n.sealStatus().orElseThrow().isInMemoryStorage()).isTrue());
            assertThat(fixture.vault().node(0).lastRequest("sys/init")).isEmpty();
            assertThat(fixture.vault().node(0).lastRequest("sys/seal-status")).isPresent();
        }
    }

    @Test
    void podsStuckPendingFailThePodsRunningPhaseWithTheSchedulersReasonAndLeaveNothingBehind() {
        DoubleBackedEnvironment.Builder builder = DoubleBackedEnvironment.builder(client)
                .spec(DoubleBackedEnvironment.spec().timeouts(fast(Duration.ofMillis(600), Duration.ofSeconds(5)))
                        .build())
                .initialPods(name -> name.endsWith("-0") ? PodState.running(false)
                        : PodState.unschedulable("0/1 nodes are available: 1 node(s) didn't match pod anti-affinity"
                                + " rules."));

        BringUpException failure = catchThrowableOfType(BringUpException.class, builder::start);

        assertThat(failure.phase()).isEqualTo(Phase.PODS_RUNNING);
        assertThat(failure.kept()).isFalse();
        assertThat(failure.getMessage())
                .contains("failed in phase 'pods-running'")
                .contains("Expected: all 3 Vault pod(s)")
                .contains("-1: Pending, unschedulable: Unschedulable (0/1 nodes are available: 1 node(s) didn't match"
                        + " pod anti-affinity rules.)")
                .contains("-0: Running")
                .contains("Everything this environment created was removed");
        assertThat(client.namespaces().list().getItems()).isEmpty();
        assertThat(client.apps().statefulSets().inAnyNamespace().list().getItems()).isEmpty();
    }

    @Test
    void aContainerWaitingOnItsImageIsNamedWithTheKubeletsMessage() {
        DoubleBackedEnvironment.Builder builder = DoubleBackedEnvironment.builder(client)
                .spec(DoubleBackedEnvironment.spec().mode(DeploymentMode.STANDALONE)
                        .timeouts(fast(Duration.ofMillis(400), Duration.ofSeconds(5))).build())
                .initialPods(name -> PodState.waiting("ImagePullBackOff",
                        "Back-off pulling image \"hashicorp/vault:2.0.4\""));

        BringUpException failure = catchThrowableOfType(BringUpException.class, builder::start);

        assertThat(failure.getMessage()).contains("container vault waiting: ImagePullBackOff (Back-off pulling image"
                + " \"hashicorp/vault:2.0.4\")");
    }

    @Test
    void aPodThatCannotStartAsSpecifiedEndsTheWaitAtOnce() {
        DoubleBackedEnvironment.Builder builder = DoubleBackedEnvironment.builder(client)
                .spec(DoubleBackedEnvironment.spec().mode(DeploymentMode.STANDALONE)
                        .timeouts(fast(Duration.ofMinutes(2), Duration.ofSeconds(5))).build())
                .initialPods(name -> PodState.waiting("CreateContainerConfigError",
                        "secret \"vault-kms-credentials\" not found"));
        long start = System.nanoTime();

        BringUpException failure = catchThrowableOfType(BringUpException.class, builder::start);

        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(30));
        assertThat(failure.phase()).isEqualTo(Phase.PODS_RUNNING);
        assertThat(failure.getMessage()).contains("CreateContainerConfigError (secret \"vault-kms-credentials\" not"
                + " found)").contains("waiting longer cannot help");
    }

    @Test
    void podsThatStartRunningLateAreWaitedFor() throws Exception {
        DoubleBackedEnvironment.Builder builder = DoubleBackedEnvironment.builder(client)
                .spec(DoubleBackedEnvironment.spec().mode(DeploymentMode.STANDALONE).seal(SealSpec.shamir(1, 1))
                        .build())
                .initialPods(name -> PodState.waiting("ContainerCreating", ""));
        AtomicReference<Exception> kubeletFailure = new AtomicReference<>();
        Thread kubelet = new Thread(() -> {
            try {
                while (builder.pods().podNames().isEmpty()) {
                    Thread.sleep(20);
                }
                Thread.sleep(600);
                // The pod's template is known before the install creates the pod: on a loaded machine the pod can
                // still be missing here, so setting its status is retried until it exists.
                long deadline = System.nanoTime() + Duration.ofSeconds(5).toNanos();
                while (true) {
                    try {
                        builder.pods().setAll(PodState.running(false));
                        break;
                    } catch (RuntimeException notCreatedYet) {
                        if (System.nanoTime() > deadline) {
                            throw notCreatedYet;
                        }
                        Thread.sleep(50);
                    }
                }
            } catch (InterruptedException | RuntimeException e) {
                kubeletFailure.set(e);
            }
        });
        kubelet.start();
        try (DoubleBackedEnvironment fixture = builder.start()) {
            kubelet.join();
            assertThat(kubeletFailure.get()).as("the simulated kubelet's failure").isNull();
            assertThat(fixture.environment().timeline().find(Phase.PODS_RUNNING).orElseThrow().duration())
                    .isGreaterThanOrEqualTo(Duration.ofMillis(500));
        }
    }

    @Test
    void keepOnFailureLeavesTheNamespaceAndReleaseForInspection() {
        DoubleBackedEnvironment.Builder builder = DoubleBackedEnvironment.builder(client).keepOnFailure(true)
                .spec(DoubleBackedEnvironment.spec().timeouts(fast(Duration.ofMillis(300), Duration.ofSeconds(5)))
                        .build())
                .initialPods(name -> PodState.unschedulable("0/1 nodes are available"));

        BringUpException failure = catchThrowableOfType(BringUpException.class, builder::start);

        assertThat(failure.kept()).isTrue();
        String keptName = client.namespaces().list().getItems().get(0).getMetadata().getName();
        String environment = client.namespaces().list().getItems().get(0).getMetadata().getLabels()
                .get(Labels.ENVIRONMENT);
        assertThat(failure.getMessage()).contains("Kept for inspection")
                .as("the commands also remove what the chart made outside the namespace")
                .contains("\n  kubectl delete namespace " + keptName + "\n")
                .contains(" -l app.kubernetes.io/instance=vault-" + environment + "\n")
                .contains("kubectl delete storageclass -l vault-test.dev/environment=" + environment);
        assertThat(client.namespaces().list().getItems()).singleElement()
                .satisfies(namespace -> assertThat(namespace.getMetadata().getAnnotations())
                        .as("marked, so that later runs never remove it as a killed run's leftover")
                        .hasEntrySatisfying(Labels.KEPT, kept -> assertThat(kept)
                                .endsWith(" bring-up failed in phase 'pods-running' (keep-on-failure)"))
                        .containsKey(Labels.HEARTBEAT));
        assertThat(client.apps().statefulSets().inAnyNamespace().list().getItems()).hasSize(1);
    }

    @Test
    void keepOnFailureNeitherKeepsNorMarksANamespaceThatExistedBefore() {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName("team-vault").endMetadata()
                .build()).create();
        DoubleBackedEnvironment.Builder builder = DoubleBackedEnvironment.builder(client).keepOnFailure(true)
                .spec(DoubleBackedEnvironment.spec().namespace("team-vault")
                        .timeouts(fast(Duration.ofMillis(300), Duration.ofSeconds(5))).build());

        BringUpException failure = catchThrowableOfType(BringUpException.class, builder::start);

        assertThat(failure.kept()).isFalse();
        assertThat(failure.getMessage()).contains("Namespace team-vault already exists").doesNotContain("Kept");
        assertThat(client.namespaces().withName("team-vault").get().getMetadata().getAnnotations())
                .as("someone else's namespace is left as it was").isNullOrEmpty();
    }

    @Test
    void aFollowerThatNeverAnswersFailsTheJoinPhaseWithEveryNodeDescribedAndNoSecrets() {
        DoubleBackedEnvironment.Builder builder = DoubleBackedEnvironment.builder(client)
                .spec(DoubleBackedEnvironment.spec().timeouts(fast(Duration.ofSeconds(5), Duration.ofSeconds(2)))
                        .build())
                .beforeBringUp(vault -> vault.stop(vault.node(2).name()));

        BringUpException failure = catchThrowableOfType(BringUpException.class, builder::start);

        assertThat(failure.phase()).isEqualTo(Phase.JOIN);
        assertThat(failure.getMessage())
                .contains("Timed out waiting for vault-double-")
                .containsPattern("-2 answering sys/seal-status")
                .contains("Nodes:")
                .containsPattern("-2: UNREACHABLE")
                .containsPattern("-0: ACTIVE")
                .contains("Phases so far: install")
                .doesNotContain("hvs.");
        assertThat(client.namespaces().list().getItems()).isEmpty();
    }

    @Test
    void aNodeThatStaysSealedKeepsTheReadyGateShutUntilUnsealAll() {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().build())) {
            VaultEnvironment env = fixture.environment();
            String follower = env.standbys().get(0).name();
            fixture.vault().restart(follower);

            assertThatThrownBy(() -> env.awaitReady(Duration.ofMillis(300)))
                    .hasMessageContaining("ready gate of " + env.namespace())
                    .hasMessageContaining("not unsealed: [" + follower + "]")
                    .hasMessageContaining(follower + ": SEALED");

            DeploymentSnapshot unsealed = env.unsealAll(Duration.ofSeconds(5));
            assertThat(unsealed.nodes()).allMatch(NodeSnapshot::isUnsealed);
            assertThat(env.awaitReady(Duration.ofSeconds(5)).nodesIn(NodeRole.ACTIVE)).hasSize(1);
        }
    }

    @Test
    void theReadyGateRecreatesItsCanaryMountAfterTheDataIsLost() {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().build())) {
            VaultEnvironment env = fixture.environment();
            env.awaitReady(Duration.ofSeconds(5)); // the gate held once, so its canary mount exists
            deleteMount(env.client().endpoint().baseUri(), env.rootToken(), "vault-test-canary");

            assertThat(env.awaitReady(Duration.ofSeconds(5)).nodesIn(NodeRole.ACTIVE)).hasSize(1);
        }
    }

    /** Unmounts a secrets engine as data loss would, behind the library's back. */
    private static void deleteMount(URI vault, Sensitive token, String mount) {
        try {
            HttpResponse<Void> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    vault.resolve("/v1/sys/mounts/" + mount)).header("X-Vault-Token", token.reveal()).DELETE().build(),
                    HttpResponse.BodyHandlers.discarding());
            assertThat(answer.statusCode()).as("unmount " + mount).isEqualTo(204);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Test
    void snapshotReportsAStoppedNodeAndAMissingPodInsteadOfThrowing() {
        DoubleBackedEnvironment fixture = DoubleBackedEnvironment.builder(client).statefulSetController(false)
                .spec(DoubleBackedEnvironment.spec().build()).start();
        try (fixture) {
            VaultEnvironment env = fixture.environment();
            List<String> standbys = env.standbys().stream().map(VaultNode::name).toList();
            fixture.vault().stop(standbys.get(0));
            client.pods().inNamespace(env.namespace()).withName(standbys.get(1)).delete();

            DeploymentSnapshot snapshot = env.snapshot();

            assertThat(snapshot.node(standbys.get(0)).orElseThrow()).satisfies(n -> {
                assertThat(n.role()).isEqualTo(NodeRole.UNREACHABLE);
                assertThat(n.podPhase()).contains("Running");
                assertThat(n.unreachableReason()).isPresent();
            });
            assertThat(snapshot.node(standbys.get(1)).orElseThrow()).satisfies(n -> {
                assertThat(n.podUid()).isEmpty();
                assertThat(n.unreachableReason()).contains("no pod");
            });
        }
    }

    @Test
    void aRecreatedPodIsReachedAgainAndCanBeUnsealed() {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().build())) {
            VaultEnvironment env = fixture.environment();
            String name = env.standbys().get(0).name();
            String oldUid = env.node(name).snapshot().podUid().orElseThrow();

            fixture.pods().recreate(name);

            NodeSnapshot recreated = env.node(name).snapshot();
            assertThat(recreated.podUid()).isPresent().isNotEqualTo(java.util.Optional.of(oldUid));
            assertThat(recreated.role()).isEqualTo(NodeRole.SEALED);
            assertThat(env.unsealAll(Duration.ofSeconds(5)).node(name).orElseThrow().isUnsealed()).isTrue();
        }
    }

    @Test
    void anUnknownNodeNameIsRefusedWithTheNodesThereAre() {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().mode(DeploymentMode.STANDALONE).seal(SealSpec.shamir(1, 1)).build())) {
            VaultEnvironment env = fixture.environment();

            assertThatThrownBy(() -> env.node("vault-9"))
                    .isInstanceOf(IllegalArgumentException.class)
                    .hasMessageContaining("no node 'vault-9'")
                    .hasMessageContaining("[" + env.releaseName() + "-0]");
        }
    }

    @Test
    void aStorageClassTheEnvironmentCreatesCarriesItsLabelAndGoesWithIt() {
        VaultEnvironmentSpec spec = DoubleBackedEnvironment.spec().mode(DeploymentMode.STANDALONE)
                .seal(SealSpec.shamir(1, 1))
                .values(ChartValues.builder().set("server.dataStorage.storageClass=fast-ssd").build()).build();
        DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client, spec);
        String id = fixture.environment().namespace();
        StorageClass created = client.storage().v1().storageClasses().withName("fast-ssd").get();
        assertThat(created).isNotNull();
        assertThat(created.getMetadata().getLabels()).containsKey(Labels.ENVIRONMENT);
        assertThat(created.getReclaimPolicy()).isEqualTo("Retain");

        fixture.close();

        assertThat(client.storage().v1().storageClasses().withName("fast-ssd").get()).as("after close of " + id)
                .isNull();
    }

    @Test
    void anExistingStorageClassWithAnotherReclaimPolicyIsRefusedNotReused() {
        client.storage().v1().storageClasses().resource(new StorageClassBuilder().withNewMetadata()
                .withName("shared-ssd").addToLabels(Labels.ENVIRONMENT, "another-run").endMetadata()
                .withProvisioner("rancher.io/local-path").withReclaimPolicy("Delete").build()).create();
        VaultEnvironmentSpec spec = DoubleBackedEnvironment.spec().mode(DeploymentMode.STANDALONE)
                .seal(SealSpec.shamir(1, 1)).reclaimPolicy(StorageReclaimPolicy.RETAIN)
                .values(ChartValues.builder().set("server.dataStorage.storageClass=shared-ssd").build()).build();
        DoubleBackedEnvironment.Builder builder = DoubleBackedEnvironment.builder(client).spec(spec);

        assertThatThrownBy(builder::start).isInstanceOf(BringUpException.class)
                .hasMessageContaining("StorageClass 'shared-ssd' exists already with reclaimPolicy Delete")
                .hasMessageContaining("created by environment another-run")
                .hasMessageContaining("asks for Retain");
        assertThat(client.storage().v1().storageClasses().withName("shared-ssd").get().getReclaimPolicy())
                .isEqualTo("Delete");
    }

    @Test
    void closeIsIdempotentAndRemovesTheReleaseAndTheNamespace() {
        DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().mode(DeploymentMode.STANDALONE).seal(SealSpec.shamir(1, 1)).build());
        VaultEnvironment env = fixture.environment();
        String namespace = env.namespace();
        assertThat(client.namespaces().withName(namespace).get()).isNotNull();

        env.close();
        env.close();
        fixture.close();

        assertThat(client.namespaces().withName(namespace).get()).isNull();
        assertThat(client.apps().statefulSets().inAnyNamespace().list().getItems()).isEmpty();
        assertThat(env.toString()).contains("closed");
    }

    @Test
    void theHandleNeverShowsTheRootTokenOrTheKeys() {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().build())) {
            VaultEnvironment env = fixture.environment();
            String token = env.rootToken().reveal();
            List<String> keys = env.unsealKeys().stream().map(Sensitive::reveal).toList();

            String shown = env + " " + env.nodes() + " " + env.snapshot().describe() + " " + env.unsealKeys() + " "
                    + env.rootToken() + " " + env.effectiveValues() + " " + env.adjustments();

            assertThat(shown).doesNotContain(token);
            keys.forEach(key -> assertThat(shown).doesNotContain(key));
        }
    }

    @Test
    void theReleaseHistoryComesFromTheInstaller() {
        try (DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(client,
                DoubleBackedEnvironment.spec().mode(DeploymentMode.STANDALONE).seal(SealSpec.shamir(1, 1)).build())) {
            assertThat(fixture.environment().releaseHistory()).singleElement()
                    .satisfies(r -> assertThat(r.status()).isEqualTo("deployed"));
        }
    }

    private Map<String, String> vaultContainerEnvironment(VaultEnvironment env) {
        StatefulSet sts = client.apps().statefulSets().inNamespace(env.namespace()).withName(env.releaseName()).get();
        List<EnvVar> variables = sts.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv();
        return variables.stream().filter(v -> v.getValue() != null)
                .collect(Collectors.toMap(EnvVar::getName, EnvVar::getValue, (a, b) -> b));
    }
}
