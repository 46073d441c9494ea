package dev.vaulttest.testkit;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpHandler;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;

/** Turns HTTP exchanges on one node into {@link Call}s and writes the {@link Reply}. */
final class NodeHandler implements HttpHandler {

    private final FakeVaultCluster cluster;
    private final FakeVaultNode node;

    NodeHandler(FakeVaultCluster cluster, FakeVaultNode node) {
        this.cluster = cluster;
        this.node = node;
    }

    @Override
    public void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            Reply reply;
            try {
                reply = dispatch(exchange);
            } catch (RuntimeException e) {
                reply = Reply.error(500, "test double failure: " + e);
            }
            write(exchange, reply);
        }
    }

    private Reply dispatch(HttpExchange exchange) throws IOException {
        String rawPath = exchange.getRequestURI().getRawPath();
        byte[] raw;
        try (InputStream in = exchange.getRequestBody()) {
            raw = in.readAllBytes();
        }
        if (!rawPath.startsWith("/v1/")) {
            return Reply.error(404, "404 page not found");
        }
        String path = URLDecoder.decode(rawPath.substring(4), StandardCharsets.UTF_8);
        while (path.endsWith("/")) {
            path = path.substring(0, path.length() - 1);
        }
        Map<String, String> query = query(exchange.getRequestURI().getRawQuery());
        String method = exchange.getRequestMethod().toUpperCase(Locale.ROOT);
        if ("GET".equals(method) && "true".equals(query.get("list"))) {
            method = "LIST";
        }
        String token = exchange.getRequestHeaders().getFirst("X-Vault-Token");
        String text = new String(raw, StandardCharsets.UTF_8);
        synchronized (cluster.lock()) {
            node.requests.add(new RecordedRequest(node.name(), method, path,
                    exchange.getRequestURI().getRawQuery() == null ? "" : exchange.getRequestURI().getRawQuery(),
                    isBinary(path) ? "<" + raw.length + " bytes>" : text, token != null));
        }
        JsonNode body = Reply.JSON.missingNode();
        if (!isBinary(path) && !text.isBlank()) {
            try {
                body = Reply.JSON.readTree(text);
            } catch (JacksonException e) {
                return Reply.error(400, "failed to parse JSON input: " + e.getOriginalMessage());
            }
        }
        if (path.matches("auth/.+/login")) {
            pause(cluster.kubernetesModel().tokenReviewLatency());
        }
        Call call = new Call(node.name(), method, path, query, body, raw, token);
        synchronized (cluster.lock()) {
            if (!node.running) {
                return Reply.error(503, "node is shutting down");
            }
            return cluster.sys().handle(node, call);
        }
    }

    private static boolean isBinary(String path) {
        return path.startsWith("sys/storage/raft/snapshot");
    }

    private static void pause(Duration latency) {
        if (latency.isZero()) {
            return;
        }
        try {
            Thread.sleep(latency.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static Map<String, String> query(String raw) {
        Map<String, String> result = new LinkedHashMap<>();
        if (raw == null || raw.isEmpty()) {
            return result;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String key = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            result.put(key, value);
        }
        return result;
    }

    private static void write(HttpExchange exchange, Reply reply) throws IOException {
        boolean head = "HEAD".equalsIgnoreCase(exchange.getRequestMethod());
        if (reply.contentType() != null) {
            exchange.getResponseHeaders().set("Content-Type", reply.contentType());
        }
        exchange.getResponseHeaders().set("Cache-Control", "no-store");
        byte[] body = reply.bytes() != null ? reply.bytes()
                : reply.json() != null ? Reply.JSON.writeValueAsBytes(reply.json()) : new byte[0];
        if (reply.status() == 204 || head || body.length == 0) {
            exchange.sendResponseHeaders(reply.status(), -1);
            return;
        }
        exchange.sendResponseHeaders(reply.status(), body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }
}
