package dev.vaulttest.samples.checklist;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static dev.vaulttest.assertj.VaultAssertions.assertThatKubernetesLogin;
import static dev.vaulttest.assertj.VaultAssertions.assertThatKubernetesStateOf;
import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.chaos.PodDeletion;
import dev.vaulttest.chaos.RecoveryProbe;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ReleaseRevision;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.OfflineCheck;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.junit5.AutoUnseal;
import dev.vaulttest.junit5.Disruptive;
import dev.vaulttest.junit5.Standby;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import dev.vaulttest.samples.support.ApplicationAccounts;
import dev.vaulttest.samples.support.RequiresOfficialChart;
import dev.vaulttest.vault.KubernetesAuthConfig;
import dev.vaulttest.vault.KubernetesRole;
import dev.vaulttest.vault.VaultApiException;
import dev.vaulttest.vault.VaultNodeClient;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.response.LogicalResponse;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The pre-production checklist as one test class: copy it into your repository, point the constants below at your
 * own values file, chart version, StorageClasses and applications, and run it in CI before every release.
 *
 * <p>The static part renders the chart with your values (no cluster) and runs the production-readiness rules. The
 * live part installs the same chart and values on k3s (Docker), or on your cluster with
 * {@code -Dvaulttest.kubeconfig=...}, and checks the same items on what runs. The live part expects an
 * {@code awskms} seal in your values (tested against a KMS emulator); other auto-unseal types are flagged as not
 * testable.
 *
 * <ol>
 *   <li>Vault is not in dev mode.</li>
 *   <li>Auto-unseal is configured, and a restarted pod unseals itself.</li>
 *   <li>Each pod has its own persistent volume, of a StorageClass that retains the data.</li>
 *   <li>Raft snapshots can be taken.</li>
 *   <li>Kubernetes auth works from each namespace that needs it.</li>
 *   <li>Images and the chart are pinned to exact versions.</li>
 *   <li>Audit is enabled, on its own persistent volume.</li>
 * </ol>
 */
class PreProductionChecklistTest {

    // tag::checklist-configuration[]
    // Your values file, as you pass it to helm install -f.
    static final String VALUES_FILE = "src/test/resources/values/production.yaml";

    // The exact chart version you deploy (helm install --version).
    static final String CHART_VERSION = "0.34.1";

    // Your cluster's StorageClasses: kubectl get storageclass -o yaml > storage-classes.yaml
    static final String STORAGE_CLASSES_FILE = "src/test/resources/values/storage-classes-retain.yaml";

    // How many schedulable nodes your cluster has (required pod anti-affinity must fit on them).
    static final int CLUSTER_NODES = 3;

    // Every namespace whose workloads log in with Kubernetes auth, and the service account they use.
    static final Map<String, String> KUBERNETES_AUTH_CLIENTS =
            Map.of("payments", "payments-api", "billing", "billing-worker");

    // The audience your applications' service account tokens carry for Vault (the roles' audience).
    static final String TOKEN_AUDIENCE = "vault";

    // Where your audit device writes: a file on the audit volume (server.auditStorage).
    static final String AUDIT_FILE = "/vault/audit/vault-audit.log";
    // end::checklist-configuration[]

    /** The checklist on the rendered chart: runs in every build, no Docker. */
    @Nested
    @RequiresOfficialChart
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class Static {

        private CheckReport report;

        @BeforeAll
        void renderTheChartAndRunTheRules() {
            report = OfflineCheck.builder()
                    .chart(ChartSource.official(CHART_VERSION))
                    .valuesFile(Path.of(VALUES_FILE))
                    .storageClassManifest(Path.of(STORAGE_CLASSES_FILE))
                    .nodeCount(CLUSTER_NODES)
                    .build()
                    .run();
        }

        @Test
        void notInDevMode() {
            assertThat(report).doesNotHaveFinding("DEV_MODE");
        }

        @Test
        void autoUnsealIsConfigured() {
            assertThat(report).doesNotHaveFinding("NO_AUTO_UNSEAL");
        }

        @Test
        void eachPodHasItsOwnVolumeOfARetainingStorageClass() {
            assertThat(report)
                    .doesNotHaveFinding("EPHEMERAL_STORAGE")
                    .doesNotHaveFinding("SHARED_DATA_VOLUME")
                    .doesNotHaveFinding("RECLAIM_POLICY_DELETE");
        }

        @Test
        void imagesArePinned() {
            assertThat(report).doesNotHaveFinding("UNPINNED_IMAGE");
        }

        @Test
        void auditHasItsOwnPersistentVolume() {
            assertThat(report).doesNotHaveFinding("NO_AUDIT_STORAGE");
        }

        @Test
        void nothingElseIsAnErrorOrAWarning() {
            assertThat(report).hasNoFindingAtOrAbove(Severity.WARNING);
        }
    }

