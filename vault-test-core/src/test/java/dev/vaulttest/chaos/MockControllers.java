package dev.vaulttest.chaos;

import dev.vaulttest.testkit.FakeVaultCluster;
import io.fabric8.kubernetes.api.model.ContainerStateWaitingBuilder;
import io.fabric8.kubernetes.api.model.ContainerStatusBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeBuilder;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What the mock server lacks: a StatefulSet controller (recreates deleted Vault pods, restarting or wiping the
 * matching fake Vault node; releases claims held by pvc-protection; follows replica changes) and a kubelet for
 * canary pods (exit code from whether a NetworkPolicy selects the canary and whether policies are enforced).
 */
final class MockControllers implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("'(https?://[^']+)'");

    private final KubernetesClient client;
    private final FakeVaultCluster vault;
    private final MockRelease release;
    private final ScheduledExecutorService executor = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mock-controllers");
        thread.setDaemon(true);
        return thread;
    });
    private final AtomicInteger volumes = new AtomicInteger();
    private final Set<String> handledCanaries = ConcurrentHashMap.newKeySet();
    private final Set<String> stoppedNodes = ConcurrentHashMap.newKeySet();
    private int lastReplicas;

    /** Whether NetworkPolicies are enforced for canaries. */
    volatile boolean policiesEnforced = true;
    /** Whether even unpoliced canaries cannot connect (a broken pod network). */
    volatile boolean networkBroken;
    /** Destinations (URL substrings) that canaries reach although a policy selects them. */
    final Set<String> leakyDestinations = ConcurrentHashMap.newKeySet();
    /** Whether canary images fail to pull. */
    volatile boolean canaryImagePullFails;
    /** Whether deleted claims stay held by their finalizer. */
    volatile boolean claimsStuck;
    /** Whether deleted Vault pods are recreated. */
    volatile boolean recreatePods = true;
    /** Canary destinations seen, in order. */
    final List<String> canaryDestinations = new java.util.concurrent.CopyOnWriteArrayList<>();
    final Map<String, Integer> canaryExits = new ConcurrentHashMap<>();

    MockControllers(KubernetesClient client, FakeVaultCluster vault, MockRelease release) {
        this.client = client;
        this.vault = vault;
        this.release = release;
        this.lastReplicas = vault.nodes().size();
        executor.scheduleWithFixedDelay(this::poll, 0, 40, TimeUnit.MILLISECONDS);
    }

    /**
     * One round of the controllers. Polling rather than watching: watches keep WebSockets open that make the mock
     * server slow to shut down.
     */
    private void poll() {
        try {
            Map<String, Pod> pods = new java.util.HashMap<>();
            for (Pod pod : client.pods().inNamespace(MockRelease.NAMESPACE).list().getItems()) {
                pods.put(pod.getMetadata().getName(), pod);
                Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of()
                        : pod.getMetadata().getLabels();
                if (labels.containsKey(Canary.CANARY_LABEL) && handledCanaries.add(pod.getMetadata().getUid())) {
                    runCanary(pod);
                }
            }
            int replicas = replicas();
            if (replicas != lastReplicas) {
                lastReplicas = replicas;
                reconcileScale();
            }
            for (int i = 0; i < vault.nodes().size(); i++) {
                String name = MockRelease.RELEASE + "-" + i;
                if (!pods.containsKey(name)) {
                    reconcilePod(name);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("mock controllers: " + e);
        }
    }

    private int replicas() {
        StatefulSet set = client.apps().statefulSets().inNamespace(MockRelease.NAMESPACE).withName(MockRelease.RELEASE)
                .get();
        return set.getSpec().getReplicas();
    }

    private void reconcilePod(String name) {
        try {
            int ordinal = Integer.parseInt(name.substring(name.lastIndexOf('-') + 1));
            if (ordinal >= replicas()) {
                if (stoppedNodes.add(name)) {
                    vault.stop(name);
                }
                return;
            }
            if (!recreatePods || client.pods().inNamespace(MockRelease.NAMESPACE).withName(name).get() != null) {
                return;
            }
            PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(MockRelease.NAMESPACE)
                    .withName("data-" + name).get();
            if (claim != null && claim.getMetadata().getDeletionTimestamp() != null) {
                if (claimsStuck) {
                    return;
                }
                releaseClaim(claim);
                release.createVolumeAndClaim(name, "pv-" + name + "-" + volumes.incrementAndGet());
                vault.wipeStorage(name);
            } else {
                vault.restart(name);
            }
            StatefulSet set = client.apps().statefulSets().inNamespace(MockRelease.NAMESPACE)
                    .withName(MockRelease.RELEASE).get();
            String image = set.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
            release.createPod(name, image, set.getStatus().getUpdateRevision(), 0);
        } catch (RuntimeException e) {
            System.err.println("mock StatefulSet controller failed on " + name + ": " + e);
        }
    }

    private void releaseClaim(PersistentVolumeClaim claim) {
        client.persistentVolumeClaims().inNamespace(MockRelease.NAMESPACE).withName(claim.getMetadata().getName())
                .edit(c -> {
                    c.getMetadata().setFinalizers(List.of());
                    return c;
                });
        client.persistentVolumeClaims().inNamespace(MockRelease.NAMESPACE).withName(claim.getMetadata().getName())
                .delete();
        String volumeName = claim.getSpec().getVolumeName();
        PersistentVolume volume = client.persistentVolumes().withName(volumeName).get();
        if (volume == null) {
            return;
        }
        if ("Delete".equals(volume.getSpec().getPersistentVolumeReclaimPolicy())) {
            client.persistentVolumes().withName(volumeName).delete();
        } else {
            client.persistentVolumes().resource(new PersistentVolumeBuilder(volume).editStatus().withPhase("Released")
                    .endStatus().build()).updateStatus();
        }
    }

    private void reconcileScale() {
        try {
            int replicas = replicas();
            for (int i = 0; i < vault.nodes().size(); i++) {
                String name = MockRelease.RELEASE + "-" + i;
                Pod pod = client.pods().inNamespace(MockRelease.NAMESPACE).withName(name).get();
                if (i >= replicas && pod != null) {
                    client.pods().inNamespace(MockRelease.NAMESPACE).withName(name).delete();
                } else if (i < replicas && pod == null && recreatePods) {
                    stoppedNodes.remove(name);
                    vault.start(name);
                    release.createPod(name, MockRelease.IMAGE, "rev1", 0);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("mock StatefulSet controller failed to scale: " + e);
        }
    }

    private void runCanary(Pod pod) {
        String id = pod.getMetadata().getLabels().get(Canary.CANARY_LABEL);
        String script = pod.getSpec().getContainers().get(0).getCommand().get(2);
        Matcher url = URL.matcher(script);
        String destination = url.find() ? url.group(1) : "?";
        canaryDestinations.add(destination);
        if (canaryImagePullFails) {
            client.pods().inNamespace(MockRelease.NAMESPACE).resource(new PodBuilder(pod).withNewStatus()
                    .withPhase("Pending").withContainerStatuses(new ContainerStatusBuilder().withName("canary")
                            .withNewState().withWaiting(new ContainerStateWaitingBuilder()
                                    .withReason("ImagePullBackOff").withMessage("pull access denied").build())
                            .endState().build()).endStatus().build()).updateStatus();
            return;
        }
        boolean selected = client.network().v1().networkPolicies().inNamespace(MockRelease.NAMESPACE).list()
                .getItems().stream().map(NetworkPolicy::getSpec)
                .anyMatch(spec -> spec.getPodSelector().getMatchLabels() != null
                        && id.equals(spec.getPodSelector().getMatchLabels().get(Canary.CANARY_LABEL)));
        boolean leaky = leakyDestinations.stream().anyMatch(destination::contains);
        boolean blocked = networkBroken || (selected && policiesEnforced && !leaky);
        int exit = blocked ? Canary.BLOCKED_EXIT : Canary.CONNECTED_EXIT;
        canaryExits.put(pod.getMetadata().getName(), exit);
        client.pods().inNamespace(MockRelease.NAMESPACE).resource(new PodBuilder(pod).withNewStatus()
                .withPhase(exit == 0 ? "Succeeded" : "Failed").withContainerStatuses(new ContainerStatusBuilder()
                        .withName("canary").withNewState().withNewTerminated().withExitCode(exit).endTerminated()
                        .endState().build()).endStatus().build()).updateStatus();
    }

    /** Runs one full round of the controllers now and waits for it. */
    void sync() {
        try {
            executor.submit(this::poll).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("mock controllers did not settle", e);
        }
    }

    @Override
    public void close() {
        executor.shutdownNow();
        try {
            executor.awaitTermination(5, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
