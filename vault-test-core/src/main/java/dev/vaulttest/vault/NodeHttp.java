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
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import javax.net.ssl.SSLException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Raw HTTP to one node: builds each request from what its {@link VaultOperation} declares (method, path template,
 * token rule, read timeout), logs it at DEBUG, and turns failures into {@link VaultApiException}s with secrets
 * scrubbed.
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

    /** Which secrets a request carries, plus the client's token, so they can be scrubbed from what comes back. */
    List<Sensitive> secrets(Collection<Sensitive> requestSecrets) {
        List<Sensitive> all = new ArrayList<>(requestSecrets);
        token.ifPresent(all::add);
        return all;
    }

    /**
     * A request of an operation, on the path its template gives with these segments.
     *
     * @param segments one for each {@code {placeholder}} of the operation's path, in order
     */
    Call call(VaultOperation operation, String... segments) {
        return new Call(operation, operation.path(segments), List.of());
    }

    /**
     * One request: the operation (which gives the method, the token rule and the read timeout), the concrete path
     * below {@code /v1/}, and the secrets it sends, which are scrubbed (with the token) from every message about it.
     */
    final class Call {

        private final VaultOperation operation;
        private final String path;
        private final List<Sensitive> requestSecrets;

        private Call(VaultOperation operation, String path, List<Sensitive> requestSecrets) {
            this.operation = operation;
            this.path = path;
            this.requestSecrets = requestSecrets;
        }

        /** The same request, declaring the secrets its body carries. */
        Call carrying(Collection<Sensitive> secrets) {
            return new Call(operation, path, List.copyOf(secrets));
        }

        VaultOperation operation() {
            return operation;
        }

        String path() {
            return path;
        }

        Answer send() {
            return send(HttpRequest.BodyPublishers.noBody(), null);
        }

        Answer send(JsonNode body) {
            return send(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body), StandardCharsets.UTF_8),
                    "application/json");
        }

        Answer send(HttpRequest.BodyPublisher body, String contentType) {
            HttpResponse<String> response = exchange(body, contentType,
                    HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            return new Answer(this, response.statusCode(), response.body());
        }

        /** Sends the request and returns the response as soon as its status and headers have arrived. */
        <T> HttpResponse<T> exchange(HttpRequest.BodyPublisher body, String contentType,
                HttpResponse.BodyHandler<T> handler) {
            HttpRequest request = request(body, contentType);
            long started = System.nanoTime();
            try {
                HttpResponse<T> response = client.send(request, handler);
                LOG.debug("{} {} /v1/{} -> {} in {} ms", endpoint.nodeName(), operation.method(), path,
                        response.statusCode(), elapsedMillis(started));
                return response;
            } catch (IOException e) {
                throw unreachable(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new VaultApiException(endpoint.nodeName(), operation, VaultApiException.NO_HTTP_STATUS,
                        List.of(), "Interrupted while waiting for node '" + endpoint.nodeName() + "' to answer "
                                + describe() + ".", e);
            }
        }

        private HttpRequest request(HttpRequest.BodyPublisher body, String contentType) {
            HttpRequest.Builder builder = HttpRequest.newBuilder(URI.create(endpoint.baseUri() + "/v1/" + path))
                    .timeout(endpoint.timeouts().readTimeout(operation))
                    .method(operation.method(), body);
            if (contentType != null) {
                builder.header("Content-Type", contentType);
            }
            if (operation.token() == VaultOperation.Token.REQUIRED && token.isEmpty()) {
                throw new VaultApiException(endpoint.nodeName(), operation, VaultApiException.NO_HTTP_STATUS,
                        List.of(), "Operation " + operation + " on node '" + endpoint.nodeName() + "' needs a Vault"
                                + " token, but this client has none. Use VaultNodeClient.withToken(rootToken) with the"
                                + " root token from init (or a token with the needed policy).", null);
            }
            if (operation.token() != VaultOperation.Token.NONE) {
                token.ifPresent(value -> builder.header(TOKEN_HEADER, value.reveal()));
            }
            return builder.build();
        }

        private String node() {
            return endpoint.nodeName();
        }

        private JsonMapper json() {
            return json;
        }

        /** The operation, method and path, for messages: {@code KV_GET (GET /v1/kv/data/app)}. */
        private String describe() {
            return operation + " (" + operation.method() + " /v1/" + path + ")";
        }

        private List<Sensitive> secrets() {
            return NodeHttp.this.secrets(requestSecrets);
        }

        /** The exception for a request that got no HTTP answer. */
        VaultApiException unreachable(IOException e) {
            String node = endpoint.nodeName();
            String what;
            if (e instanceof HttpConnectTimeoutException) {
                what = "did not accept a connection within " + endpoint.timeouts().connect()
                        + " (raise VaultTimeouts.connect, or check the port-forward)";
            } else if (e instanceof HttpTimeoutException) {
                Duration timeout = endpoint.timeouts().readTimeout(operation);
                what = "did not answer within " + timeout + " (the read timeout for " + operation
                        + "; raise it with VaultTimeouts.withOperation(" + operation + ", ...) if the node is just"
                        + " slow)";
            } else if (e instanceof ConnectException) {
                what = "refused the connection (is the pod running and the port-forward alive? a Vault that cannot"
                        + " reach its KMS at startup exits and never opens its port)";
            } else if (e instanceof SSLException) {
                what = "failed the TLS handshake (does the endpoint's CA bundle contain the CA of the listener"
                        + " certificate, and is the certificate issued for " + endpoint.baseUri().getHost() + "?)";
            } else {
                what = "failed with " + e.getClass().getSimpleName();
            }
            String detail = Redactor.scrub(String.valueOf(e.getMessage()), secrets());
            return new VaultApiException(node, operation, VaultApiException.NO_HTTP_STATUS, List.of(),
                    "Node '" + node + "' at " + endpoint.baseUri() + " " + what + " during " + describe() + ": "
                            + detail, e);
        }
    }

    /** An answer to a {@link Call}: its status and body text. */
    record Answer(Call call, int status, String body) {

        JsonNode tree() {
            JsonMapper json = call.json();
            if (body == null || body.isBlank()) {
                return json.missingNode();
            }
            return json.readTree(body);
        }

        /**
         * This answer, if its status is one of those given.
         *
         * @param expected what the operation needed, for the message, for example {@code "200 with the new keys"}
         * @throws VaultApiException otherwise
         */
        Answer expect(String expected, int... statuses) {
            for (int accepted : statuses) {
                if (status == accepted) {
                    return this;
                }
            }
            throw failure(expected);
        }

        /** This answer, if it is 200. */
        Answer expectOk() {
            return expect("200 OK", 200);
        }

        /** This answer, if it is 204 (or 200, which Vault answers instead when it has warnings). */
        Answer expectNoContent() {
            return expect("204 No Content", 204, 200);
        }

        /**
         * Parses the body.
         *
         * @throws VaultApiException if the body is not the JSON the parser needs
         */
        <T> T parse(Function<JsonNode, T> parser) {
            try {
                return parser.apply(tree());
            } catch (JacksonException | IllegalArgumentException | NullPointerException e) {
                String node = call.node();
                throw new VaultApiException(node, call.operation(), status, List.of(), "Node '" + node
                        + "' answered " + call.describe() + " with HTTP " + status + " but a body that is not the"
                        + " documented JSON (" + e.getClass().getSimpleName() + "). Is the endpoint really a Vault"
                        + " listener?", null);
            }
        }

        /** Vault's {@code errors} strings (or the start of a body that is not JSON), with secrets scrubbed. */
        List<String> errors() {
            return Redactor.scrubAll(rawErrors(), call.secrets());
        }

        private List<String> rawErrors() {
            try {
                List<String> result = new ArrayList<>();
                for (JsonNode error : tree().path("errors")) {
                    result.add(error.isString() ? error.stringValue() : error.toString());
                }
                return result;
            } catch (JacksonException e) {
                String text = body == null ? "" : body.strip();
                if (text.isEmpty()) {
                    return List.of();
                }
                return List.of(text.length() > 200 ? text.substring(0, 200) + "..." : text);
            }
        }

        /**
         * The exception for an answer that was not the expected one.
         *
         * @param expected what the operation needed, for example {@code "204 No Content"}
         */
        VaultApiException failure(String expected) {
            List<String> errors = errors();
            String node = call.node();
            StringBuilder message = new StringBuilder()
                    .append("Node '").append(node).append("' answered ").append(call.describe())
                    .append(" with HTTP ").append(status)
                    .append(errors.isEmpty() ? "" : " " + errors)
                    .append("; expected ").append(expected).append('.');
            hint(status, errors).ifPresent(hint -> message.append(' ').append(hint));
            return new VaultApiException(node, call.operation(), status, errors, message.toString(), null);
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
