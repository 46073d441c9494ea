package dev.vaulttest.vault;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raw HTTP to one node: builds requests, applies timeouts and the token, and turns failures into
 * {@link VaultApiException}s with secrets scrubbed.
 */
final class NodeHttp {

    private static final Logger LOG = LoggerFactory.getLogger(NodeHttp.class);
    private static final String TOKEN_HEADER = "X-Vault-Token";

    private final VaultEndpoint endpoint;
    private final HttpClient client;
    private final JsonMapper json;
    private final Optional<Sensitive> token;

    NodeHttp(VaultEndpoint endpoint, HttpClient client, JsonMapper json, Optional<Sensitive> token) {
        this.endpoint = endpoint;
        this.client = client;
        this.json = json;
        this.token = token;
    }

    static HttpClient newClient(VaultEndpoint endpoint) {
        HttpClient.Builder builder = HttpClient.newBuilder()
                .version(HttpClient.Version.HTTP_1_1)
                .followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(endpoint.timeouts().connect());
        endpoint.caBundlePem().ifPresent(pem -> builder.sslContext(TlsTrust.trusting(endpoint.nodeName(), pem)));
        return builder.build();
    }

    VaultEndpoint endpoint() {
        return endpoint;
    }

    HttpClient client() {
        return client;
    }

    JsonMapper json() {
        return json;
    }

    Optional<Sensitive> token() {
        return token;
    }

    ObjectNode object() {
        return json.createObjectNode();
    }

    /** An answer with its status and body text. */
    record Answer(int status, String body, JsonMapper json) {

        JsonNode tree() {
            if (body == null || body.isBlank()) {
                return json.missingNode();
            }
            return json.readTree(body);
        }
    }

    /** Which secrets a request carries, so they can be scrubbed from what comes back. */
    List<Sensitive> secrets(Sensitive... requestSecrets) {
        List<Sensitive> all = new ArrayList<>(List.of(requestSecrets));
        token.ifPresent(all::add);
        return all;
    }

    Answer get(VaultOperation operation, String path, boolean authenticated) {
        return send(operation, "GET", path, HttpRequest.BodyPublishers.noBody(), authenticated, List.of(), null);
    }

    Answer write(VaultOperation operation, String method, String path, JsonNode body, boolean authenticated,
            List<Sensitive> requestSecrets) {
        String text = body == null ? "" : json.writeValueAsString(body);
        HttpRequest.BodyPublisher publisher = body == null
                ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(text, StandardCharsets.UTF_8);
        return send(operation, method, path, publisher, authenticated, requestSecrets, "application/json");
    }

