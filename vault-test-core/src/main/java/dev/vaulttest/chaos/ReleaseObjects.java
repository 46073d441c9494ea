package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.internal.rendered.RenderedDeployment;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The Kubernetes objects of one Vault release, read fresh on every call (the client changes after a cluster
 * restart, so it is never kept).
 */
final class ReleaseObjects {

    /** The chart's label for the release. */
    static final String INSTANCE_LABEL = "app.kubernetes.io/instance";
    /** The chart's label that tells server pods from injector pods. */
    static final String COMPONENT_LABEL = "component";
    /** The label the StatefulSet controller puts on each pod, holding its name. */
    static final String POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    /** The chart's name for the Vault container. */

    private final VaultEnvironment env;

    ReleaseObjects(VaultEnvironment env) {
        this.env = env;
    }

    KubernetesClient client() {
        return env.kubernetes();
    }

    String namespace() {
        return env.namespace();
    }

    /** The labels every Vault server pod of the release carries. */
    Map<String, String> serverPodLabels() {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(INSTANCE_LABEL, env.releaseName());
        labels.put(COMPONENT_LABEL, "server");
        return labels;
    }

    List<String> nodeNames() {
        return env.nodes().stream().map(VaultNode::name).toList();
    }

    Optional<Pod> pod(String name) {
        return Optional.ofNullable(client().pods().inNamespace(namespace()).withName(name).get());
    }

    Optional<String> podUid(String name) {
        return pod(name).map(p -> p.getMetadata().getUid());
    }

    /** The server pods of the release that exist now, by name. */
    Map<String, Pod> pods() {
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (String name : nodeNames()) {
            pod(name).ifPresent(p -> pods.put(name, p));
        }
        return pods;
    }

    /** The release's server StatefulSet: the one whose pods carry the release's server labels. */
    StatefulSet statefulSet() {
        List<StatefulSet> sets = client().apps().statefulSets().inNamespace(namespace())
                .withLabel(INSTANCE_LABEL, env.releaseName()).list().getItems();
        List<StatefulSet> servers = sets.stream().filter(set -> {
            Map<String, String> labels = set.getSpec() == null || set.getSpec().getTemplate() == null
                    || set.getSpec().getTemplate().getMetadata() == null ? Map.of()
                    : set.getSpec().getTemplate().getMetadata().getLabels();
            return labels != null && "server".equals(labels.get(COMPONENT_LABEL));
        }).toList();
        List<StatefulSet> candidates = servers.isEmpty() ? sets : servers;
        if (candidates.size() != 1) {
            throw new ChaosPreconditionException("Expected one Vault server StatefulSet labelled " + INSTANCE_LABEL + "="
                    + env.releaseName() + " in namespace " + namespace() + ", found "
                    + candidates.stream().map(s -> s.getMetadata().getName()).toList()
                    + ". Was the release installed by the chart, and is it still there?");
        }
        return candidates.get(0);
    }

    /** The Vault container's image in a pod spec (or the first container's, if none is named vault). */
    static Optional<String> specImage(List<Container> containers) {
        if (containers == null || containers.isEmpty()) {
            return Optional.empty();
        }
        return containers.stream().filter(c -> RenderedDeployment.VAULT_CONTAINER.equals(c.getName())).findFirst()
                .or(() -> Optional.of(containers.get(0))).map(Container::getImage);
    }

    /** The Vault container's status in a pod, if the kubelet reported one. */
    static Optional<ContainerStatus> vaultStatus(Pod pod) {
        if (pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null
                || pod.getStatus().getContainerStatuses().isEmpty()) {
            return Optional.empty();
        }
        List<ContainerStatus> statuses = pod.getStatus().getContainerStatuses();
        return statuses.stream().filter(s -> RenderedDeployment.VAULT_CONTAINER.equals(s.getName())).findFirst()
                .or(() -> Optional.of(statuses.get(0)));
    }
}
