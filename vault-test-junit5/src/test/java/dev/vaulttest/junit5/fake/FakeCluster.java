package dev.vaulttest.junit5.fake;

import dev.vaulttest.cluster.ClusterException;
import dev.vaulttest.cluster.ClusterFacts;
import dev.vaulttest.cluster.KubernetesCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesCrudDispatcher;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import io.fabric8.mockwebserver.Context;
import io.fabric8.mockwebserver.MockWebServer;
import java.util.HashMap;
import java.util.concurrent.atomic.AtomicBoolean;

/** A cluster backed by fabric8's CRUD mock API server, started when its client is first asked for. */
final class FakeCluster implements KubernetesCluster {

    private final String name;
    private KubernetesMockServer server;
    private KubernetesClient client;
    private final AtomicBoolean closed = new AtomicBoolean();

    FakeCluster(String name) {
        this.name = name;
    }

    boolean isClosed() {
        return closed.get();
    }

    @Override
    public String description() {
        return name;
    }

    @Override
    public String kubeconfigYaml() {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: fake\n  cluster:\n    server: "
                + client().getConfiguration().getMasterUrl() + "\n";
    }

    @Override
    public synchronized KubernetesClient client() {
        if (closed.get()) {
            throw new ClusterException(name + " is closed");
        }
        if (client == null) {
            server = new KubernetesMockServer(new Context(), new MockWebServer(), new HashMap<>(),
                    new KubernetesCrudDispatcher(), false);
            server.init();
            client = server.createClient();
        }
        return client;
    }

    @Override
    public int nodeCount() {
        return 1;
    }

    @Override
    public ClusterFacts facts() {
        throw new UnsupportedOperationException("not needed by the extension");
    }

    @Override
    public boolean supportsRestart() {
        return false;
    }

    @Override
    public void stop() {
        throw new ClusterException("the fake cluster cannot stop");
    }

    @Override
    public void start() {
        throw new ClusterException("the fake cluster cannot start");
    }

    @Override
    public synchronized void close() {
        if (closed.compareAndSet(false, true)) {
            if (client != null) {
                client.close();
                server.destroy();
            }
            Journal.add("close " + name);
        }
    }
}
