package dev.vaulttest.internal.rendered;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * One rendered Vault server StatefulSet, with its {@code vault} container and the Vault configuration it mounts.
 *
 * @param statefulSet the rendered StatefulSet
 * @param container the container that runs {@code vault server}
 * @param config the configuration read from the ConfigMap the pod mounts, when the chart renders one
 */
public record VaultServer(StatefulSet statefulSet, Container container, Optional<MountedConfig> config) {

    /** Where the chart's start script copies the ConfigMap's configuration before starting Vault. */
    public static final String CHART_CONFIG_COPY = "/tmp/storageconfig.hcl";

    /** Flags that make {@code vault server} run in dev mode (Vault's command/server.go). */
    private static final Set<String> DEV_FLAGS = Set.of("dev", "dev-ha", "dev-transactional", "dev-leased-kv",
            "dev-three-node", "dev-four-cluster", "dev-auto-seal", "dev-kv-v1");

    /**
     * A Vault configuration and where it came from.
     *
     * @param configMapName the ConfigMap that holds it
     * @param config the parsed configuration
     */
    public record MountedConfig(String configMapName, VaultConfig config) {
    }

    /**
     * The StatefulSet's name, which is the chart's fullname.
     *
     * @return the name
     */
    public String name() {
        return statefulSet.getMetadata().getName();
    }

    /**
     * The StatefulSet as a resource reference, for messages.
     *
     * @return {@code StatefulSet/<name>}
     */
    public String resource() {
        return "StatefulSet/" + name();
    }

    /**
     * How many pods the StatefulSet runs.
     *
     * @return the replica count; Kubernetes defaults an absent count to 1
     */
    public int replicas() {
        Integer replicas = statefulSet.getSpec().getReplicas();
        return replicas == null ? 1 : replicas;
    }

    /**
     * The pod template's spec.
     *
     * @return the spec
     */
    public PodSpec pod() {
        return statefulSet.getSpec().getTemplate().getSpec();
    }

    /**
     * The command and arguments of the Vault container, in order.
     *
     * @return the words; empty when the container sets neither
     */
    public List<String> commandLine() {
        List<String> words = new ArrayList<>();
        if (container.getCommand() != null) {
            words.addAll(container.getCommand());
        }
        if (container.getArgs() != null) {
            words.addAll(container.getArgs());
        }
        return words;
    }

    /**
     * An environment variable of the Vault container.
     *
     * @param name the variable
     * @return the variable, or empty when the container does not set it
     */
    public Optional<EnvVar> env(String name) {
        if (container.getEnv() == null) {
            return Optional.empty();
        }
        return container.getEnv().stream().filter(e -> name.equals(e.getName())).findFirst();
    }

    /**
     * The literal value of an environment variable of the Vault container.
     *
     * @param name the variable
     * @return the value; empty when unset or set from a secret or field
     */
    public Optional<String> envValue(String name) {
        return env(name).map(EnvVar::getValue);
    }

    /**
     * The configuration the pod mounts, whether or not the server reads it.
     *
     * @return the configuration, or empty when the chart renders none
     */
    public Optional<VaultConfig> vaultConfig() {
        return config.map(MountedConfig::config);
    }

    /**
     * The configuration the server runs with.
     *
     * @return the mounted configuration; empty in dev mode (which ignores it) or when none is mounted
     */
    public Optional<VaultConfig> effectiveConfig() {
        return devModeReason().isPresent() ? Optional.empty() : vaultConfig();
    }

    /**
     * Where the configuration came from, for messages.
     *
     * @return {@code ConfigMap/<name>}, or a phrase saying that none was rendered
     */
    public String configSource() {
        return config.map(c -> "ConfigMap/" + c.configMapName()).orElse("no rendered ConfigMap");
    }

    /**
     * Why this server runs in dev mode: a dev flag on its command line, or no command at all (the Vault
     * image's default command is {@code server -dev}).
     *
     * @return the reason, or empty when it does not run in dev mode
     */
    public Optional<String> devModeReason() {
        List<String> words = commandLine();
        if (words.isEmpty()) {
            return Optional.of("has no command or args, so the Vault image runs its default 'server -dev'");
        }
        for (String word : words) {
            for (String token : word.split("\\s+")) {
                String flag = flagName(token);
                if (flag != null && DEV_FLAGS.contains(flag)) {
                    return Optional.of("starts 'vault server' with '" + token + "'");
                }
            }
        }
        return Optional.empty();
    }

    /** The flag name of a {@code -flag}, {@code --flag} or {@code -flag=true} token, or null. */
    private static String flagName(String token) {
        String t = token.replace("\"", "").replace("'", "");
        if (!t.startsWith("-")) {
            return null;
        }
        t = t.startsWith("--") ? t.substring(2) : t.substring(1);
        int eq = t.indexOf('=');
        if (eq >= 0) {
            String value = t.substring(eq + 1);
            if (value.equalsIgnoreCase("false") || value.equals("0")) {
                return null;
            }
            t = t.substring(0, eq);
        }
        return t;
    }

    /**
     * Configuration files the command line names besides the chart's own copy of the ConfigMap.
     *
     * @return the {@code -config=...} paths other than {@link #CHART_CONFIG_COPY}
     */
    public List<String> extraConfigPaths() {
        List<String> paths = new ArrayList<>();
        for (String word : commandLine()) {
            for (String token : word.split("\\s+")) {
                String t = token.replace("\"", "").replace("'", "");
                for (String prefix : List.of("-config=", "--config=")) {
                    if (t.startsWith(prefix)) {
                        String path = t.substring(prefix.length());
                        if (!path.equals(CHART_CONFIG_COPY)) {
                            paths.add(path);
                        }
                    }
                }
            }
        }
        return paths;
    }
}
