package dev.vaulttest.kms;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * A stateful stand-in for the AWS KMS JSON API (the documented request and response shapes of CreateKey,
 * CreateAlias, ListAliases, DescribeKey, DisableKey, EnableKey) that records every request and checks each
 * request's SigV4 signature against the headers it actually received.
 */
final class KmsStubServer implements AutoCloseable {

    /** One received request. */
    record Recorded(String target, String contentType, String authorization, String amzDate, String host,
            JsonNode body, boolean signatureValid) {
    }

    private final JsonMapper json = JsonMapper.builder().build();
    private final HttpServer server;
    private final AwsCredentials credentials;
    private final String region;
    private final List<Recorded> requests = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, String> keyStates = new LinkedHashMap<>();
    private final Map<String, String> aliases = new LinkedHashMap<>();
    private int aliasPageSize = 100;
    private volatile boolean silent;

    KmsStubServer(AwsCredentials credentials, String region) throws IOException {
        this.credentials = credentials;
        this.region = region;
        this.server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        server.start();
    }

    URI endpoint() {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort());
    }

    List<Recorded> requests() {
        return List.copyOf(requests);
    }

    synchronized void preloadAlias(String alias, String keyId) {
        keyStates.put(keyId, "Enabled");
        aliases.put(alias, keyId);
    }

    synchronized void aliasPageSize(int size) {
        aliasPageSize = size;
    }

    /** Accepts connections but never answers, like a paused container. */
    void goSilent() {
        silent = true;
    }

    private void handle(HttpExchange exchange) throws IOException {
        if (silent) {
            return;
        }
        byte[] raw = exchange.getRequestBody().readAllBytes();
        String target = exchange.getRequestHeaders().getFirst("X-Amz-Target");
        String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
        String host = exchange.getRequestHeaders().getFirst("Host");
        String contentType = exchange.getRequestHeaders().getFirst("Content-Type");
        String authorization = exchange.getRequestHeaders().getFirst("Authorization");
        JsonNode body = raw.length == 0 ? json.createObjectNode() : json.readTree(raw);
        requests.add(new Recorded(target, contentType, authorization, amzDate, host, body,
                signatureValid(authorization, contentType, host, amzDate, target, raw)));
        String action = target == null ? "" : target.substring(target.indexOf('.') + 1);
        synchronized (this) {
            switch (action) {
                case "CreateKey" -> createKey(exchange, body);
                case "CreateAlias" -> createAlias(exchange, body);
                case "ListAliases" -> listAliases(exchange, body);
                case "DescribeKey" -> describeKey(exchange, body);
                case "DisableKey" -> setState(exchange, body, "Disabled");
                case "EnableKey" -> setState(exchange, body, "Enabled");
                default -> error(exchange, "UnsupportedOperationException", "not in the stub: " + target);
            }
        }
    }

    private boolean signatureValid(String authorization, String contentType, String host, String amzDate,
            String target, byte[] body) {
        if (authorization == null || amzDate == null) {
            return false;
        }
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("content-type", contentType);
        headers.put("host", host);
        headers.put("x-amz-date", amzDate);
        headers.put("x-amz-target", target);
        Instant time = AwsSigV4.AMZ_DATE.parse(amzDate, Instant::from);
        String expected = AwsSigV4.authorization("POST", URI.create("http://" + host + "/"), headers, body, region,
                "kms", credentials, time);
        return expected.equals(authorization);
    }

    private void createKey(HttpExchange exchange, JsonNode body) throws IOException {
        String keyId = UUID.randomUUID().toString();
        keyStates.put(keyId, "Enabled");
        ObjectNode response = json.createObjectNode();
        response.set("KeyMetadata", metadata(keyId).put("Description", body.path("Description").asString("")));
        respond(exchange, 200, response);
    }

    private void createAlias(HttpExchange exchange, JsonNode body) throws IOException {
        String alias = body.path("AliasName").asString();
        String keyId = body.path("TargetKeyId").asString();
        if (aliases.containsKey(alias)) {
            error(exchange, "AlreadyExistsException", "An alias with the name " + alias + " already exists");
        } else if (!keyStates.containsKey(keyId)) {
            error(exchange, "NotFoundException", "Key '" + keyId + "' does not exist");
        } else {
            aliases.put(alias, keyId);
            respond(exchange, 200, null);
        }
    }

    private void listAliases(HttpExchange exchange, JsonNode body) throws IOException {
        List<Map.Entry<String, String>> all = new ArrayList<>(aliases.entrySet());
        int from = body.path("Marker").isMissingNode() ? 0 : Integer.parseInt(body.path("Marker").asString());
        int to = Math.min(all.size(), from + aliasPageSize);
        ObjectNode response = json.createObjectNode();
        ArrayNode list = response.putArray("Aliases");
        // an AWS-managed alias without a target, as real KMS lists them
        if (from == 0) {
            list.addObject().put("AliasName", "alias/aws/ebs").put("AliasArn", "arn:aws:kms:" + region
                    + ":000000000000:alias/aws/ebs");
        }
        for (Map.Entry<String, String> alias : all.subList(from, to)) {
            list.addObject().put("AliasName", alias.getKey()).put("TargetKeyId", alias.getValue())
                    .put("AliasArn", "arn:aws:kms:" + region + ":000000000000:" + alias.getKey());
        }
        response.put("Truncated", to < all.size());
        if (to < all.size()) {
            response.put("NextMarker", String.valueOf(to));
        }
        respond(exchange, 200, response);
    }

    private void describeKey(HttpExchange exchange, JsonNode body) throws IOException {
        String keyId = resolve(body.path("KeyId").asString());
        if (keyId == null) {
            error(exchange, "NotFoundException", "Key '" + body.path("KeyId").asString() + "' does not exist");
            return;
        }
        ObjectNode response = json.createObjectNode();
        response.set("KeyMetadata", metadata(keyId));
        respond(exchange, 200, response);
    }

    private void setState(HttpExchange exchange, JsonNode body, String state) throws IOException {
        String keyId = resolve(body.path("KeyId").asString());
        if (keyId == null) {
            error(exchange, "NotFoundException", "Key '" + body.path("KeyId").asString() + "' does not exist");
            return;
        }
        keyStates.put(keyId, state);
        respond(exchange, 200, null);
    }

    private String resolve(String keyIdOrAlias) {
        String keyId = keyIdOrAlias.startsWith("alias/") ? aliases.get(keyIdOrAlias) : keyIdOrAlias;
        return keyId != null && keyStates.containsKey(keyId) ? keyId : null;
    }

    private ObjectNode metadata(String keyId) {
        String state = keyStates.get(keyId);
        return json.createObjectNode().put("AWSAccountId", "000000000000").put("KeyId", keyId)
                .put("Arn", "arn:aws:kms:" + region + ":000000000000:key/" + keyId)
                .put("KeyState", state).put("Enabled", "Enabled".equals(state))
                .put("KeyUsage", "ENCRYPT_DECRYPT").put("KeySpec", "SYMMETRIC_DEFAULT");
    }

    private void error(HttpExchange exchange, String type, String message) throws IOException {
        respond(exchange, 400, json.createObjectNode().put("__type", type).put("message", message));
    }

    private void respond(HttpExchange exchange, int status, JsonNode body) throws IOException {
        byte[] bytes = body == null ? new byte[0] : json.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/x-amz-json-1.1");
        exchange.sendResponseHeaders(status, bytes.length == 0 ? -1 : bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
