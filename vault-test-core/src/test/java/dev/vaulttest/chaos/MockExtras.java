package dev.vaulttest.chaos;

import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * What a real cluster has around a release and the double-backed fixture does not create: the data claims and
 * volumes of the StatefulSet's claim template (held by pvc-protection), pod IPs and container images in pod
 * statuses, service accounts (the chart's {@code vault} one, named in the StatefulSet, and client ones), and the
 * API server's Service and EndpointSlice.
 */
final class MockExtras {

    static final String API_SERVICE_IP = "10.43.0.1";
    static final String API_ENDPOINT_IP = "172.18.0.2";
    static final String VAULT_ACCOUNT = "vault";

    private final KubernetesClient client;
    private final String namespace;
    private final String reclaimPolicy;

    MockExtras(KubernetesClient client, String namespace, String reclaimPolicy) {
        this.client = client;
        this.namespace = namespace;
        this.reclaimPolicy = reclaimPolicy;
    }

    void seed(String statefulSet, List<String> pods) {
        for (String account : List.of(VAULT_ACCOUNT, "default", "app")) {
            client.serviceAccounts().inNamespace(namespace).resource(new ServiceAccountBuilder().withNewMetadata()
                    .withName(account).withNamespace(namespace).addToLabels("team", "platform").endMetadata()
                    .build()).create();
        }
        client.apps().statefulSets().inNamespace(namespace).withName(statefulSet).edit(set -> {
            set.getSpec().getTemplate().getSpec().setServiceAccountName(VAULT_ACCOUNT);
            return set;
        });
        for (String pod : pods) {
            createVolumeAndClaim(pod, "pv-" + pod);
            markRunning(client.pods().inNamespace(namespace).withName(pod).get(), 0);
        }
        if (client.services().inNamespace("default").withName("kubernetes").get() == null) {
            client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata()
                    .withName("kubernetes").withNamespace("default").endMetadata().withNewSpec()
                    .withClusterIP(API_SERVICE_IP).addNewPort().withPort(443).endPort().endSpec().build()).create();
            client.discovery().v1().endpointSlices().inNamespace("default").resource(new EndpointSliceBuilder()
                    .withNewMetadata().withName("kubernetes").withNamespace("default")
                    .addToLabels("kubernetes.io/service-name", "kubernetes").endMetadata()
                    .withAddressType("IPv4").addNewEndpoint().withAddresses(API_ENDPOINT_IP).endEndpoint()
                    .addNewPort().withPort(6443).endPort().build()).create();
        }
    }

    void createVolumeAndClaim(String pod, String volume) {
        client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName(volume)
                .endMetadata().withNewSpec().withPersistentVolumeReclaimPolicy(reclaimPolicy)
                .addToCapacity("storage", new Quantity("1Gi")).endSpec()
                .withNewStatus().withPhase("Bound").endStatus().build()).create();
        client.persistentVolumeClaims().inNamespace(namespace).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data-" + pod).withNamespace(namespace)
                .addToFinalizers("kubernetes.io/pvc-protection").endMetadata()
                .withNewSpec().withVolumeName(volume).withAccessModes("ReadWriteOnce").endSpec()
                .withNewStatus().withPhase("Bound").endStatus().build()).create();
    }

    /** The status the kubelet reports for a running Vault pod: an IP, the spec's image, a start time. */
    Pod markRunning(Pod pod, int restarts) {
        String name = pod.getMetadata().getName();
        int ordinal = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
        String image = pod.getSpec().getContainers().get(0).getImage();
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return client.pods().inNamespace(namespace).resource(new PodBuilder(pod).withNewStatus().withPhase("Running")
                .withPodIP("10.42.0." + (10 + ordinal))
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withContainerStatuses(new ContainerStatusBuilder().withName("vault").withImage(image)
                        .withImageID("docker.io/" + image + "@sha256:0").withReady(true).withRestartCount(restarts)
                        .withNewState().withNewRunning().withStartedAt(started).endRunning().endState().build())
                .endStatus().build()).updateStatus();
    }
}
