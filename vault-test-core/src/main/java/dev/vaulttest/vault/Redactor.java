package dev.vaulttest.vault;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from texts that may end up in messages and logs: every known secret value, and anything
 * shaped like a Vault token, a JWT or an unseal/recovery key share, even if Vault echoed it back.
 */
final class Redactor {

    static final String REDACTED = "<redacted>";

    private static final List<Pattern> SECRET_SHAPES = List.of(
            // Vault 1.10+ service, batch and recovery tokens.
            Pattern.compile("\\bhv[sbr]\\.[A-Za-z0-9_\\-]{20,}"),
            // Legacy service and batch tokens.
            Pattern.compile("\\b[sb]\\.[A-Za-z0-9]{24}\\b"),
            // JWTs: three base64url parts, the first two JSON objects.
            Pattern.compile("eyJ[A-Za-z0-9_\\-]*\\.eyJ[A-Za-z0-9_\\-]*\\.[A-Za-z0-9_\\-]*"),
            // Key shares: 33 bytes of hex, or base64 of 32/33 bytes.
            Pattern.compile("\\b[0-9a-fA-F]{64,}\\b"),
            Pattern.compile("[A-Za-z0-9+/]{43}=|[A-Za-z0-9+/]{44}(?![A-Za-z0-9+/=])"));

    private Redactor() {
    }

    /**
     * Scrubs a text.
     *
     * @param text the text, may be {@code null}
     * @param knownSecrets secrets that were part of the request or the client
     * @return the text with every secret replaced by {@value #REDACTED}
     */
    static String scrub(String text, Collection<Sensitive> knownSecrets) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = text;
        for (Sensitive secret : knownSecrets) {
            String value = secret.reveal();
            if (value.length() >= 4) {
                result = result.replace(value, REDACTED);
            }
        }
        for (Pattern shape : SECRET_SHAPES) {
            result = shape.matcher(result).replaceAll(REDACTED);
        }
        return result;
    }

    static List<String> scrubAll(List<String> texts, Collection<Sensitive> knownSecrets) {
        return texts.stream().map(text -> scrub(text, knownSecrets)).toList();
    }
}
