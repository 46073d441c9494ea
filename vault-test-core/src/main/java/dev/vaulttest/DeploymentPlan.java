package dev.vaulttest;

import dev.vaulttest.chart.RenderedChart;
import dev.vaulttest.internal.VaultConfig;
import dev.vaulttest.vault.Sensitive;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.IntStream;

/**
 * What the rendered chart will run, read from the manifests rather than guessed from the values: the
 * StatefulSet and its pods, the listener scheme, dev mode and its root token, raft storage and whether the
 * configuration joins by itself ({@code retry_join}).
 *
 * @param statefulSet the Vault server StatefulSet's name (the chart's fullname)
 * @param headlessService the StatefulSet's {@code serviceName}, through which pods reach each other
 * @param replicas how many Vault pods the StatefulSet runs
 * @param selector the StatefulSet's pod selector
 * @param scheme {@code http} or {@code https}, from the container's {@code VAULT_ADDR}
 * @param devRootToken the root token of a dev-mode server; empty outside dev mode
 * @param raft whether the configuration uses integrated storage
 * @param retryJoin whether the configuration has {@code retry_join} stanzas, so followers join by themselves
 */
record DeploymentPlan(String statefulSet, String headlessService, int replicas, Map<String, String> selector,
        String scheme, Optional<Sensitive> devRootToken, boolean raft, boolean retryJoin) {

    /** The Vault API port in the pods. */
    static final int API_PORT = 8200;

    static final String VAULT_CONTAINER = "vault";

    private static final String CONFIG_KEY = "extraconfig-from-values.hcl";

    DeploymentPlan {
        Objects.requireNonNull(statefulSet, "statefulSet");
        Objects.requireNonNull(headlessService, "headlessService");
        selector = Map.copyOf(selector);
        Objects.requireNonNull(scheme, "scheme");
        Objects.requireNonNull(devRootToken, "devRootToken");
    }

    /**
     * Reads the plan from a render.
     *
     * @param rendered the chart rendered for the release
     * @return the plan
     * @throws VaultTestException when the chart renders no StatefulSet with a {@code vault} container
     */
    static DeploymentPlan of(RenderedChart rendered) {
        List<StatefulSet> servers = rendered.manifests().all(StatefulSet.class).stream()
                .filter(sts -> vaultContainer(sts).isPresent()).toList();
        if (servers.size() != 1) {
            throw new VaultTestException("Chart " + rendered.request().chart().describe() + " rendered "
                    + servers.size() + " StatefulSet(s) with a '" + VAULT_CONTAINER + "' container; expected exactly"
                    + " one Vault server StatefulSet. Check that server.enabled is true and that the chart is the"
                    + " Vault chart.");
        }
        StatefulSet sts = servers.get(0);
        String name = sts.getMetadata().getName();
        Container vault = vaultContainer(sts).orElseThrow();
        Map<String, String> env = new java.util.LinkedHashMap<>();
        if (vault.getEnv() != null) {
            for (EnvVar variable : vault.getEnv()) {
                if (variable.getValue() != null) {
                    env.put(variable.getName(), variable.getValue());
                }
            }
        }
        String scheme = env.getOrDefault("VAULT_ADDR", "http://").startsWith("https") ? "https" : "http";
        boolean dev = String.join(" ", args(vault)).contains(" -dev") || env.containsKey("VAULT_DEV_ROOT_TOKEN_ID");
        Optional<Sensitive> devToken = dev
                ? Optional.of(Sensitive.of(env.getOrDefault("VAULT_DEV_ROOT_TOKEN_ID", "root")))
                : Optional.empty();
        Optional<VaultConfig> config = dev ? Optional.empty() : config(rendered, name);
        boolean raft = config.flatMap(VaultConfig::storage).map(s -> s.type().equals("raft")).orElse(false);
        boolean retryJoin = raft && !config.flatMap(VaultConfig::storage).orElseThrow().nested("retry_join").isEmpty();
        Integer replicas = sts.getSpec().getReplicas();
        Map<String, String> selector = sts.getSpec().getSelector() == null
                || sts.getSpec().getSelector().getMatchLabels() == null ? Map.of()
                : sts.getSpec().getSelector().getMatchLabels();
        String service = sts.getSpec().getServiceName() == null ? name + "-internal" : sts.getSpec().getServiceName();
        return new DeploymentPlan(name, service, replicas == null ? 1 : replicas, selector, scheme, devToken, raft,
                retryJoin);
    }

    private static Optional<Container> vaultContainer(StatefulSet sts) {
        if (sts.getSpec() == null || sts.getSpec().getTemplate() == null
                || sts.getSpec().getTemplate().getSpec() == null) {
            return Optional.empty();
        }
        return sts.getSpec().getTemplate().getSpec().getContainers().stream()
                .filter(c -> VAULT_CONTAINER.equals(c.getName())).findFirst();
    }

    private static List<String> args(Container container) {
        List<String> all = new ArrayList<>();
        if (container.getCommand() != null) {
            all.addAll(container.getCommand());
        }
        if (container.getArgs() != null) {
            all.addAll(container.getArgs());
        }
        return all.stream().map(a -> " " + a.strip()).toList();
    }

    private static Optional<VaultConfig> config(RenderedChart rendered, String fullname) {
        return rendered.manifests().named(ConfigMap.class, fullname + "-config")
                .map(ConfigMap::getData)
                .map(data -> data.get(CONFIG_KEY))
                .map(text -> VaultConfig.parse(text, "ConfigMap/" + fullname + "-config key " + CONFIG_KEY));
    }

    /**
     * The pod names, in ordinal order.
     *
     * @return {@code <statefulSet>-0} to {@code <statefulSet>-(replicas-1)}
     */
    List<String> podNames() {
        return IntStream.range(0, replicas).mapToObj(i -> statefulSet + "-" + i).toList();
    }

    /**
     * The API address a follower joins: the first pod through the headless service.
     *
     * @return for example {@code http://vault-x-0.vault-x-internal:8200}
     */
    String leaderApiAddress() {
        return scheme + "://" + statefulSet + "-0." + headlessService + ":" + API_PORT;
    }

    /**
     * Whether the plan is a dev-mode server.
     *
     * @return {@code true} in dev mode
     */
    boolean dev() {
        return devRootToken.isPresent();
    }

    @Override
    public String toString() {
        return "DeploymentPlan[" + statefulSet + " x" + replicas + ", " + scheme + (dev() ? ", dev" : "")
                + (raft ? ", raft" : "") + (retryJoin ? ", retry_join" : "") + "]";
    }
}
