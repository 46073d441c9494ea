package dev.vaulttest.check;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * {@link Rule#DEV_MODE}: the server is started with {@code -dev} (or a flag that implies it), or the Vault
 * image runs with no command, whose default is {@code server -dev}.
 */
final class DevModeCheck implements RuleCheck {

    /** Flags that make {@code vault server} run in dev mode (Vault's command/server.go). */
    private static final Set<String> DEV_FLAGS = Set.of("dev", "dev-ha", "dev-transactional", "dev-leased-kv",
            "dev-three-node", "dev-four-cluster", "dev-auto-seal", "dev-kv-v1");

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            String why = devModeReason(server);
            if (why == null) {
                continue;
            }
            String token = server.env("VAULT_DEV_ROOT_TOKEN_ID").isPresent()
                    ? " and the root token is fixed by VAULT_DEV_ROOT_TOKEN_ID"
                    : " with a root token printed to the log";
            findings.add(Rule.DEV_MODE.finding(server.resource(),
                    "Container '" + server.container().getName() + "' of " + server.resource() + " " + why
                            + ": storage is in memory (every secret is lost on restart), Vault starts unsealed"
                            + token + ".",
                    "Set server.dev.enabled=false and configure persistent storage"
                            + " (server.standalone.config or server.ha.raft.config)."));
        }
        return findings;
    }

    private static String devModeReason(VaultServer server) {
        List<String> words = server.commandLine();
        if (words.isEmpty()) {
            return "has no command or args, so the Vault image runs its default 'server -dev'";
        }
        for (String word : words) {
            for (String token : word.split("\\s+")) {
                String flag = flagName(token);
                if (flag != null && DEV_FLAGS.contains(flag)) {
                    return "starts 'vault server' with '" + token + "'";
                }
            }
        }
        return null;
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
}
