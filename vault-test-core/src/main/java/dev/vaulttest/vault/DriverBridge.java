package dev.vaulttest.vault;

import io.github.jopenlibs.vault.EnvironmentLoader;
import io.github.jopenlibs.vault.SslConfig;
import io.github.jopenlibs.vault.Vault;
import io.github.jopenlibs.vault.VaultConfig;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.rest.RestResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * Builds vault-java-driver clients for one node and maps the driver's answers and exceptions to ours.
 *
 * <p>The driver's quirks (reference F) are handled here: every client gets an explicit engine version, so
 * {@code sys/*} and {@code auth/*} paths are never rewritten to {@code .../data/...}; the KV v2 client gets a
 * prefix depth equal to the mount's depth; 4xx answers that {@code logical()} returns instead of throwing are
 * checked by the callers through {@link #status(RestResponse)}; and the driver never reads {@code VAULT_*}
 * environment variables, so a developer's shell cannot redirect a test. {@code mounts()} and {@code seal()}
 * ignore the configured {@link java.net.http.HttpClient} in 6.2.0 (they build their own from the
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
     * @param prefixPathDepth how many path segments form the mount (only matters for version 2)
     * @param operation the operation whose read timeout applies
     */
    Vault client(int engineVersion, int prefixPathDepth, VaultOperation operation) {
        VaultEndpoint endpoint = http.endpoint();
        try {
            VaultConfig config = new VaultConfig()
                    .environmentLoader(new NoEnvironment())
                    .address(endpoint.baseUri().toString())
                    .engineVersion(engineVersion)
                    .prefixPathDepth(prefixPathDepth)
                    .httpClient(http.client())
                    .sslConfig(sslConfig(endpoint))
                    .openTimeout(seconds(endpoint.timeouts().connect()))
                    .readTimeout(seconds(endpoint.timeouts().readTimeout(operation)));
            http.token().ifPresent(token -> config.token(token.reveal()));
            return Vault.create(config.build());
        } catch (VaultException e) {
            throw new VaultApiException(endpoint.nodeName(), operation, VaultApiException.NO_HTTP_STATUS, List.of(),
                    "Could not configure vault-java-driver for node '" + endpoint.nodeName() + "' at "
                            + endpoint.baseUri() + ": " + Redactor.scrub(e.getMessage(), http.secrets()), null);
        }
    }

    private static SslConfig sslConfig(VaultEndpoint endpoint) throws VaultException {
        SslConfig ssl = new SslConfig().verify(true);
        endpoint.caBundlePem().ifPresent(ssl::pemUTF8);
        return ssl.build();
    }

    static int status(RestResponse response) {
        return response.getStatus();
    }

    static String body(RestResponse response) {
        byte[] body = response.getBody();
        return body == null ? "" : new String(body, StandardCharsets.UTF_8);
    }

    /**
     * Maps a driver exception. The driver puts the whole response body into its message; only the status and
     * the parsed {@code errors} survive, scrubbed, and the driver exception is not chained.
     */
    VaultApiException failure(VaultOperation operation, String method, String path, VaultException e,
            String expected, List<Sensitive> requestSecrets) {
        int status = e.getHttpStatusCode();
        String message = e.getMessage() == null ? "" : e.getMessage();
        if (status == 0) {
            Throwable cause = e.getCause();
            while (cause != null && cause.getCause() != null && !(cause instanceof java.io.IOException)) {
                cause = cause.getCause();
            }
            if (cause instanceof java.io.IOException io) {
                return http.unreachable(operation, method, path, io, requestSecrets);
            }
            return new VaultApiException(http.endpoint().nodeName(), operation, VaultApiException.NO_HTTP_STATUS,
                    List.of(), "vault-java-driver failed " + operation + " on node '" + http.endpoint().nodeName()
                            + "' without an HTTP answer: " + Redactor.scrub(message, http.secrets(
                                    requestSecrets.toArray(Sensitive[]::new))), null);
        }
        int bodyStart = message.indexOf("Response body:");
        String body = bodyStart < 0 ? "" : message.substring(bodyStart + "Response body:".length()).strip();
        return http.failure(operation, method, path, new NodeHttp.Answer(status, body, http.json()), expected,
                requestSecrets);
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
