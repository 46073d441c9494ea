package dev.vaulttest.cluster;

import io.fabric8.kubernetes.api.model.ContainerStateBuilder;
import io.fabric8.kubernetes.api.model.NodeBuilder;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.util.Map;

/** Builds cluster state in fabric8's CRUD mock server; statuses are set the way kubelets would. */
final class KubeFixtures {

    private final KubernetesClient client;

    KubeFixtures(KubernetesClient client) {
        this.client = client;
    }

    void node(String name, boolean ready, Map<String, String> labels) {
        client.nodes().resource(new NodeBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata()
                .build()).create();
        client.nodes().withName(name).editStatus(n -> new NodeBuilder(n).withNewStatus()
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .endStatus().build());
    }

    void defaultServiceAccount() {
        client.serviceAccounts().inNamespace("default").resource(new ServiceAccountBuilder().withNewMetadata()
                .withName("default").withNamespace("default").endMetadata().build()).create();
    }

    void systemPod(String name, String labelKey, String labelValue, boolean ready) {
        client.pods().inNamespace("kube-system").resource(new PodBuilder().withNewMetadata().withName(name)
                .withNamespace("kube-system").addToLabels(labelKey, labelValue).endMetadata().build()).create();
        setPodReady("kube-system", name, ready);
    }

    void setPodReady(String namespace, String name, boolean ready) {
        setPodReady(namespace, name, ready, Instant.now().minusSeconds(3600));
    }

    void setPodReady(String namespace, String name, boolean ready, Instant startedAt) {
        ContainerStateBuilder state = new ContainerStateBuilder();
        if (ready) {
            state.withNewRunning().withStartedAt(startedAt.toString()).endRunning();
        } else {
            state.withNewWaiting().withReason("ContainerCreating").endWaiting();
        }
        client.pods().inNamespace(namespace).withName(name).editStatus(p -> new PodBuilder(p).withNewStatus()
                .withPhase(ready ? "Running" : "Pending")
                .addNewCondition().withType("Ready").withStatus(ready ? "True" : "False").endCondition()
                .addNewContainerStatus().withName("main").withReady(ready).withState(state.build())
                .endContainerStatus()
                .endStatus().build());
    }

    /** A healthy single-node k3s, as the readiness gate expects it. */
    void healthyK3s() {
        node("k3s-node", true, Map.of("kubernetes.io/hostname", "k3s-node", "kubernetes.io/os", "linux"));
        defaultServiceAccount();
        systemPod("coredns-1", "k8s-app", "kube-dns", true);
        systemPod("local-path-provisioner-1", "app", "local-path-provisioner", true);
    }
}
