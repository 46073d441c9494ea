package dev.vaulttest.vault;

import dev.vaulttest.vault.AutopilotState.AutopilotServer;
import dev.vaulttest.vault.HealthStatus.HealthState;
import dev.vaulttest.vault.RaftConfiguration.RaftServer;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import dev.vaulttest.vault.VaultNodeClient.LeaderStatus;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.OptionalLong;
import tools.jackson.databind.JsonNode;

/**
 * Turns Vault's JSON answers into records. Lenient on purpose: unknown fields are ignored, missing fields get
 * neutral defaults, numbers sent as strings are accepted, so newer Vault versions do not break parsing.
 */
final class ResponseParser {

    private static final Instant GO_ZERO_TIME = Instant.parse("0001-01-01T00:00:00Z");

    private ResponseParser() {
    }

    static SealStatus sealStatus(JsonNode body) {
        return new SealStatus(
                text(body, "type"),
                bool(body, "initialized"),
                bool(body, "sealed"),
                integer(body, "t"),
                integer(body, "n"),
                integer(body, "progress"),
                text(body, "nonce"),
                text(body, "version"),
                text(body, "build_date"),
                bool(body, "migration"),
                bool(body, "recovery_seal"),
                optionalText(body, "recovery_seal_type"),
                text(body, "storage_type"),
                optionalText(body, "cluster_name"),
                optionalText(body, "cluster_id"),
                optionalBool(body, "removed_from_cluster"),
                strings(body, "warnings"),
                optionalLong(body, "migration_done_at_epoch"));
    }

    static HealthStatus health(int status, HealthState state, JsonNode body) {
        return new HealthStatus(
                status,
                state,
                bool(body, "initialized"),
                bool(body, "sealed"),
                bool(body, "standby"),
                bool(body, "performance_standby"),
                text(body, "replication_performance_mode"),
                text(body, "replication_dr_mode"),
                longValue(body, "server_time_utc"),
                text(body, "version"),
                optionalText(body, "cluster_name"),
                optionalText(body, "cluster_id"),
                bool(body, "enterprise"),
                optionalBool(body, "removed_from_cluster"),
                optionalBool(body, "ha_connection_healthy"),
                optionalLong(body, "last_request_forwarding_heartbeat_ms"),
                optionalLong(body, "echo_duration_ms"),
                optionalLong(body, "clock_skew_ms"));
    }

    static LeaderStatus leader(JsonNode body) {
        return new LeaderStatus(
                bool(body, "ha_enabled"),
                bool(body, "is_self"),
                instant(body, "active_time"),
                text(body, "leader_address"),
                text(body, "leader_cluster_address"),
                bool(body, "performance_standby"),
                longValue(body, "performance_standby_last_remote_wal"),
                optionalLong(body, "raft_committed_index"),
                optionalLong(body, "raft_applied_index"));
    }

    static RaftConfiguration raftConfiguration(JsonNode body) {
        JsonNode config = body.path("data").path("config");
        List<RaftServer> servers = new ArrayList<>();
        for (JsonNode server : config.path("servers")) {
            servers.add(new RaftServer(
                    text(server, "node_id"),
                    text(server, "address"),
                    bool(server, "leader"),
                    bool(server, "voter"),
                    protocolVersion(server.path("protocol_version"))));
        }
        return new RaftConfiguration(longValue(config, "index"), servers);
    }

