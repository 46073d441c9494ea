package dev.vaulttest.check;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chart.RenderedManifests;
import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultServer;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.DaemonSet;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.function.Supplier;

/**
 * What is running for one Vault release, read from the cluster: the objects the production-readiness rules read,
 * the server pods with their claims and volumes, and the cluster facts the chart does not contain (StorageClasses,
 * schedulable node count).
 *
 * <p>{@link #checks()} applies the same rules as the offline check ({@link StaticChecks}) to the live objects and
 * the cluster's real StorageClasses and node count, so live and offline findings share rule ids and wording.
 *
 * <pre>{@code
 * LiveDeployment live = LiveDeployment.read(env.kubernetes(), env.namespace(), env.releaseName());
 * CheckReport report = live.checks();
 * }</pre>
 *
 * @param namespace the namespace of the release
 * @param release the Helm release name
 * @param statefulSets the release's StatefulSets (label {@value #INSTANCE_LABEL})
 * @param deployments the release's Deployments (the injector, for example)
 * @param daemonSets the release's DaemonSets (the CSI provider, for example)
 * @param podDisruptionBudgets the release's PodDisruptionBudgets (the chart renders one in HA mode)
 * @param services the release's Services
 * @param configMaps every ConfigMap of the namespace (a StatefulSet may mount one the chart did not create)
 * @param persistentVolumeClaims every PersistentVolumeClaim of the namespace
 * @param pods the release's pods
 * @param storageClasses every StorageClass of the cluster
 * @param persistentVolumes the PersistentVolumes bound to the namespace's claims
 * @param schedulableNodes how many nodes accept pods ({@code spec.unschedulable} not set); empty when the cluster
 *     listed no node
 */
