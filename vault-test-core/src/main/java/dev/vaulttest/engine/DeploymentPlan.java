package dev.vaulttest.engine;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.internal.helm.RenderedChart;
import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.internal.rendered.VaultServer;
import dev.vaulttest.vault.Sensitive;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
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

    /** The root token the chart gives a dev-mode server unless its values name another. */
    private static final String DEFAULT_DEV_ROOT_TOKEN = "root";

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
        List<VaultServer> servers = RenderedDeployment.of(rendered.manifests()).servers();
        if (servers.size() != 1) {
            throw new VaultTestException("Chart " + rendered.request().chart().describe() + " rendered "
                    + servers.size() + " Vault server StatefulSet(s); expected exactly one. Check that server.enabled"
                    + " is true and that the chart is the Vault chart.");
        }
        VaultServer server = servers.get(0);
        StatefulSet sts = server.statefulSet();
        String name = server.name();
        String scheme = server.envValue("VAULT_ADDR").orElse("http://").startsWith("https") ? "https" : "http";
        Optional<Sensitive> devToken = server.devModeReason().isPresent()
                ? Optional.of(Sensitive.of(server.envValue("VAULT_DEV_ROOT_TOKEN_ID").orElse(DEFAULT_DEV_ROOT_TOKEN)))
                : Optional.empty();
        Optional<VaultConfig.Block> storage = server.effectiveConfig().flatMap(VaultConfig::storage);
        boolean raft = storage.map(s -> s.type().equals("raft")).orElse(false);
        boolean retryJoin = raft && !storage.orElseThrow().nested("retry_join").isEmpty();
        Map<String, String> selector = sts.getSpec().getSelector() == null
                || sts.getSpec().getSelector().getMatchLabels() == null ? Map.of()
                : sts.getSpec().getSelector().getMatchLabels();
        String service = sts.getSpec().getServiceName() == null ? name + "-internal" : sts.getSpec().getServiceName();
        return new DeploymentPlan(name, service, server.replicas(), selector, scheme, devToken, raft, retryJoin);
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