    static AutopilotState autopilotState(JsonNode body) {
        JsonNode data = body.path("data");
        Map<String, AutopilotServer> servers = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : data.path("servers").properties()) {
            JsonNode server = entry.getValue();
            servers.put(entry.getKey(), new AutopilotServer(
                    textOr(server, "id", entry.getKey()),
                    text(server, "name"),
                    text(server, "address"),
                    text(server, "node_status"),
                    text(server, "last_contact"),
                    longValue(server, "last_term"),
                    longValue(server, "last_index"),
                    bool(server, "healthy"),
                    instant(server, "stable_since"),
                    text(server, "status"),
                    text(server, "version"),
                    text(server, "node_type")));
        }
        OptionalLong optimistic = optionalLong(data, "optimistic_failure_tolerance");
        return new AutopilotState(
                bool(data, "healthy"),
                integer(data, "failure_tolerance"),
                optimistic.isPresent() ? OptionalInt.of((int) optimistic.getAsLong()) : OptionalInt.empty(),
                text(data, "leader"),
                strings(data, "voters"),
                strings(data, "non_voters"),
                servers);
    }

    static InitResult initResult(JsonNode body) {
        return new InitResult(
                secrets(body, "keys"),
                secrets(body, "keys_base64"),
                secrets(body, "recovery_keys"),
                secrets(body, "recovery_keys_base64"),
                Sensitive.of(text(body, "root_token")));
    }

    static LoginResult.Success loginSuccess(JsonNode body) {
        JsonNode auth = body.path("auth");
        Map<String, String> metadata = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : auth.path("metadata").properties()) {
            metadata.put(entry.getKey(), asText(entry.getValue()));
        }
        return new LoginResult.Success(
                Sensitive.of(text(auth, "client_token")),
                Sensitive.of(textOr(auth, "accessor", "none")),
                strings(auth, "policies"),
                strings(auth, "token_policies"),
                Duration.ofSeconds(longValue(auth, "lease_duration")),
                bool(auth, "renewable"),
                metadata,
                text(auth, "entity_id"),
                text(auth, "token_type"));
    }

    static KvSecret kvSecret(String mount, String path, JsonNode body) {
        JsonNode data = body.path("data");
        Map<String, String> fields = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> entry : data.path("data").properties()) {
            fields.put(entry.getKey(), asText(entry.getValue()));
        }
        JsonNode metadata = data.path("metadata");
        return new KvSecret(mount, path, fields, longValue(metadata, "version"), instant(metadata, "created_time"));
    }

    static List<String> warnings(JsonNode body) {
        return strings(body, "warnings");
    }

    // ---- lenient field readers -------------------------------------------------------------------------

    static String text(JsonNode node, String field) {
        return textOr(node, field, "");
    }

    static String textOr(JsonNode node, String field, String fallback) {
        JsonNode value = node.path(field);
        if (value.isMissingNode() || value.isNull()) {
            return fallback;
        }
        String text = asText(value);
        return text.isEmpty() ? fallback : text;
    }

    static Optional<String> optionalText(JsonNode node, String field) {
        String value = text(node, field);
        return value.isEmpty() ? Optional.empty() : Optional.of(value);
    }

    static boolean bool(JsonNode node, String field) {
        return optionalBool(node, field).orElse(false);
    }

    static Optional<Boolean> optionalBool(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isBoolean()) {
            return Optional.of(value.booleanValue());
        }
        if (value.isString() && ("true".equals(value.stringValue()) || "false".equals(value.stringValue()))) {
            return Optional.of(Boolean.parseBoolean(value.stringValue()));
        }
        return Optional.empty();
    }

    static int integer(JsonNode node, String field) {
        return (int) longValue(node, field);
    }

    static long longValue(JsonNode node, String field) {
        return optionalLong(node, field).orElse(0L);
    }

    static OptionalLong optionalLong(JsonNode node, String field) {
        JsonNode value = node.path(field);
        if (value.isIntegralNumber()) {
            return OptionalLong.of(value.longValue());
        }
        if (value.isNumber()) {
            return OptionalLong.of((long) value.doubleValue());
        }
        if (value.isString()) {
            try {
                return OptionalLong.of(Long.parseLong(value.stringValue().trim()));
            } catch (NumberFormatException e) {
                return OptionalLong.empty();
            }
        }
        return OptionalLong.empty();
    }

    static Optional<Instant> instant(JsonNode node, String field) {
        String value = text(node, field);
        if (value.isEmpty()) {
            return Optional.empty();
        }
        try {
            Instant parsed = OffsetDateTime.parse(value).toInstant();
            return parsed.equals(GO_ZERO_TIME) ? Optional.empty() : Optional.of(parsed);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    static List<String> strings(JsonNode node, String field) {
        JsonNode value = node.path(field);
        List<String> result = new ArrayList<>();
        if (value.isArray()) {
            for (JsonNode element : value) {
                result.add(asText(element));
            }
        } else if (value.isString() && !value.stringValue().isEmpty()) {
            for (String part : value.stringValue().split(",")) {
                result.add(part.trim());
            }
        }
        return result;
    }

    private static List<Sensitive> secrets(JsonNode node, String field) {
        return strings(node, field).stream().filter(value -> !value.isEmpty()).map(Sensitive::of).toList();
    }

    private static String asText(JsonNode value) {
        if (value.isString()) {
            return value.stringValue();
        }
        if (value.isNull() || value.isMissingNode()) {
            return "";
        }
        return value.isValueNode() ? value.asString() : value.toString();
    }

    /** Current Vault sends {@code "3"}; old doc samples show the raw byte {@code "\u0003"}; some clients send 3. */
    private static String protocolVersion(JsonNode value) {
        String text = asText(value);
        if (text.length() == 1 && text.charAt(0) < ' ') {
            return String.valueOf((int) text.charAt(0));
        }
        return text;
    }
}