public record LiveDeployment(
        String namespace,
        String release,
        List<StatefulSet> statefulSets,
        List<Deployment> deployments,
        List<DaemonSet> daemonSets,
        List<PodDisruptionBudget> podDisruptionBudgets,
        List<Service> services,
        List<ConfigMap> configMaps,
        List<PersistentVolumeClaim> persistentVolumeClaims,
        List<Pod> pods,
        List<StorageClass> storageClasses,
        List<PersistentVolume> persistentVolumes,
        OptionalInt schedulableNodes) {

    /** The label Helm charts (the official Vault chart included) put on every object of a release. */
    public static final String INSTANCE_LABEL = "app.kubernetes.io/instance";

    /**
     * Requires every component and copies the lists.
     *
     * @param namespace the namespace
     * @param release the release name
     * @param statefulSets the release's StatefulSets
     * @param deployments the release's Deployments
     * @param daemonSets the release's DaemonSets
     * @param podDisruptionBudgets the release's PodDisruptionBudgets
     * @param services the release's Services
     * @param configMaps the namespace's ConfigMaps
     * @param persistentVolumeClaims the namespace's claims
     * @param pods the release's pods
     * @param storageClasses the cluster's StorageClasses
     * @param persistentVolumes the volumes bound to the claims
     * @param schedulableNodes the schedulable node count, if known
     */
    public LiveDeployment {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(release, "release");
        statefulSets = List.copyOf(statefulSets);
        deployments = List.copyOf(deployments);
        daemonSets = List.copyOf(daemonSets);
        podDisruptionBudgets = List.copyOf(podDisruptionBudgets);
        services = List.copyOf(services);
        configMaps = List.copyOf(configMaps);
        persistentVolumeClaims = List.copyOf(persistentVolumeClaims);
        pods = List.copyOf(pods);
        storageClasses = List.copyOf(storageClasses);
        persistentVolumes = List.copyOf(persistentVolumes);
        Objects.requireNonNull(schedulableNodes, "schedulableNodes");
    }

    /**
     * Reads a release's objects and the cluster facts. Needs list access to the namespace's StatefulSets,
     * Deployments, DaemonSets, PodDisruptionBudgets, Services, ConfigMaps, PersistentVolumeClaims and Pods, and to
     * the cluster's StorageClasses, PersistentVolumes and Nodes.
     *
     * @param client the cluster's client
     * @param namespace the release's namespace
     * @param release the Helm release name
     * @return what is running now
     * @throws IllegalArgumentException when the namespace or release is blank
     * @throws VaultTestException when the cluster refuses or fails a read; the message names the object kind
     */
    public static LiveDeployment read(KubernetesClient client, String namespace, String release) {
        Objects.requireNonNull(client, "client");
        requireText(namespace, "namespace");
        requireText(release, "release");
        Map<String, String> instance = Map.of(INSTANCE_LABEL, release);
        List<StatefulSet> statefulSets = list("StatefulSets", namespace, () -> client.apps().statefulSets()
                .inNamespace(namespace).withLabels(instance).list().getItems());
        List<Deployment> deployments = list("Deployments", namespace, () -> client.apps().deployments()
                .inNamespace(namespace).withLabels(instance).list().getItems());
        List<DaemonSet> daemonSets = list("DaemonSets", namespace, () -> client.apps().daemonSets()
                .inNamespace(namespace).withLabels(instance).list().getItems());
        List<PodDisruptionBudget> budgets = list("PodDisruptionBudgets", namespace, () -> client.policy().v1()
                .podDisruptionBudget().inNamespace(namespace).withLabels(instance).list().getItems());
        List<Service> services = list("Services", namespace, () -> client.services()
                .inNamespace(namespace).withLabels(instance).list().getItems());
        List<ConfigMap> configMaps = list("ConfigMaps", namespace, () -> client.configMaps()
                .inNamespace(namespace).list().getItems());
        List<PersistentVolumeClaim> claims = list("PersistentVolumeClaims", namespace, () -> client
                .persistentVolumeClaims().inNamespace(namespace).list().getItems());
        List<Pod> pods = list("Pods", namespace, () -> client.pods()
                .inNamespace(namespace).withLabels(instance).list().getItems());
        List<StorageClass> storageClasses = list("StorageClasses", "the cluster", () -> client.storage().v1()
                .storageClasses().list().getItems());
        List<PersistentVolume> volumes = new ArrayList<>();
        for (PersistentVolumeClaim claim : claims) {
            Optional.ofNullable(claim.getSpec()).map(spec -> spec.getVolumeName()).filter(name -> !name.isBlank())
                    .flatMap(name -> Optional.ofNullable(read("PersistentVolume " + name, "the cluster",
                            () -> client.persistentVolumes().withName(name).get())))
                    .ifPresent(volumes::add);
        }
        List<Node> nodes = list("Nodes", "the cluster", () -> client.nodes().list().getItems());
        long schedulable = nodes.stream()
                .filter(node -> node.getSpec() == null || !Boolean.TRUE.equals(node.getSpec().getUnschedulable()))
                .count();
        return new LiveDeployment(namespace, release, statefulSets, deployments, daemonSets, budgets, services, configMaps, claims, pods,
                storageClasses, volumes, schedulable == 0 ? OptionalInt.empty() : OptionalInt.of((int) schedulable));
    }

    /**
     * The live objects the rules read, as if a chart had rendered them: StatefulSets, Deployments, DaemonSets,
     * PodDisruptionBudgets, Services, ConfigMaps and PersistentVolumeClaims. Pods (and the ReplicaSets behind
     * Deployments) are left out, so an image is reported once, on its workload.
     *
     * @return the objects
     */
    public RenderedManifests manifests() {
        List<HasMetadata> objects = new ArrayList<>();
        objects.addAll(statefulSets);
        objects.addAll(deployments);
        objects.addAll(daemonSets);
        objects.addAll(podDisruptionBudgets);
        objects.addAll(services);
        objects.addAll(configMaps);
        objects.addAll(persistentVolumeClaims);
        return new RenderedManifests(objects);
    }

    /**
     * The cluster's real StorageClasses and schedulable node count, as options for the rules.
     *
     * @return the options
     */
    public CheckOptions checkOptions() {
        return new CheckOptions(storageClasses, schedulableNodes);
    }

    /**
     * Applies every production-readiness rule to what is running.
     *
     * @return the findings, with the same rule ids as the offline check
     * @throws dev.vaulttest.base.InvalidVaultConfigException when the Vault configuration in a live ConfigMap does not
     *     parse
     */
    public CheckReport checks() {
        return StaticChecks.evaluate(manifests(), checkOptions());
    }

    /**
     * The StatefulSets that run the Vault server (a container named {@code vault}, or a Vault image in a
     * StatefulSet whose pods are labelled {@code component: server}), as the rules pick them.
     *
     * @return the server StatefulSets
     */
    public List<StatefulSet> serverStatefulSets() {
        return RenderedDeployment.of(manifests()).servers().stream().map(VaultServer::statefulSet).toList();
    }

    /**
     * The pods of the server StatefulSets: pods whose labels match a server StatefulSet's
     * {@code selector.matchLabels}, in name order.
     *
     * @return the server pods
     */
    public List<Pod> serverPods() {
        List<Map<String, String>> selectors = serverStatefulSets().stream()
                .map(sts -> sts.getSpec().getSelector() == null ? null : sts.getSpec().getSelector().getMatchLabels())
                .filter(labels -> labels != null && !labels.isEmpty())
                .toList();
        return pods.stream()
                .filter(pod -> {
                    Map<String, String> labels = Optional.ofNullable(pod.getMetadata().getLabels()).orElse(Map.of());
                    return selectors.stream().anyMatch(selector -> labels.entrySet().containsAll(selector.entrySet()));
                })
                .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .toList();
    }

    private static <T> List<T> list(String kind, String where, Supplier<List<T>> call) {
        List<T> items = read(kind, where, call);
        return items == null ? List.of() : items;
    }

    private static <T> T read(String what, String where, Supplier<T> call) {
        try {
            return call.get();
        } catch (KubernetesClientException e) {
            throw new VaultTestException("Could not read " + what + " in " + (where.equals("the cluster") ? where
                    : "namespace " + where) + " for the live checklist: HTTP " + e.getCode() + " " + e.getMessage()
                    + ". The client needs list access to it (cluster-scoped kinds need a ClusterRole).", e);
        }
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("The " + name + " must not be blank but was "
                    + (value == null ? "null" : "'" + value + "'"));
        }
    }
}
