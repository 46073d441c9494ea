package dev.vaulttest.junit5.fake;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.fixture.DoubleBackedEnvironment;
import dev.vaulttest.fixture.MockServerCluster;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;

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
        return (VaultEnvironment) Proxy.newProxyInstance(VaultEnvironment.class.getClassLoader(),
                new Class<?>[] {VaultEnvironment.class}, (proxy, method, args) -> {
                    if (method.getName().equals("close") && method.getParameterCount() == 0) {
                        Journal.add("close " + environment.namespace());
                        fixture.close();
                        return null;
                    }
                    if (method.getName().equals("cluster") && method.getParameterCount() == 0) {
                        return cluster;
                    }
                    try {
                        return method.invoke(environment, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }
}
