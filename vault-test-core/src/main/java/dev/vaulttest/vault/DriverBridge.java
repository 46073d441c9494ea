package dev.vaulttest.vault;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import java.util.List;

/**
 * Builds the vault-java-driver clients {@link VaultNodeClient#driverClient()} hands to users. The library's own
 * operations do not use the driver: for a 5xx answer its {@code logical()} throws an exception whose message is the
 * only place the body survives, so they go over {@link NodeHttp}, which has the real status and body.
 *
 * <p>The driver's quirks (reference F) are handled here: every client gets an explicit engine version, so
 * {@code sys/*} and {@code auth/*} paths are never rewritten to {@code .../data/...}; and the driver never reads
 * {@code VAULT_*} environment variables, so a developer's shell cannot redirect a test. {@code mounts()} and
 * {@code seal()} ignore the configured {@link java.net.http.HttpClient} in 6.2.0 (they build their own from the
 * {@link SslConfig}), so the CA bundle is given to both.
 */
final class DriverBridge {

    private final NodeHttp http;

    DriverBridge(NodeHttp http) {
        this.http = http;
    }

    /**
     * A driver client for the node.
     *
     * @param engineVersion the KV engine version {@code logical()} assumes for every path
     * @param operation the operation whose read timeout applies
     */
    Vault client(int engineVersion, VaultOperation operation) {
        VaultEndpoint endpoint = http.endpoint();
        try {
            VaultConfig config = new VaultConfig()
                    .environmentLoader(new NoEnvironment())
                    .address(endpoint.baseUri().toString())
                    .engineVersion(engineVersion)
                    .prefixPathDepth(1)
                    .httpClient(http.client())
                    .sslConfig(sslConfig(endpoint))
                    .openTimeout(seconds(endpoint.timeouts().connect()))
                    .readTimeout(seconds(endpoint.timeouts().readTimeout(operation)));
            http.token().ifPresent(token -> config.token(token.reveal()));
            return Vault.create(config.build());
        } catch (VaultException e) {
            throw new VaultApiException(endpoint.nodeName(), operation, VaultApiException.NO_HTTP_STATUS, List.of(),
                    "Could not configure vault-java-driver for node '" + endpoint.nodeName() + "' at "
                            + endpoint.baseUri() + ": " + Redactor.scrub(e.getMessage(), http.secrets(List.of())),
                    null);
        }
    }

    private static SslConfig sslConfig(VaultEndpoint endpoint) throws VaultException {
        SslConfig ssl = new SslConfig().verify(true);
        endpoint.caBundlePem().ifPresent(ssl::pemUTF8);
        return ssl.build();
    }

    private static int seconds(java.time.Duration duration) {
        long seconds = Math.max(1, (duration.toMillis() + 999) / 1000);
        return (int) Math.min(Integer.MAX_VALUE, seconds);
    }

    /** Makes the driver ignore {@code VAULT_ADDR}, {@code VAULT_TOKEN} and friends. */
    private static final class NoEnvironment extends EnvironmentLoader {
        private static final long serialVersionUID = 1L;

        @Override
        public String loadVariable(String name) {
            return null;
        }
    }
}
