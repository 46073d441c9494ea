package dev.vaulttest.testkit;

import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * One parsed request to a fake node.
 *
 * @param node the node that received it
 * @param method HTTP method, upper case ({@code LIST} is mapped from {@code GET ?list=true})
 * @param path the path after {@code /v1/}, without trailing slash
 * @param query query parameters
 * @param body the JSON body, or a missing node
 * @param raw the raw body bytes
 * @param token the {@code X-Vault-Token} header, or {@code null}
 */
record Call(String node, String method, String path, Map<String, String> query, JsonNode body, byte[] raw,
        String token) {

    boolean isRead() {
        return "GET".equals(method) || "HEAD".equals(method);
    }

    boolean isWrite() {
        return "POST".equals(method) || "PUT".equals(method);
    }

    String text(String field) {
        JsonNode value = body.path(field);
        return value.isString() ? value.stringValue() : value.isValueNode() ? value.asString() : "";
    }

    boolean has(String field) {
        return body.has(field) && !body.get(field).isNull();
    }
}
