package dev.vaulttest.kms;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * A small client for the AWS KMS JSON protocol ({@code X-Amz-Target: TrentService.<Action>},
 * {@code application/x-amz-json-1.1}, SigV4), covering the calls the library makes to an emulator: CreateKey,
 * CreateAlias, ListAliases, DescribeKey, DisableKey, EnableKey.
 */
final class KmsApiClient {

    private static final Logger LOG = LoggerFactory.getLogger(KmsApiClient.class);
    private static final String CONTENT_TYPE = "application/x-amz-json-1.1";

    private final URI endpoint;
    private final String region;
    private final AwsCredentials credentials;
    private final HttpClient http;
    private final Duration timeout;
    private final Clock clock;
    private final JsonMapper json = JsonMapper.builder().build();

    KmsApiClient(URI endpoint, String region, AwsCredentials credentials, Duration timeout, Clock clock) {
        this.endpoint = endpoint;
        this.region = region;
        this.credentials = credentials;
        this.timeout = timeout;
        this.clock = clock;
        this.http = HttpClient.newBuilder().connectTimeout(timeout).build();
    }

    KmsApiClient(URI endpoint, String region, AwsCredentials credentials) {
        this(endpoint, region, credentials, Duration.ofSeconds(15), Clock.systemUTC());
    }

    /** An alias and the key it points to; keys created by AWS itself have aliases without a target. */
    record Alias(String name, Optional<String> targetKeyId) {
    }

    /**
     * Returns the key behind the alias, creating a symmetric ENCRYPT_DECRYPT key and the alias when it is missing.
     */
    String ensureKeyWithAlias(String alias) {
        requireAliasName(alias);
        Optional<String> existing = listAliases().stream().filter(a -> a.name().equals(alias))
                .flatMap(a -> a.targetKeyId().stream()).findFirst();
        if (existing.isPresent()) {
            LOG.debug("KMS alias {} already points to key {}", alias, existing.get());
            return existing.get();
        }
        String keyId = createKey("vault-test seal key for " + alias);
        createAlias(alias, keyId);
        LOG.debug("Created KMS key {} with alias {} in {}", keyId, alias, region);
        return keyId;
    }

    String createKey(String description) {
        ObjectNode body = json.createObjectNode().put("Description", description);
        return text(call("CreateKey", body), "KeyMetadata", "KeyId");
    }

    void createAlias(String alias, String keyId) {
        call("CreateAlias", json.createObjectNode().put("AliasName", alias).put("TargetKeyId", keyId));
    }

    List<Alias> listAliases() {
        List<Alias> aliases = new ArrayList<>();
        String marker = null;
        do {
            ObjectNode body = json.createObjectNode();
            if (marker != null) {
                body.put("Marker", marker);
            }
            JsonNode page = call("ListAliases", body);
            for (JsonNode alias : page.path("Aliases")) {
                String target = alias.path("TargetKeyId").asString("");
                aliases.add(new Alias(alias.path("AliasName").asString(""),
                        target.isEmpty() ? Optional.empty() : Optional.of(target)));
            }
            marker = page.path("Truncated").asBoolean(false) ? page.path("NextMarker").asString(null) : null;
        } while (marker != null);
        return aliases;
    }

    String keyState(String keyIdOrAlias) {
        return text(call("DescribeKey", json.createObjectNode().put("KeyId", keyIdOrAlias)), "KeyMetadata", "KeyState");
    }

    void disableKey(String keyId) {
        call("DisableKey", json.createObjectNode().put("KeyId", keyId));
    }

    void enableKey(String keyId) {
        call("EnableKey", json.createObjectNode().put("KeyId", keyId));
    }

    private JsonNode call(String action, ObjectNode body) {
        byte[] payload = json.writeValueAsBytes(body);
        Instant now = clock.instant();
        Map<String, String> signed = new LinkedHashMap<>();
        signed.put("content-type", CONTENT_TYPE);
        signed.put("host", hostHeader(endpoint));
        signed.put("x-amz-date", AwsSigV4.AMZ_DATE.format(now));
        signed.put("x-amz-target", "TrentService." + action);
        String authorization = AwsSigV4.authorization("POST", endpoint.resolve("/"), signed, payload, region, "kms",
                credentials, now);
        HttpRequest request = HttpRequest.newBuilder(endpoint.resolve("/"))
                .timeout(timeout)
                .header("Content-Type", CONTENT_TYPE)
                .header("X-Amz-Date", signed.get("x-amz-date"))
                .header("X-Amz-Target", signed.get("x-amz-target"))
                .header("Authorization", authorization)
                .POST(HttpRequest.BodyPublishers.ofByteArray(payload))
                .build();
        HttpResponse<String> response = send(action, request);
        if (response.statusCode() / 100 != 2) {
            throw new KmsException("KMS " + action + " at " + endpoint + " failed with HTTP " + response.statusCode()
                    + ": " + describeError(response.body()));
        }
        String text = response.body();
        if (text == null || text.isBlank()) {
            return json.createObjectNode();
        }
        try {
            return json.readTree(text);
        } catch (JacksonException e) {
            throw new KmsException("KMS " + action + " at " + endpoint + " answered with something that is not JSON: "
                    + abbreviate(text), e);
        }
    }

    private HttpResponse<String> send(String action, HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (HttpTimeoutException e) {
            throw new KmsException("KMS " + action + " at " + endpoint + " did not answer within " + timeout
                    + ". If the emulator was made unreachable, call makeReachable() first.", e);
        } catch (IOException e) {
            throw new KmsException("Could not reach KMS at " + endpoint + " for " + action + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new KmsException("Interrupted while calling KMS " + action, e);
        }
    }

    private String describeError(String body) {
        try {
            JsonNode error = json.readTree(body == null ? "" : body);
            String type = error.path("__type").asString("");
            String message = error.path("message").asString(error.path("Message").asString(""));
            if (!type.isEmpty() || !message.isEmpty()) {
                return type.substring(type.lastIndexOf('#') + 1) + (message.isEmpty() ? "" : ": " + message);
            }
        } catch (JacksonException e) {
            // not JSON: fall through to the raw text
        }
        return abbreviate(body);
    }

    private static String text(JsonNode node, String... path) {
        JsonNode current = node;
        for (String key : path) {
            current = current.path(key);
        }
        if (!current.isString() || current.asString().isEmpty()) {
            throw new KmsException("KMS answer has no " + String.join(".", path) + ": " + abbreviate(node.toString()));
        }
        return current.asString();
    }

    static void requireAliasName(String alias) {
        if (alias == null || !alias.startsWith("alias/") || alias.length() <= "alias/".length()
                || alias.startsWith("alias/aws/")) {
            throw new IllegalArgumentException("'" + alias + "' is not a KMS alias the library can create: use"
                    + " alias/<name> (names under alias/aws/ are reserved for AWS).");
        }
    }

    static String hostHeader(URI uri) {
        int port = uri.getPort();
        boolean defaultPort = port == -1 || ("http".equals(uri.getScheme()) && port == 80)
                || ("https".equals(uri.getScheme()) && port == 443);
        return defaultPort ? uri.getHost() : uri.getHost() + ":" + port;
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "(empty)";
        }
        return text.length() > 300 ? text.substring(0, 300) + "..." : text;
    }
}
