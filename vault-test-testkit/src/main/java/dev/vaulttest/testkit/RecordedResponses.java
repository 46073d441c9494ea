package dev.vaulttest.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * Response bodies written from Vault's documented field lists ({@code shared/reference/vault.md}, section A),
 * one file per endpoint and state. Two kinds:
 * <ul>
 *   <li>documented shapes (all names in {@link #DOCUMENTED}): exactly the fields current Vault CE sends in that
 *       state. The double's contract tests require the same field names and JSON types, so the double cannot
 *       drift from them silently;</li>
 *   <li>newer shapes (names ending in {@code -newer}, {@code -enterprise}, {@code -legacy}): the same endpoints with
 *       Enterprise-only, newer-version, older-version and invented future fields. Parsing tests use them to prove
 *       that unknown fields do not break the library.</li>
 * </ul>
 * Values are realistic but fake; key and token values are shaped like real ones so redaction tests can look for
 * them.
 */
public final class RecordedResponses {

    /** Recorded bodies with the exact documented shape. */
    public static final List<String> DOCUMENTED = List.of(
            "seal-status-uninitialized", "seal-status-sealed", "seal-status-unsealed", "seal-status-awskms-unsealed",
            "seal-status-dev", "health-active", "health-standby", "health-sealed", "health-uninitialized",
            "leader-active", "leader-standby", "leader-dev", "raft-configuration", "autopilot-state", "init-shamir",
            "init-awskms", "raft-join", "login-success", "kv-write", "kv-read", "role-write-warning", "error");

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
     * @return the JSON text
     */
    public static String text(String name) {
        String resource = "recorded/" + name + ".json";
        try (InputStream in = RecordedResponses.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalArgumentException("No recorded response '" + name + "'; known: " + DOCUMENTED + " "
                        + VARIANTS);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A recorded body as a JSON tree.
     *
     * @param name the file name without {@code .json}
     * @return the tree
     */
    public static JsonNode json(String name) {
        return Reply.JSON.readTree(text(name));
    }
}
