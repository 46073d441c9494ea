package dev.vaulttest.testkit;

import java.util.Map;
import java.util.Set;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Replaces the secrets in a real answer (keys, root token, client token, accessor) by values of the same shape:
 * same length, same prefix ({@code hvs.}), each letter or digit replaced by one of the same class. The shape is
 * what the recordings are for; the values of a real run never reach a file.
 */
final class RecordingRedactor {

    private static final Set<String> SECRET_FIELDS = Set.of("keys", "keys_base64", "recovery_keys",
            "recovery_keys_base64", "root_token", "client_token", "accessor", "token", "nonce");
    private static final String LOWER = "qwertyuiopasdfghjklzxcvbnm";
    private static final String UPPER = "QWERTYUIOPASDFGHJKLZXCVBNM";
    private static final String DIGITS = "7305162948";

    private RecordingRedactor() {
    }

    /**
     * A copy with every secret field's string values replaced.
     *
     * @param body the real answer
     * @return the redacted copy
     */
    static JsonNode redact(JsonNode body) {
        JsonNode copy = body.deepCopy();
        redactInPlace(copy);
        return copy;
    }

    private static void redactInPlace(JsonNode node) {
        if (node instanceof ObjectNode object) {
            for (Map.Entry<String, JsonNode> field : object.properties()) {
                JsonNode value = field.getValue();
                if (SECRET_FIELDS.contains(field.getKey()) && value.isString()) {
                    object.put(field.getKey(), sameShape(value.asString()));
                } else if (SECRET_FIELDS.contains(field.getKey()) && value instanceof ArrayNode array) {
                    for (int i = 0; i < array.size(); i++) {
                        if (array.get(i).isString()) {
                            array.set(i, array.stringNode(sameShape(array.get(i).asString())));
                        }
                    }
                } else {
                    redactInPlace(value);
                }
            }
        } else if (node instanceof ArrayNode array) {
            array.forEach(RecordingRedactor::redactInPlace);
        }
    }

    static String sameShape(String secret) {
        int keep = secret.matches("^[a-z]{1,3}\\..*") ? secret.indexOf('.') + 1 : 0;
        boolean hex = secret.chars().allMatch(ch -> Character.digit(ch, 16) >= 0);
        StringBuilder out = new StringBuilder(secret.substring(0, keep));
        for (int i = keep; i < secret.length(); i++) {
            char c = secret.charAt(i);
            int pick = (i * 7 + 3);
            if (Character.isDigit(c)) {
                out.append(DIGITS.charAt(pick % DIGITS.length()));
            } else if (hex && c >= 'a' && c <= 'f') {
                out.append("abcdef".charAt(pick % 6));
            } else if (Character.isLowerCase(c)) {
                out.append(LOWER.charAt(pick % LOWER.length()));
            } else if (Character.isUpperCase(c)) {
                out.append(UPPER.charAt(pick % UPPER.length()));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
