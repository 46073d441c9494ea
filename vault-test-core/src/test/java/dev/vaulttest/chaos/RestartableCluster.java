package dev.vaulttest.chaos;

import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.cluster.PortForward;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** The fixture's mock cluster made restartable: stop and start run hooks that stop and start the Vault double. */
final class RestartableCluster implements KubernetesCluster {

    private final KubernetesCluster mock;
    private final List<Runnable> onStop = new CopyOnWriteArrayList<>();
    private final List<Runnable> onStart = new CopyOnWriteArrayList<>();
    final List<String> calls = new CopyOnWriteArrayList<>();

    RestartableCluster(KubernetesCluster mock) {
        this.mock = mock;
    }

    void onStop(Runnable hook) {
        onStop.add(hook);
    }

    void onStart(Runnable hook) {
        onStart.add(hook);
    }

    @Override
    public String description() {
        return "restartable " + mock.description();
    }

    @Override
    public String kubeconfigYaml() {
        return mock.kubeconfigYaml();
    }

    @Override
    public KubernetesClient client() {
        return mock.client();
    }

    @Override
    public PortForward portForward(String namespace, String pod, int port) {
        return mock.portForward(namespace, pod, port);
    }

    @Override
    public int nodeCount() {
        return mock.nodeCount();
    }

    @Override
    public ClusterFacts facts() {
        return mock.facts();
    }

    @Override
    public boolean supportsRestart() {
        return true;
    }

    @Override
    public void stop() {
        calls.add("stop");
        onStop.forEach(Runnable::run);
    }

    @Override
    public void start() {
        calls.add("start");
        onStart.forEach(Runnable::run);
    }

    @Override
    public void close() {
        mock.close();
    }
}
