package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.internal.rendered.VaultServer;
import io.fabric8.kubernetes.api.model.EnvVar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Rule#NO_AUTO_UNSEAL}: no enabled seal other than Shamir.
 *
 * <p>As Vault's command/server.go does it: with no seal stanza the seal is Shamir; for every seal stanza that is
 * not {@code disabled}, a non-empty {@code VAULT_SEAL_TYPE} replaces the stanza's type, and with no stanza it
 * selects the seal on its own. Key id variables such as {@code VAULT_AWSKMS_SEAL_KEY_ID} do not select a seal.
 */
final class NoAutoUnsealCheck implements RuleCheck {

    static final String SEAL_TYPE_ENV = "VAULT_SEAL_TYPE";
    private static final String SHAMIR = "shamir";

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            Optional<VaultConfig> config = server.effectiveConfig();
            if (config.isEmpty()) {
                continue;
            }
            Optional<EnvVar> sealEnv = server.env(SEAL_TYPE_ENV);
            if (sealEnv.isPresent() && sealEnv.get().getValue() == null && sealEnv.get().getValueFrom() != null) {
                // Set from a Secret or ConfigMap: the type is not visible offline, so trust that it names a seal.
                continue;
            }
            String envType = sealEnv.map(EnvVar::getValue).map(String::strip).orElse("");
            List<VaultConfig.Block> enabled = config.get().seals().stream()
                    .filter(s -> !s.flag("disabled").orElse(false))
                    .toList();
            boolean autoUnseal = enabled.isEmpty()
                    ? !envType.isEmpty() && !envType.equals(SHAMIR)
                    : enabled.stream().anyMatch(s -> !(envType.isEmpty() ? s.type() : envType).equals(SHAMIR));
            if (!autoUnseal) {
                findings.add(Rule.NO_AUTO_UNSEAL.finding(server.resource(), message(server, config.get(), envType),
                        "Add a seal stanza such as seal \"awskms\" { ... } to the server configuration"
                                + " (server.standalone.config or server.ha.raft.config), or set VAULT_SEAL_TYPE and"
                                + " the seal's settings through server.extraEnvironmentVars /"
                                + " server.extraSecretEnvironmentVars."));
            }
        }
        return findings;
    }

    private static String message(VaultServer server, VaultConfig config, String envType) {
        StringBuilder m = new StringBuilder(server.resource()).append(" unseals with Shamir keys only: ");
        List<VaultConfig.Block> seals = config.seals();
        if (seals.isEmpty()) {
            m.append(server.configSource()).append(" has no seal stanza");
        } else {
            m.append(server.configSource()).append(" has only ")
                    .append(String.join(", ", seals.stream().map(NoAutoUnsealCheck::describe).toList()));
        }
        m.append(envType.isEmpty() ? " and " + SEAL_TYPE_ENV + " is not set"
                : " and " + SEAL_TYPE_ENV + "=" + envType);
        m.append(", so every restarted pod stays sealed until someone enters the unseal keys.");
        if (server.env("VAULT_AWSKMS_SEAL_KEY_ID").isPresent() || server.env("AWSKMS_WRAPPER_KEY_ID").isPresent()
                || server.env("AWS_KMS_KEY_ID").isPresent()) {
            m.append(" A KMS key id is set in the environment, but that does not select a seal on its own.");
        }
        List<String> extra = server.extraConfigPaths();
        if (!extra.isEmpty()) {
            m.append(" The server also reads ").append(String.join(", ", extra))
                    .append(", which this offline check cannot see; a seal stanza there is not taken into account.");
        }
        return m.toString();
    }

    private static String describe(VaultConfig.Block seal) {
        return "seal \"" + seal.type() + "\"" + (seal.flag("disabled").orElse(false) ? " (disabled)" : "");
    }
}