    Answer send(VaultOperation operation, String method, String path, HttpRequest.BodyPublisher body,
            boolean authenticated, List<Sensitive> requestSecrets, String contentType) {
        HttpRequest request = request(operation, method, path, body, authenticated, contentType);
        long started = System.nanoTime();
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            LOG.debug("{} {} /v1/{} -> {} in {} ms", endpoint.nodeName(), method, path, response.statusCode(),
                    elapsedMillis(started));
            return new Answer(response.statusCode(), response.body(), json);
        } catch (IOException e) {
            throw unreachable(operation, method, path, e, requestSecrets);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultApiException(endpoint.nodeName(), operation, VaultApiException.NO_HTTP_STATUS, List.of(),
                    "Interrupted while waiting for node '" + endpoint.nodeName() + "' to answer " + method + " /v1/"
                            + path + ".", e);
        }
    }

    HttpRequest request(VaultOperation operation, String method, String path, HttpRequest.BodyPublisher body,
            boolean authenticated, String contentType) {
        HttpRequest.Builder builder = HttpRequest.newBuilder(uri(path))
                .timeout(endpoint.timeouts().readTimeout(operation))
                .method(method, body);
        if (contentType != null) {
            builder.header("Content-Type", contentType);
        }
        if (authenticated) {
            Sensitive value = token.orElseThrow(() -> new VaultApiException(endpoint.nodeName(), operation,
                    VaultApiException.NO_HTTP_STATUS, List.of(), "Operation " + operation + " on node '"
                            + endpoint.nodeName() + "' needs a Vault token, but this client has none. Use"
                            + " VaultNodeClient.withToken(rootToken) with the root token from init (or a token"
                            + " with the needed policy).", null));
            builder.header(TOKEN_HEADER, value.reveal());
        }
        return builder.build();
    }

    URI uri(String path) {
        return URI.create(endpoint.baseUri() + "/v1/" + path);
    }

    VaultApiException unreachable(VaultOperation operation, String method, String path, IOException e,
            List<Sensitive> requestSecrets) {
        String node = endpoint.nodeName();
        String what;
        if (e instanceof HttpConnectTimeoutException) {
            what = "did not accept a connection within " + endpoint.timeouts().connect()
                    + " (raise VaultTimeouts.connect, or check the port-forward)";
        } else if (e instanceof HttpTimeoutException) {
            Duration timeout = endpoint.timeouts().readTimeout(operation);
            what = "did not answer within " + timeout + " (the read timeout for " + operation
                    + "; raise it with VaultTimeouts.withOperation(" + operation + ", ...) if the node is just slow)";
        } else if (e instanceof ConnectException) {
            what = "refused the connection (is the pod running and the port-forward alive? a Vault that cannot"
                    + " reach its KMS at startup exits and never opens its port)";
        } else if (e instanceof SSLException) {
            what = "failed the TLS handshake (does the endpoint's CA bundle contain the CA of the listener"
                    + " certificate, and is the certificate issued for " + endpoint.baseUri().getHost() + "?)";
        } else {
            what = "failed with " + e.getClass().getSimpleName();
        }
        String detail = Redactor.scrub(String.valueOf(e.getMessage()), secrets(requestSecrets.toArray(Sensitive[]::new)));
        return new VaultApiException(node, operation, VaultApiException.NO_HTTP_STATUS, List.of(),
                "Node '" + node + "' at " + endpoint.baseUri() + " " + what + " during " + operation + " (" + method
                        + " /v1/" + path + "): " + detail,
                e);
    }

    /**
     * The exception for an answer that was not the expected one.
     *
     * @param expected what the operation needed, for example {@code "204 No Content"}
     */
    VaultApiException failure(VaultOperation operation, String method, String path, Answer answer, String expected,
            List<Sensitive> requestSecrets) {
        List<Sensitive> secrets = secrets(requestSecrets.toArray(Sensitive[]::new));
        List<String> errors = Redactor.scrubAll(errorStrings(answer), secrets);
        String node = endpoint.nodeName();
        StringBuilder message = new StringBuilder()
                .append("Node '").append(node).append("' answered ").append(operation)
                .append(" (").append(method).append(" /v1/").append(path).append(") with HTTP ").append(answer.status())
                .append(errors.isEmpty() ? "" : " " + errors)
                .append("; expected ").append(expected).append('.');
        hint(answer.status(), errors).ifPresent(hint -> message.append(' ').append(hint));
        return new VaultApiException(node, operation, answer.status(), errors, message.toString(), null);
    }

    VaultApiException unparseable(VaultOperation operation, String path, Answer answer, RuntimeException e) {
        String node = endpoint.nodeName();
        return new VaultApiException(node, operation, answer.status(), List.of(), "Node '" + node + "' answered "
                + operation + " (/v1/" + path + ") with HTTP " + answer.status() + " but a body that is not the"
                + " documented JSON (" + e.getClass().getSimpleName() + "). Is the endpoint really a Vault"
                + " listener?", null);
    }

    List<String> errorStrings(Answer answer) {
        try {
            JsonNode errors = answer.tree().path("errors");
            List<String> result = new ArrayList<>();
            for (JsonNode error : errors) {
                result.add(error.isString() ? error.stringValue() : error.toString());
            }
            return result;
        } catch (JacksonException e) {
            String body = answer.body() == null ? "" : answer.body().strip();
            return body.isEmpty() ? List.of() : List.of(body.length() > 200 ? body.substring(0, 200) + "..." : body);
        }
    }

    private static Optional<String> hint(int status, List<String> errors) {
        String joined = String.join(" ", errors);
        if (status == 503 || joined.contains("Vault is sealed")) {
            return Optional.of("The node is sealed: unseal it (Shamir) or check its KMS (auto-unseal), then retry.");
        }
        if (joined.contains("local node not active but active cluster node not found")) {
            return Optional.of("This standby knows no active node yet (leader election in progress, or quorum"
                    + " lost): wait for sys/health to answer 200 or 429 on some node, then retry.");
        }
        if (joined.contains("Unseal failed, invalid key")) {
            return Optional.of("A share does not belong to this cluster; shares accepted in an earlier attempt count"
                    + " too (VaultNodeClient.resetUnseal() discards them).");
        }
        if (status == 403) {
            return Optional.of("The token is missing, expired or lacks a policy for this path.");
        }
        if (status == 307) {
            return Optional.of("The node redirected to the active node; request forwarding seems disabled,"
                    + " so send the request to the active node.");
        }
        return Optional.empty();
    }

    private static long elapsedMillis(long startedNanos) {
        return (System.nanoTime() - startedNanos) / 1_000_000;
    }
}
