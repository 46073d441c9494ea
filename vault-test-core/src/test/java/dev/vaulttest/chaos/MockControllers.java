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
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The controllers chaos needs and the double-backed fixture does not play (its own StatefulSet controller is off
 * in chaos tests): a StatefulSet controller that recreates deleted Vault pods from their last spec and the
 * StatefulSet's current template (restarting the matching double node, or wiping it when its claim was deleted
 * and released), follows replica changes, and releases claims held by pvc-protection; and a kubelet for canary
 * pods (the exit code follows from whether a NetworkPolicy selects the canary and whether policies are enforced).
 * It polls rather than watches: open watches make the mock server slow to shut down.
 */
final class MockControllers implements AutoCloseable {

    private static final Pattern URL = Pattern.compile("'(https?://[^']+)'");

    private final KubernetesClient client;
    private final FakeVaultCluster vault;
    private final MockExtras extras;
    private final String namespace;
    private final String statefulSet;
    private final Map<String, Pod> templates = new ConcurrentHashMap<>();
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
    /** Destinations (URL substrings) that no canary reaches, policy or not (a down or paused service). */
    final Set<String> downDestinations = ConcurrentHashMap.newKeySet();
    /** Destinations (URL substrings) that canaries reach although a policy selects them. */
    final Set<String> leakyDestinations = ConcurrentHashMap.newKeySet();
    /** Whether canary images fail to pull. */
    volatile boolean canaryImagePullFails;
    /** Whether deleted claims stay held by their finalizer. */
    volatile boolean claimsStuck;
    /** Whether deleted Vault pods are recreated. */
    volatile boolean recreatePods = true;
    /**
     * How long a pod removed by a scale-down stays Terminating (deletionTimestamp set, still listed) before it is
     * deleted, as a kubelet's grace period keeps it on a real cluster; zero deletes at once.
     */
    volatile Duration scaleDownGrace = Duration.ZERO;
    private static final String GRACE_FINALIZER = "vault-test.dev/grace-period";
    /** Canary destinations seen, in order. */
    final List<String> canaryDestinations = new CopyOnWriteArrayList<>();

    MockControllers(KubernetesClient client, FakeVaultCluster vault, MockExtras extras, String namespace,
            String statefulSet, List<String> pods) {
        this.client = client;
        this.vault = vault;
        this.extras = extras;
        this.namespace = namespace;
        this.statefulSet = statefulSet;
        for (String pod : pods) {
            templates.put(pod, client.pods().inNamespace(namespace).withName(pod).get());
        }
        this.lastReplicas = replicas();
        executor.scheduleWithFixedDelay(this::poll, 0, 40, TimeUnit.MILLISECONDS);
    }

