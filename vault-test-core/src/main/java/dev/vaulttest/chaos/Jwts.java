package dev.vaulttest.chaos;

import java.util.Base64;
import java.util.Optional;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads a JWT's header without verifying it (only to tell which key signed it). */
final class Jwts {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private Jwts() {
    }

    static Optional<String> keyId(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            JsonNode header = JSON.readTree(Base64.getUrlDecoder().decode(parts[0]));
            JsonNode kid = header.get("kid");
            return kid == null || !kid.isString() ? Optional.empty() : Optional.of(kid.asString());
        } catch (RuntimeException unreadable) {
            return Optional.empty();
        }
    }
}
