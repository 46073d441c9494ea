package dev.vaulttest.chaos;

import dev.vaulttest.cluster.ClusterFacts;
import dev.vaulttest.cluster.KubernetesCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/** A cluster over the mock client whose stop and start run hooks (the fake Vault nodes stop and start). */
final class FakeCluster implements KubernetesCluster {

    private final KubernetesClient client;
    private final boolean restartable;
    private final List<Runnable> onStop = new ArrayList<>();
    private final List<Runnable> onStart = new ArrayList<>();
    final List<String> calls = new ArrayList<>();

    FakeCluster(KubernetesClient client, boolean restartable) {
        this.client = client;
        this.restartable = restartable;
    }

    void onStop(Runnable hook) {
        onStop.add(hook);
    }

    void onStart(Runnable hook) {
        onStart.add(hook);
    }

    @Override
    public String description() {
        return "mock cluster";
    }

    @Override
    public String kubeconfigYaml() {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: "
                + client.getMasterUrl() + "\ncontexts:\n- name: mock\n  context:\n    cluster: mock\n    user: mock\n"
                + "current-context: mock\nusers:\n- name: mock\n  user:\n    token: mock-token\n";
    }

    @Override
    public KubernetesClient client() {
        return client;
    }

    @Override
    public int nodeCount() {
        return 1;
    }

    @Override
    public ClusterFacts facts() {
        throw new UnsupportedOperationException("not modelled by the mock cluster");
    }

    @Override
    public boolean supportsRestart() {
        return restartable;
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
        calls.add("close");
    }
}
