package dev.vaulttest.internal.rendered;

import dev.vaulttest.chart.RenderedManifests;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The rendered manifests with the Vault server StatefulSets picked out and their configuration parsed.
 *
 * @param manifests every rendered object
 * @param servers the StatefulSets that run {@code vault server}
 */
public record RenderedDeployment(RenderedManifests manifests, List<VaultServer> servers) {

    /** The ConfigMap key the chart writes the server configuration to. */
    public static final String CONFIG_KEY = "extraconfig-from-values.hcl";

    /** The name the chart gives the container that runs {@code vault server}, in the StatefulSet and its pods. */
    public static final String VAULT_CONTAINER = "vault";

    /**
     * Validates the parts.
     *
     * @param manifests every rendered object
     * @param servers the StatefulSets that run {@code vault server}
     */
    public RenderedDeployment {
        Objects.requireNonNull(manifests, "manifests");
        servers = List.copyOf(servers);
    }

    /**
     * Picks out the Vault servers: StatefulSets with a container named {@code vault}, or labelled
     * {@code component: server} with a container whose image is a Vault image.
     *
     * @param manifests the rendered objects
     * @return the deployment
     * @throws dev.vaulttest.base.InvalidVaultConfigException when a mounted configuration does not parse
     */
    public static RenderedDeployment of(RenderedManifests manifests) {
        List<VaultServer> servers = manifests.all(StatefulSet.class).stream()
                .flatMap(sts -> vaultContainer(sts).stream()
                        .map(container -> new VaultServer(sts, container, mountedConfig(sts, manifests))))
                .toList();
        return new RenderedDeployment(manifests, servers);
    }

    private static Optional<Container> vaultContainer(StatefulSet sts) {
        if (sts.getSpec() == null || sts.getSpec().getTemplate() == null
                || sts.getSpec().getTemplate().getSpec() == null) {
            return Optional.empty();
        }
        List<Container> containers = Optional.ofNullable(sts.getSpec().getTemplate().getSpec().getContainers())
                .orElse(List.of());
        Optional<Container> named = containers.stream().filter(c -> VAULT_CONTAINER.equals(c.getName())).findFirst();
        if (named.isPresent()) {
            return named;
        }
        Map<String, String> labels = sts.getSpec().getTemplate().getMetadata() == null ? null
                : sts.getSpec().getTemplate().getMetadata().getLabels();
        if (labels == null || !"server".equals(labels.get("component"))) {
            return Optional.empty();
        }
        return containers.stream()
                .filter(c -> c.getImage() != null && ImageReference.parse(c.getImage()).repositoryName().equals("vault"))
                .findFirst();
    }

    private static Optional<VaultServer.MountedConfig> mountedConfig(StatefulSet sts, RenderedManifests manifests) {
        PodSpec pod = sts.getSpec().getTemplate().getSpec();
        List<Volume> volumes = Optional.ofNullable(pod.getVolumes()).orElse(List.of());
        return volumes.stream()
                .filter(v -> v.getConfigMap() != null && v.getConfigMap().getName() != null)
                .map(v -> manifests.named(ConfigMap.class, v.getConfigMap().getName()))
                .flatMap(Optional::stream)
                .filter(cm -> cm.getData() != null && cm.getData().containsKey(CONFIG_KEY))
                .findFirst()
                .map(cm -> new VaultServer.MountedConfig(cm.getMetadata().getName(),
                        VaultConfig.parse(cm.getData().get(CONFIG_KEY),
                                "ConfigMap/" + cm.getMetadata().getName() + " key " + CONFIG_KEY)));
    }
}
