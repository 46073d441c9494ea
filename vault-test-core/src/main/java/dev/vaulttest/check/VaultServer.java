package dev.vaulttest.check;

import dev.vaulttest.internal.VaultConfig;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * One rendered Vault server StatefulSet, with its {@code vault} container and the Vault configuration it mounts.
 *
 * @param statefulSet the rendered StatefulSet
 * @param container the container that runs {@code vault server}
 * @param config the configuration read from the ConfigMap the pod mounts, when the chart renders one
 */
record VaultServer(StatefulSet statefulSet, Container container, Optional<MountedConfig> config) {

    /**
     * A Vault configuration and where it came from.
     *
     * @param configMapName the ConfigMap that holds it
     * @param config the parsed configuration
     */
    record MountedConfig(String configMapName, VaultConfig config) {
    }

    String name() {
        return statefulSet.getMetadata().getName();
    }

    String resource() {
        return "StatefulSet/" + name();
    }

    /** The replica count; Kubernetes defaults an absent count to 1. */
    int replicas() {
        Integer replicas = statefulSet.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    PodSpec pod() {
        return statefulSet.getSpec().getTemplate().getSpec();
    }

    /** The command and arguments of the Vault container, in order. */
    List<String> commandLine() {
        List<String> words = new ArrayList<>();
        if (container.getCommand() != null) {
            words.addAll(container.getCommand());
        }
        if (container.getArgs() != null) {
            words.addAll(container.getArgs());
        }
        return words;
    }

    Optional<EnvVar> env(String name) {
        if (container.getEnv() == null) {
            return Optional.empty();
        }
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst();
    }

    /** The literal value of an environment variable; empty when unset or set from a secret or field. */
    Optional<String> envValue(String name) {
        return env(name).map(EnvVar::getValue);
    }

    Optional<VaultConfig> vaultConfig() {
        return config.map(MountedConfig::config);
    }
}