    /** The checklist on a running deployment of the same chart and values. */
    @Nested
    @VaultTest
    @AutoUnseal
    @VaultDeployment(chartVersion = CHART_VERSION, values = VALUES_FILE, mode = DeploymentMode.FROM_VALUES)
    class Live {

        @Test
        void notInDevMode(VaultEnvironment vault) {
            assertThat(vault.snapshot()).isNotInDevMode().hasStorageType("raft");
        }

        @Test
        @Disruptive
        void autoUnsealUnsealsARestartedPodByItself(VaultEnvironment vault, @Standby VaultNode standby, Chaos chaos) {
            assertThat(vault.snapshot()).usesAutoUnseal();
            try (PodDeletion restart = chaos.deletePod(standby.name())) {
                restart.recovery().await(RecoveryProbe.unsealed(standby.name()));
            }
            assertThat(vault.snapshot()).isUnsealed();
        }

        @Test
        void eachPodHasItsOwnVolumeOfARetainingStorageClass(VaultEnvironment vault) {
            assertThatKubernetesStateOf(vault)
                    .eachPodHasItsOwnPersistentVolumeClaim()
                    .hasStorageReclaimPolicy(StorageReclaimPolicy.RETAIN);
        }

        @Test
        void raftSnapshotsCanBeTaken(VaultEnvironment vault, @TempDir Path backups) {
            long bytes = vault.client().saveSnapshot(backups.resolve("vault.snap"));
            assertThat(bytes).as("size of a complete raft snapshot").isPositive();
        }

        @Test
        void kubernetesAuthWorksFromEachNamespaceThatNeedsIt(VaultEnvironment vault, Chaos chaos) {
            VaultNodeClient root = vault.client();
            enableKubernetesAuth(root);
            try (ApplicationAccounts accounts =
                    ApplicationAccounts.ensure(vault.kubernetes(), KUBERNETES_AUTH_CLIENTS)) {
                accounts.serviceAccountsByNamespace().forEach((namespace, serviceAccount) -> {
                    root.writeKubernetesRole("kubernetes", KubernetesRole.builder(namespace)
                            .boundServiceAccountNames(serviceAccount)
                            .boundServiceAccountNamespaces(namespace)
                            .policies("default")
                            .audience(TOKEN_AUDIENCE)
                            .build());
                    var token = chaos.serviceAccounts()
                            .issueToken(TokenSpec.forAccount(namespace, serviceAccount).withAudiences(TOKEN_AUDIENCE));

                    assertThatKubernetesLogin(vault.active().anonymousClient(), namespace, token).succeeded();
                });
            }
        }

        @Test
        void imagesAndTheChartArePinned(VaultEnvironment vault) {
            List<ReleaseRevision> history = vault.releaseHistory();
            assertThat(history).as("helm history of " + vault.releaseName()).isNotEmpty();
            assertThat(history.get(history.size() - 1).chart()).isEqualTo("vault-" + CHART_VERSION);
            assertThatKubernetesStateOf(vault).hasOnlyPinnedImages();
        }

        @Test
        void auditIsEnabledOnTheAuditVolume(VaultEnvironment vault) throws VaultException {
            VaultNodeClient root = vault.client();
            try {
                root.enableFileAudit("file", AUDIT_FILE);
            } catch (VaultApiException e) {
                if (!e.hasError("already in use")) {
                    throw e;
                }
            }
            LogicalResponse devices = root.driverClient().logical().read("sys/audit");
            assertThat(devices.getRestResponse().getStatus()).as("GET sys/audit").isEqualTo(200);
            assertThat(devices.getData()).as("enabled audit devices").containsKey("file/");
        }

        @Test
        void theLiveChecklistHasNoErrorOrWarning(VaultEnvironment vault) {
            assertThatKubernetesStateOf(vault).hasNoChecklistFindingAtOrAbove(Severity.WARNING);
        }

        private static void enableKubernetesAuth(VaultNodeClient root) {
            try {
                root.enableKubernetesAuth("kubernetes");
            } catch (VaultApiException e) {
                if (!e.hasError("already in use")) {
                    throw e;
                }
            }
            root.configureKubernetesAuth("kubernetes",
                    KubernetesAuthConfig.builder("https://kubernetes.default.svc").build());
        }
    }
}
