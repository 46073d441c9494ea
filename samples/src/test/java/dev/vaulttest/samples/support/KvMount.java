package dev.vaulttest.samples.support;

import dev.vaulttest.vault.VaultApiException;
import dev.vaulttest.vault.VaultNodeClient;

/** Enables the KV v2 secrets engine the samples write to, once per deployment. */
public final class KvMount {

    private KvMount() {
    }

    /**
     * Enables a KV v2 engine at a mount path unless something is mounted there already (dev mode pre-mounts
     * {@code secret/}; a test class's deployment outlives its first test).
     *
     * @param client a client with a token that may mount engines, for example {@code vault.client()}
     * @param mount the mount path, for example {@code secret}
     */
    public static void ensure(VaultNodeClient client, String mount) {
        try {
            client.enableKvV2(mount);
        } catch (VaultApiException e) {
            if (!e.hasError("already in use")) {
                throw e;
            }
        }
    }
}
