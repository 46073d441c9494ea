package dev.vaulttest.junit5.fake;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.engine.DoubleBackedEnvironment;
import dev.vaulttest.fixture.EnvironmentOverride;
import dev.vaulttest.fixture.MockServerCluster;

/**
 * The real bring-up (core's {@code StandardEnvironmentFactory} inside {@link DoubleBackedEnvironment}) on
 * fabric8's CRUD mock server and the Vault API double: init, unseal, raft join, ready gate and snapshots are
 * the library's own code, only Kubernetes and Vault are doubles. Clusters are {@link MockServerCluster}s; every
 * deployment gets the fixture's short timeouts.
 */
public final class DoubleBackedFactory implements EnvironmentFactory {

    /** Created by the extension. */
    public DoubleBackedFactory() {
    }

    @Override
    public KubernetesCluster openCluster(ClusterSpec spec) {
        Journal.add("open mock cluster");
        return MockServerCluster.named("mock cluster", Journal::add);
    }

    /** Not used by the extension, which opens its clusters and deploys on them as separate steps. */
    @Override
    public VaultEnvironment start(VaultEnvironmentSpec spec) {
        throw new UnsupportedOperationException("the extension never starts an environment with its own cluster");
    }

    @Override
    public VaultEnvironment deploy(VaultEnvironmentSpec spec, KubernetesCluster cluster) {
        VaultEnvironmentSpec fast = spec.toBuilder().timeouts(DoubleBackedEnvironment.spec().build().timeouts()).build();
        DoubleBackedEnvironment fixture = DoubleBackedEnvironment.start(cluster.client(), fast);
        Journal.add("deploy " + fixture.environment().namespace());
        VaultEnvironment environment = fixture.environment();
        return EnvironmentOverride.of(environment)
                .answer("close", args -> {
                    Journal.add("close " + environment.namespace());
                    fixture.close();
                    return null;
                })
                .answer("cluster", args -> cluster)
                .build();
    }
}
