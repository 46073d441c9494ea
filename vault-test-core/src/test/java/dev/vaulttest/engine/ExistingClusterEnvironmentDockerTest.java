package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.ExistingClusterSpec;
import dev.vaulttest.cluster.RequiresRealCluster;
import dev.vaulttest.fixture.ClusterForClass;
import dev.vaulttest.fixture.RealClusterSettings;
import dev.vaulttest.kms.SealSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * The existing-cluster path, as nightly suites use it against kind or a staging cluster: the environment reaches
 * the cluster through a kubeconfig file, creates its own namespace, and removes it at close while the cluster
 * stays. With {@code vaulttest.kubeconfig} that is the file given; without it a k3s cluster is started here only to
 * have a kubeconfig file. Skipped without either.
 */
@RequiresRealCluster
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ExistingClusterEnvironmentDockerTest {

    @RegisterExtension
    final ClusterForClass k8s = ClusterForClass.fromSettings();

    @TempDir
    Path dir;

    @Test
    void aKubeconfigFileIsEnoughToBringVaultUpAndCleanUp() throws IOException {
        RealClusterSettings settings = RealClusterSettings.current();
        Optional<ExistingClusterSpec> given = settings.existingCluster();
        ExistingClusterSpec existing = given.isPresent() ? given.get()
                : ExistingClusterSpec.of(Files.writeString(dir.resolve("kubeconfig"), k8s.cluster().kubeconfigYaml()));
        VaultEnvironmentSpec spec = settings.fit(VaultEnvironmentSpec.builder().cluster(existing)
                .seal(SealSpec.shamir(1, 1)).build());
        String namespace;
        try (VaultEnvironment env = settings.factory().start(spec)) {
            namespace = env.namespace();
            ReadyGateChecks.assertReady(env, 3, true);
            assertThat(env.cluster().supportsRestart()).isFalse();
            ReadyGateChecks.printTimeline("existing-cluster-kubeconfig", env);
        }
        assertThat(k8s.cluster().client().namespaces().withName(namespace).get())
                .satisfiesAnyOf(ns -> assertThat(ns).isNull(),
                        ns -> assertThat(ns.getMetadata().getDeletionTimestamp()).isNotNull());
    }
}
