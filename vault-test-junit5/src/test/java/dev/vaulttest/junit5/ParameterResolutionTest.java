package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.base.Versions;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.junit5.fake.Journal;
import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.vault.VaultNodeClient;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.NamespacedKubernetesClient;
import io.github.jopenlibs.vault.Vault;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInfo;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.io.TempDir;
import org.junit.platform.testkit.engine.EngineExecutionResults;

class ParameterResolutionTest {

    @TempDir
    Path reports;

    @Test
    void everySupportedTypeIsInjectedIntoTestsAndLifecycleMethods() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(AllTypesTestCases.class);

        results.allEvents().assertStatistics(stats -> stats.failed(0));
        results.testEvents().assertStatistics(stats -> stats.succeeded(2));
        assertThat(Journal.events("resolved")).containsExactly("resolved in beforeAll", "resolved in beforeEach",
                "resolved in test", "resolved in afterEach", "resolved in beforeEach", "resolved in test",
                "resolved in afterEach");
    }

    @Test
    void qualifiersPickTheActiveNodeAStandbyOrANodeByNameOrOrdinal() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(QualifiersTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void anUnqualifiedNodeIsAmbiguousWhenThereAreSeveral() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(AmbiguousNodeTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("parameter 0 (VaultNode) of AmbiguousNodeTestCases.test(VaultNode)")
                .hasMessageContaining("is ambiguous: the deployment has 3 nodes [vault-fake-1-0, vault-fake-1-1, vault-fake-1-2]")
                .hasMessageContaining("@Active, @Standby or @Node"));
    }

    @Test
    void anUnqualifiedNodeIsTheOnlyNodeOfASingleNodeDeployment() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(SingleNodeTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void anUnsupportedTypeFailsWithTheListOfWhatCanBeInjected() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(UnsupportedTypeTestCases.class);

        List<Throwable> failures = EngineRuns.failures(results);
        assertThat(failures).hasSize(2).allSatisfy(failure -> assertThat(failure)
                .isInstanceOf(ParameterResolutionException.class)
                .hasMessageContaining("vault-test cannot inject")
                .hasMessageContaining("It injects: VaultEnvironment; VaultNode (with @Active, @Standby or @Node")
                .hasMessageContaining("KubernetesClient").hasMessageContaining("KmsEmulator")
                .hasMessageContaining("DeploymentSnapshot"));
        assertThat(failures).anySatisfy(failure -> assertThat(failure).hasMessageContaining("parameter 0 (NodeSnapshot) of UnsupportedTypeTestCases.snapshotOfANode(NodeSnapshot)"));
        assertThat(failures).anySatisfy(failure -> assertThat(failure)
                .hasMessageContaining("(NamespacedKubernetesClient) of"));
    }

    @Test
    void aQualifierOnATypeItCannotQualifyIsRejected() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(MisplacedQualifierTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessageContaining("is a VaultEnvironment: @Active, @Standby and @Node only qualify"));
    }

    @Test
    void aStandbyIndexOutOfRangeNamesTheStandbys() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(StandbyOutOfRangeTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessageContaining("asks for @Standby(5), but there are 2 unsealed standbys now"
                        + " [vault-fake-1-1, vault-fake-1-2]"));
    }

    @Test
    void anUnknownNodeNameListsTheNodes() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(UnknownNodeTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessageContaining("asks for @Node(\"vault-7\"), but the deployment's nodes are"
                        + " [vault-fake-1-0, vault-fake-1-1, vault-fake-1-2]"));
    }

    @Test
    void theKmsEmulatorFailsClearlyWhenTheDeploymentIsSealedWithShamir() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(KmsWithShamirTestCases.class);

        assertThat(EngineRuns.failures(results)).singleElement().satisfies(failure -> assertThat(failure)
                .hasMessageContaining("asks for the KMS emulator, but the deployment has none: it is sealed with"
                        + " Shamir keys")
                .hasMessageContaining("@AutoUnseal(kms = KmsProvider.LOCALSTACK)"));
    }

    @Test
    void theKmsEmulatorIsInjectedUnderAutoUnseal() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(KmsTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Test
    void withAnExternalKmsEndpointTheAutoUnsealDeploymentGetsTheExternalEmulator() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports)
                .with(VaultTestSettings.KMS_ENDPOINT, "http://10.0.0.5:8080").run(ExternalKmsTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        assertThat(Journal.events("kms")).containsExactly("kms EXTERNAL");
    }

    @Test
    void theInjectedChaosUsesTheCanaryImageSettingElseThePinnedOne() {
        EngineRuns.reportingTo(reports).run(CanaryImageTestCases.class)
                .testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
        List<String> pinned = Journal.events("canary");
        EngineRuns.reportingTo(reports).with(VaultTestSettings.CANARY_IMAGE, "registry.local/curlimages/curl:8.11.1")
                .run(CanaryImageTestCases.class).testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));

        assertThat(pinned).containsExactly("canary " + Versions.CANARY_IMAGE);
        assertThat(Journal.events("canary")).containsExactly("canary registry.local/curlimages/curl:8.11.1");
    }

    @Test
    void parametersOfOtherLibrariesAreLeftToTheirResolvers() {
        EngineExecutionResults results = EngineRuns.reportingTo(reports).run(OtherResolversTestCases.class);

        results.testEvents().assertStatistics(stats -> stats.succeeded(1).failed(0));
    }

    @Fixture
    @VaultTest
    static class AllTypesTestCases {

        @BeforeAll
        static void beforeAll(VaultEnvironment vault, KubernetesClient client, List<VaultNode> nodes) {
            assertThat(nodes).hasSize(3);
            assertThat(client).isSameAs(vault.kubernetes());
            Journal.note("resolved in beforeAll");
        }

        @BeforeEach
        void beforeEach(VaultEnvironment vault, @Active VaultNode active) {
            assertThat(active).isSameAs(vault.active());
            Journal.note("resolved in beforeEach");
        }

        @Test
        void everyType(VaultEnvironment vault, @Active VaultNode active, List<VaultNode> nodes,
                @Standby List<VaultNode> standbys, KubernetesClient client, KubernetesCluster cluster,
                Vault driver, VaultNodeClient nodeClient, DeploymentSnapshot snapshot, Chaos chaos) {
            assertThat(nodes).isEqualTo(vault.nodes());
            assertThat(chaos.environment()).isSameAs(vault);
            assertThat(standbys).isEqualTo(vault.standbys()).doesNotContain(active);
            assertThat(cluster).isSameAs(vault.cluster());
            assertThat(driver).isNotNull();
            assertThat(nodeClient.endpoint().nodeName()).isEqualTo(active.name());
            assertThat(nodeClient.hasToken()).isTrue();
            assertThat(snapshot.nodes()).hasSize(3);
            client.configMaps().inNamespace("default").resource(new ConfigMapBuilder().withNewMetadata()
                    .withName("written-by-test").endMetadata().build()).create();
            assertThat(client.configMaps().inNamespace("default").withName("written-by-test").get()).isNotNull();
            Journal.note("resolved in test");
        }

        @Test
        void again(VaultEnvironment vault) {
            Journal.note("resolved in test");
        }

        @AfterEach
        void afterEach(DeploymentSnapshot snapshot) {
            assertThat(snapshot).isNotNull();
            Journal.note("resolved in afterEach");
        }
    }

    @Fixture
    @VaultTest
    static class QualifiersTestCases {
        @Test
        void qualified(VaultEnvironment vault, @Active VaultNode active, @Standby VaultNode firstStandby,
                @Standby(1) VaultNode secondStandby, @Node("vault-fake-1-2") VaultNode byName,
                @Node("vault-1") VaultNode byOrdinalName, @Node("0") VaultNode byOrdinal,
                @Standby VaultNodeClient standbyClient, @Node("2") Vault driverOfNode2) {
            assertThat(active.name()).isEqualTo("vault-fake-1-0");
            assertThat(firstStandby.name()).isEqualTo("vault-fake-1-1");
            assertThat(secondStandby.name()).isEqualTo("vault-fake-1-2");
            assertThat(byName.name()).isEqualTo("vault-fake-1-2");
            assertThat(byOrdinalName.name()).isEqualTo("vault-fake-1-1");
            assertThat(byOrdinal.name()).isEqualTo("vault-fake-1-0");
            assertThat(standbyClient.endpoint().nodeName()).isEqualTo("vault-fake-1-1");
            assertThat(driverOfNode2).isNotNull();
        }
    }

    @Fixture
    @VaultTest
    static class AmbiguousNodeTestCases {
        @Test
        void test(VaultNode node) {
            Journal.note("test ran");
        }
    }

    @Fixture
    @VaultTest
    @VaultDeployment(replicas = 1)
    static class SingleNodeTestCases {
        @Test
        void test(VaultNode node, VaultEnvironment vault) {
            assertThat(node).isSameAs(vault.nodes().get(0));
        }
    }

    @Fixture
    @VaultTest
    static class UnsupportedTypeTestCases {
        @Test
        void snapshotOfANode(NodeSnapshot snapshot) {
            Journal.note("test ran");
        }

        @Test
        void namespacedClient(NamespacedKubernetesClient client) {
            Journal.note("test ran");
        }
    }

    @Fixture
    @VaultTest
    static class MisplacedQualifierTestCases {
        @Test
        void test(@Active VaultEnvironment vault) {
            Journal.note("test ran");
        }
    }

    @Fixture
    @VaultTest
    static class StandbyOutOfRangeTestCases {
        @Test
        void test(@Standby(5) VaultNode node) {
            Journal.note("test ran");
        }
    }

    @Fixture
    @VaultTest
    static class UnknownNodeTestCases {
        @Test
        void test(@Node("vault-7") VaultNode node) {
            Journal.note("test ran");
        }
    }

    @Fixture
    @VaultTest
    static class KmsWithShamirTestCases {
        @Test
        void test(KmsEmulator kms) {
            Journal.note("test ran");
        }
    }

    @Fixture
    @VaultTest
    @AutoUnseal(kms = KmsProvider.LOCAL_KMS)
    static class KmsTestCases {
        @Test
        void test(KmsEmulator kms) {
            assertThat(kms.provider()).isEqualTo(KmsProvider.LOCAL_KMS);
        }
    }

    @Fixture
    @VaultTest
    @AutoUnseal(kms = KmsProvider.LOCAL_KMS)
    static class ExternalKmsTestCases {
        @Test
        void test(KmsEmulator kms) {
            Journal.note("kms " + kms.provider());
        }
    }

    @Fixture
    @VaultTest
    static class CanaryImageTestCases {
        @Test
        void test(Chaos chaos) {
            Journal.note("canary " + chaos.options().canaryImage());
        }
    }

    @Fixture
    @VaultTest
    static class OtherResolversTestCases {
        @Test
        void test(TestInfo info, @TempDir Path directory, VaultEnvironment vault) {
            assertThat(info.getDisplayName()).isEqualTo("test(TestInfo, Path, VaultEnvironment)");
            assertThat(directory).isDirectory();
        }
    }
}
