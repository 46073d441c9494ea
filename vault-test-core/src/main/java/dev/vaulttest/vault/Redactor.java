package dev.vaulttest.vault;

import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Removes secrets from texts that may end up in messages and logs: every known secret value, and anything
 * shaped like a Vault token, a JWT or an unseal/recovery key share, even if Vault echoed it back.
 */
final class Redactor {

    static final String REDACTED = dev.vaulttest.internal.Redactor.MARK;

    /**
     * Key shares, which the library-wide {@link dev.vaulttest.internal.Redactor} only catches when labelled:
     * 33 bytes of hex, or base64 of 32 or 33 bytes.
     */
    private static final List<Pattern> KEY_SHARE_SHAPES = List.of(
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
        for (Pattern shape : KEY_SHARE_SHAPES) {
            result = shape.matcher(result).replaceAll(REDACTED);
        }
        return dev.vaulttest.internal.Redactor.redact(result);
    }

    static List<String> scrubAll(List<String> texts, Collection<Sensitive> knownSecrets) {
        return texts.stream().map(text -> scrub(text, knownSecrets)).toList();
    }
}
