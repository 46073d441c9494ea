package dev.vaulttest.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Recorded response bodies, one file per endpoint and state, each wrapped with where it came from, the request
 * and the HTTP status ({@code {"recorded_from", "request", "status", "body"}}). Three kinds:
 * <ul>
 *   <li>real recordings ({@link #REAL}): captured from a real Vault server by {@code RecordedResponsesRealVaultTest}
 *       (the Vault version is in each file), secrets replaced by values of the same shape. Every build checks
 *       them against the real server again, and the double's contract tests require the same status, field names
 *       and JSON types, so the double cannot drift from real Vault silently;</li>
 *   <li>hand-written shapes ({@link #HAND_WRITTEN}): answers a real server here cannot give (dev mode, a Kubernetes
 *       login that needs a real API server to review the token), written from Vault's documentation and marked so
 *       in the file;</li>
 *   <li>variants ({@link #VARIANTS}, names ending in {@code -newer}, {@code -enterprise}, {@code -legacy}): the
 *       same endpoints with Enterprise-only, newer, older and invented future fields, so parsing tests prove that
 *       unknown fields do not break the library.</li>
 * </ul>
 */
public final class RecordedResponses {

    /** Captured from a real Vault server. */
    public static final List<String> REAL = List.of(
            "seal-status-uninitialized", "seal-status-sealed", "seal-status-unsealed", "seal-status-awskms-unsealed",
            "health-active", "health-standby", "health-sealed", "health-uninitialized", "leader-active",
            "leader-standby", "raft-configuration", "autopilot-state", "init-shamir", "init-awskms", "raft-join",
            "kv-write", "kv-read", "role-write-warning", "error");

    /** Written from the documentation: a real answer cannot be provoked here (dev mode, a reviewed login). */
    public static final List<String> HAND_WRITTEN = List.of("seal-status-dev", "leader-dev", "login-success");

    /** Recorded bodies with the exact shape of current Vault: the real ones and the hand-written ones. */
    public static final List<String> DOCUMENTED = java.util.stream.Stream.concat(REAL.stream(),
            HAND_WRITTEN.stream()).toList();

    /** Recorded bodies with extra, newer, older or Enterprise-only fields. */
    public static final List<String> VARIANTS = List.of(
            "seal-status-newer", "health-newer", "leader-newer", "raft-configuration-legacy",
            "autopilot-state-enterprise");

    private RecordedResponses() {
    }

    /**
     * The text of a recorded body.
     *
     * @param name the file name without {@code .json}, for example {@code seal-status-sealed}
     * @return the JSON text of the body
     */
    public static String text(String name) {
        return Reply.JSON.writeValueAsString(json(name));
    }

    /**
     * A recorded body as a JSON tree.
     *
     * @param name the file name without {@code .json}
     * @return the tree of the body
     */
    public static JsonNode json(String name) {
        return file(name).path("body");
    }

    /**
     * The HTTP status the body came with.
     *
     * @param name the file name without {@code .json}
     * @return the status code
     */
    public static int status(String name) {
        return file(name).path("status").asInt();
    }

    /**
     * Where the body came from: the real Vault version that answered, or why it was written by hand.
     *
     * @param name the file name without {@code .json}
     * @return the origin
     */
    public static String origin(String name) {
        return file(name).path("recorded_from").asString();
    }

    private static JsonNode file(String name) {
        String resource = "recorded/" + name + ".json";
        try (InputStream in = RecordedResponses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No recorded response '" + name + "'; known: " + DOCUMENTED + " "
                        + VARIANTS);
            }
            JsonNode file = Reply.JSON.readTree(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            if (!file.has("body") || !file.has("status")) {
                throw new IllegalStateException("Recorded response '" + name + "' is not wrapped as {recorded_from,"
                        + " request, status, body}");
            }
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