    private void poll() {
        try {
            Map<String, Pod> pods = new HashMap<>();
            for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
                pods.put(pod.getMetadata().getName(), pod);
                Map<String, String> labels = pod.getMetadata().getLabels() == null ? Map.of()
                        : pod.getMetadata().getLabels();
                if (labels.containsKey(Canary.CANARY_LABEL) && handledCanaries.add(pod.getMetadata().getUid())) {
                    runCanary(pod);
                }
                if (templates.containsKey(pod.getMetadata().getName())) {
                    templates.put(pod.getMetadata().getName(), pod);
                }
            }
            int replicas = replicas();
            if (replicas != lastReplicas) {
                lastReplicas = replicas;
                reconcileScale(pods, replicas);
            }
            for (String name : templates.keySet()) {
                if (!pods.containsKey(name)) {
                    reconcilePod(name, replicas);
                }
            }
        } catch (RuntimeException e) {
            System.err.println("mock controllers: " + e);
        }
    }

    private int replicas() {
        StatefulSet set = client.apps().statefulSets().inNamespace(namespace).withName(statefulSet).get();
        return set.getSpec().getReplicas();
    }

    private static int ordinal(String pod) {
        return Integer.parseInt(pod.substring(pod.lastIndexOf('-') + 1));
    }

    private void reconcilePod(String name, int replicas) {
        if (ordinal(name) >= replicas) {
            if (stoppedNodes.add(name)) {
                vault.stop(name);
            }
            return;
        }
        if (!recreatePods) {
            return;
        }
        PersistentVolumeClaim claim = client.persistentVolumeClaims().inNamespace(namespace).withName("data-" + name)
                .get();
        if (claim != null && claim.getMetadata().getDeletionTimestamp() != null) {
            if (claimsStuck) {
                return;
            }
            releaseClaim(claim);
            extras.createVolumeAndClaim(name, "pv-" + name + "-" + volumes.incrementAndGet());
            vault.wipeStorage(name);
        } else if (stoppedNodes.remove(name)) {
            vault.start(name);
        } else {
            vault.restart(name);
        }
        create(name);
    }

    /** Creates the pod again from its last spec with the StatefulSet's current template image and revision. */
    private void create(String name) {
        StatefulSet set = client.apps().statefulSets().inNamespace(namespace).withName(statefulSet).get();
        String image = set.getSpec().getTemplate().getSpec().getContainers().get(0).getImage();
        String revision = set.getStatus() == null ? null : set.getStatus().getUpdateRevision();
        Pod last = templates.get(name);
        PodBuilder fresh = new PodBuilder(last).editMetadata().withUid(null).withResourceVersion(null)
                .withCreationTimestamp(null).withDeletionTimestamp(null).withFinalizers(List.of()).endMetadata()
                .withStatus(null);
        fresh.editSpec().editFirstContainer().withImage(image).endContainer().endSpec();
        if (revision != null) {
            fresh.editMetadata().addToLabels("controller-revision-hash", revision).endMetadata();
        }
        Pod created = client.pods().inNamespace(namespace).resource(fresh.build()).create();
        templates.put(name, extras.markRunning(created, 0));
    }

    private void releaseClaim(PersistentVolumeClaim claim) {
        String name = claim.getMetadata().getName();
        client.persistentVolumeClaims().inNamespace(namespace).withName(name).edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
        });
        client.persistentVolumeClaims().inNamespace(namespace).withName(name).delete();
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

    private void reconcileScale(Map<String, Pod> pods, int replicas) {
        for (String name : templates.keySet()) {
            if (ordinal(name) >= replicas && pods.containsKey(name)) {
                Duration grace = scaleDownGrace;
                if (grace.isZero()) {
                    client.pods().inNamespace(namespace).withName(name).delete();
                } else {
                    // A finalizer keeps the deleted pod listed with its deletionTimestamp, as a kubelet does until
                    // the container has stopped; dropping it after the grace period lets the deletion complete.
                    client.pods().inNamespace(namespace).withName(name).edit(pod -> new PodBuilder(pod)
                            .editMetadata().addToFinalizers(GRACE_FINALIZER).endMetadata().build());
                    client.pods().inNamespace(namespace).withName(name).delete();
                    executor.schedule(() -> client.pods().inNamespace(namespace).withName(name).edit(pod ->
                            new PodBuilder(pod).editMetadata().withFinalizers(List.of()).endMetadata().build()),
                            grace.toMillis(), TimeUnit.MILLISECONDS);
                }
            }
        }
    }

    private void runCanary(Pod pod) {
        String id = pod.getMetadata().getLabels().get(Canary.CANARY_LABEL);
        String script = pod.getSpec().getContainers().get(0).getCommand().get(2);
        Matcher url = URL.matcher(script);
        String destination = url.find() ? url.group(1) : "?";
        canaryDestinations.add(destination);
        if (canaryImagePullFails) {
            client.pods().inNamespace(namespace).resource(new PodBuilder(pod).withNewStatus()
                    .withPhase("Pending").withContainerStatuses(new ContainerStatusBuilder().withName("canary")
                            .withNewState().withWaiting(new ContainerStateWaitingBuilder()
                                    .withReason("ImagePullBackOff").withMessage("pull access denied").build())
                            .endState().build()).endStatus().build()).updateStatus();
            return;
        }
        boolean selected = client.network().v1().networkPolicies().inNamespace(namespace).list()
                .getItems().stream().map(NetworkPolicy::getSpec)
                .anyMatch(spec -> spec.getPodSelector().getMatchLabels() != null
                        && id.equals(spec.getPodSelector().getMatchLabels().get(Canary.CANARY_LABEL)));
        boolean leaky = leakyDestinations.stream().anyMatch(destination::contains);
        boolean down = downDestinations.stream().anyMatch(destination::contains);
        boolean blocked = networkBroken || down || (selected && policiesEnforced && !leaky);
        int exit = blocked ? Canary.BLOCKED_EXIT : Canary.CONNECTED_EXIT;
        client.pods().inNamespace(namespace).resource(new PodBuilder(pod).withNewStatus()
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
