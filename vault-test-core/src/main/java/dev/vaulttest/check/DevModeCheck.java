package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** {@link Rule#DEV_MODE}: the server runs {@code vault server -dev} (see {@link VaultServer#devModeReason()}). */
final class DevModeCheck implements RuleCheck {

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            Optional<String> why = server.devModeReason();
            if (why.isEmpty()) {
                continue;
            }
            String token = server.env("VAULT_DEV_ROOT_TOKEN_ID").isPresent()
                    ? ", and its root token is fixed by the environment variable VAULT_DEV_ROOT_TOKEN_ID"
                    : ", and its root token is printed to the log";
            findings.add(Rule.DEV_MODE.finding(server.resource(),
                    "Container '" + server.container().getName() + "' of " + server.resource() + " " + why.get()
                            + ": storage is in memory (every secret is lost on restart), Vault starts unsealed"
                            + token + ".",
                    "Set server.dev.enabled=false and give the server persistent storage"
                            + " (server.standalone.config or server.ha.raft.config with server.dataStorage.enabled=true)."));
        }
        return findings;
    }
}
