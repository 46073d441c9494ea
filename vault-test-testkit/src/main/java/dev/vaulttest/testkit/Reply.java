package dev.vaulttest.testkit;

import java.util.List;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/** An HTTP answer of the fake: a status and either a JSON body, raw bytes, or nothing. */
record Reply(int status, JsonNode json, byte[] bytes, String contentType) {

    static final JsonMapper JSON = JsonMapper.builder().build();

    static Reply json(int status, JsonNode body) {
        return new Reply(status, body, null, "application/json");
    }

    static Reply ok(JsonNode body) {
        return json(200, body);
    }

    /** Vault's {@code respondOk} sets the JSON content type even on 204. */
    static Reply noContent() {
        return new Reply(204, null, null, "application/json");
    }

    static Reply bytes(byte[] body, String contentType) {
        return new Reply(200, null, body, contentType);
    }

    /** Vault's error shape: {@code {"errors": [...]}}. */
    static Reply error(int status, String... messages) {
        ObjectNode body = JSON.createObjectNode();
        ArrayNode errors = body.putArray("errors");
        for (String message : messages) {
            errors.add(message);
        }
        return json(status, body);
    }

    static Reply sealed() {
        return error(503, "Vault is sealed");
    }

    static Reply permissionDenied() {
        return error(403, "permission denied");
    }

    static Reply noHandler(String path) {
        return error(404, "no handler for route \"" + path + "\". route entry not found.");
    }

    /** The standard response envelope around {@code data} (reads and writes that return data). */
    static Reply envelope(JsonNode data, List<String> warnings, String mountType) {
        ObjectNode body = JSON.createObjectNode();
        body.put("request_id", UUID.randomUUID().toString());
        body.put("lease_id", "");
        body.put("renewable", false);
        body.put("lease_duration", 0);
        body.set("data", data);
        body.putNull("wrap_info");
        if (warnings.isEmpty()) {
            body.putNull("warnings");
        } else {
            ArrayNode array = body.putArray("warnings");
            warnings.forEach(array::add);
        }
        body.putNull("auth");
        body.put("mount_type", mountType);
        return ok(body);
    }
}
