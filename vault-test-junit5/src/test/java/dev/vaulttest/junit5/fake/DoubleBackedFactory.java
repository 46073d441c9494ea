package dev.vaulttest.junit5.fake;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.ClusterFacts;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.cluster.PortForward;
import dev.vaulttest.fixture.DoubleBackedEnvironment;
import dev.vaulttest.fixture.MockCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.HashMap;

/**
 * The real bring-up (core's {@code StandardEnvironmentFactory} inside {@link DoubleBackedEnvironment}) on
 * fabric8's CRUD mock server and the Vault API double: init, unseal, raft join, ready gate and snapshots are
 * the library's own code, only Kubernetes and Vault are doubles. Clusters are mock servers; every
 * deployment gets the fixture's short timeouts.
 */
public final class DoubleBackedFactory implements EnvironmentFactory {

    /** Created by the extension. */
    public DoubleBackedFactory() {
    }

    @Override
    public KubernetesCluster openCluster(ClusterSpec spec) {
        Journal.add("open mock cluster");
        return new MockServerCluster();
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

    /** A mock API server that looks like a fresh single-node k3s, stopped on close. */
    private static final class MockServerCluster implements KubernetesCluster {

        private final KubernetesMockServer server;
        private final MockCluster cluster;

        MockServerCluster() {
            server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                    new KubernetesCrudDispatcher(), false);
            server.init();
            cluster = MockCluster.singleNodeK3s(server.createClient());
        }

        @Override
        public String description() {
            return "mock " + cluster.description();
        }

        @Override
        public String kubeconfigYaml() {
            return cluster.kubeconfigYaml();
        }

        @Override
        public KubernetesClient client() {
            return cluster.client();
        }

        @Override
        public PortForward portForward(String namespace, String pod, int port) {
            return cluster.portForward(namespace, pod, port);
        }

        @Override
        public int nodeCount() {
            return cluster.nodeCount();
        }

        @Override
        public ClusterFacts facts() {
            return cluster.facts();
        }

        @Override
        public boolean supportsRestart() {
            return false;
        }

        @Override
        public void stop() {
            cluster.stop();
        }

        @Override
        public void start() {
            cluster.start();
        }

        @Override
        public void close() {
            cluster.client().close();
            server.destroy();
            Journal.add("close mock cluster");
        }
    }
}
