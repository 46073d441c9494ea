package dev.vaulttest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.cluster.ExistingClusterSpec;
import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.K3sClusterSpec;
import dev.vaulttest.cluster.RequiresDocker;
import dev.vaulttest.kms.SealSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The existing-cluster path, as nightly suites use it against kind or a staging cluster: a k3s cluster is
 * started here only to have a kubeconfig file; the environment reaches it through that file, creates its own
 * namespace, and removes it at close while the cluster stays. Skipped without Docker.
 */
@RequiresDocker
class ExistingClusterEnvironmentDockerTest {

    @TempDir
    Path dir;

    @Test
    void aKubeconfigFileIsEnoughToBringVaultUpAndCleanUp() throws IOException {
        try (K3sCluster k3s = K3sCluster.start(K3sClusterSpec.defaults())) {
            Path kubeconfig = Files.writeString(dir.resolve("kubeconfig"), k3s.kubeconfigYaml());
            VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().cluster(ExistingClusterSpec.of(kubeconfig))
                    .seal(SealSpec.shamir(1, 1)).build();
            String namespace;
            try (VaultEnvironment env = VaultEnvironment.start(spec)) {
                namespace = env.namespace();
                ReadyGateChecks.assertReady(env, 3, true);
                assertThat(env.cluster().supportsRestart()).isFalse();
                ReadyGateChecks.printTimeline("existing-cluster-kubeconfig", env);
            }
            assertThat(k3s.client().namespaces().withName(namespace).get())
                    .satisfiesAnyOf(ns -> assertThat(ns).isNull(),
                            ns -> assertThat(ns.getMetadata().getDeletionTimestamp()).isNotNull());
        }
    }
}
