package dev.vaulttest.chaos;

import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaimBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import io.fabric8.kubernetes.api.model.ServiceBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSetBuilder;
import io.fabric8.kubernetes.api.model.discovery.v1.EndpointSliceBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The Kubernetes objects of a Vault release, as the chart and the cluster would have them, seeded into fabric8's
 * mock server in CRUD mode: the StatefulSet, Running pods with IPs and container statuses, bound claims held by
 * the pvc-protection finalizer, their volumes, service accounts, the API server's Service and EndpointSlice.
 */
final class MockRelease {

    static final String NAMESPACE = "vault-ns";
    static final String RELEASE = "vault";
    static final String IMAGE = "hashicorp/vault:2.0.4";
    static final String API_SERVICE_IP = "10.43.0.1";
    static final String API_ENDPOINT_IP = "172.18.0.2";
    static final String KMS_ALIAS = "alias/vault-unseal";

    private final KubernetesClient client;
    private final int replicas;
    private final String reclaimPolicy;

    MockRelease(KubernetesClient client, int replicas, String reclaimPolicy) {
        this.client = client;
        this.replicas = replicas;
        this.reclaimPolicy = reclaimPolicy;
    }

    static Map<String, String> podLabels(String pod, String revision) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put("app.kubernetes.io/name", "vault");
        labels.put("app.kubernetes.io/instance", RELEASE);
        labels.put("component", "server");
        labels.put("statefulset.kubernetes.io/pod-name", pod);
        labels.put("controller-revision-hash", revision);
        return labels;
    }

    void seed() {
        client.apps().statefulSets().inNamespace(NAMESPACE).resource(new StatefulSetBuilder()
                .withNewMetadata().withName(RELEASE).withNamespace(NAMESPACE)
                .addToLabels("app.kubernetes.io/instance", RELEASE).addToLabels("app.kubernetes.io/name", "vault")
                .endMetadata()
                .withNewSpec().withReplicas(replicas).withServiceName(RELEASE + "-internal")
                .withNewSelector().addToMatchLabels("app.kubernetes.io/instance", RELEASE)
                .addToMatchLabels("component", "server").endSelector()
                .withNewUpdateStrategy().withType("OnDelete").endUpdateStrategy()
                .withNewTemplate().withNewMetadata().addToLabels("app.kubernetes.io/instance", RELEASE)
                .addToLabels("component", "server").endMetadata()
                .withNewSpec().withServiceAccountName(RELEASE)
                .addNewContainer().withName("vault").withImage(IMAGE).addNewEnv().withName("VAULT_ADDR")
                .withValue("http://127.0.0.1:8200").endEnv().endContainer()
                .endSpec().endTemplate()
                .endSpec()
                .withNewStatus().withReplicas(replicas).withCurrentRevision("rev1").withUpdateRevision("rev1")
                .endStatus()
                .build()).create();
        for (int i = 0; i < replicas; i++) {
            String pod = RELEASE + "-" + i;
            createVolumeAndClaim(pod, "pv-" + pod);
            createPod(pod, IMAGE, "rev1", 0);
        }
        for (String account : List.of(RELEASE, "default", "app")) {
            client.serviceAccounts().inNamespace(NAMESPACE).resource(new ServiceAccountBuilder().withNewMetadata()
                    .withName(account).withNamespace(NAMESPACE).addToLabels("team", "platform").endMetadata()
                    .build()).create();
        }
        client.services().inNamespace("default").resource(new ServiceBuilder().withNewMetadata()
                .withName("kubernetes").withNamespace("default").endMetadata().withNewSpec()
                .withClusterIP(API_SERVICE_IP).addNewPort().withPort(443).endPort().endSpec().build()).create();
        client.discovery().v1().endpointSlices().inNamespace("default").resource(new EndpointSliceBuilder()
                .withNewMetadata().withName("kubernetes").withNamespace("default")
                .addToLabels("kubernetes.io/service-name", "kubernetes").endMetadata()
                .withAddressType("IPv4").addNewEndpoint().withAddresses(API_ENDPOINT_IP).endEndpoint()
                .addNewPort().withPort(6443).endPort().build()).create();
        client.configMaps().inNamespace(NAMESPACE).resource(new ConfigMapBuilder().withNewMetadata()
                .withName(RELEASE + "-config").withNamespace(NAMESPACE)
                .addToLabels("app.kubernetes.io/instance", RELEASE).endMetadata()
                .addToData("extraconfig-from-values.hcl", "ui = true\nstorage \"raft\" {\n  path = \"/vault/data\"\n}\n"
                        + "seal \"awskms\" {\n  region = \"us-east-1\"\n  kms_key_id = \"" + KMS_ALIAS + "\"\n}\n")
                .build()).create();
    }

    void createVolumeAndClaim(String pod, String volume) {
        client.persistentVolumes().resource(new PersistentVolumeBuilder().withNewMetadata().withName(volume)
                .endMetadata().withNewSpec().withPersistentVolumeReclaimPolicy(reclaimPolicy)
                .addToCapacity("storage", new Quantity("1Gi")).endSpec()
                .withNewStatus().withPhase("Bound").endStatus().build()).create();
        client.persistentVolumeClaims().inNamespace(NAMESPACE).resource(new PersistentVolumeClaimBuilder()
                .withNewMetadata().withName("data-" + pod).withNamespace(NAMESPACE)
                .addToFinalizers("kubernetes.io/pvc-protection").endMetadata()
                .withNewSpec().withVolumeName(volume).withAccessModes("ReadWriteOnce").endSpec()
                .withNewStatus().withPhase("Bound").endStatus().build()).create();
    }

    /** Creates a Running, ready pod as the StatefulSet controller and the kubelet would leave it. */
    Pod createPod(String pod, String image, String revision, int restarts) {
        int ordinal = Integer.parseInt(pod.substring(pod.lastIndexOf('-') + 1));
        Pod created = client.pods().inNamespace(NAMESPACE).resource(new PodBuilder()
                .withNewMetadata().withName(pod).withNamespace(NAMESPACE).withLabels(podLabels(pod, revision))
                .endMetadata()
                .withNewSpec().withServiceAccountName(RELEASE)
                .addNewContainer().withName("vault").withImage(image).endContainer()
                .addNewVolume().withName("data").withNewPersistentVolumeClaim().withClaimName("data-" + pod)
                .endPersistentVolumeClaim().endVolume()
                .endSpec().build()).create();
        return markRunning(created, image, restarts, ordinal);
    }

    Pod markRunning(Pod pod, String image, int restarts, int ordinal) {
        String started = Instant.now().truncatedTo(ChronoUnit.SECONDS).toString();
        return client.pods().inNamespace(NAMESPACE).resource(new PodBuilder(pod).withNewStatus().withPhase("Running")
                .withPodIP("10.42.0." + (10 + ordinal))
                .addNewCondition().withType("Ready").withStatus("True").endCondition()
                .withContainerStatuses(new ContainerStatusBuilder().withName("vault").withImage(image)
                        .withImageID("docker.io/" + image + "@sha256:0").withReady(true).withRestartCount(restarts)
                        .withNewState().withNewRunning().withStartedAt(started).endRunning().endState().build())
                .endStatus().build()).updateStatus();
    }
}
