package dev.vaulttest.internal;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from free text before it reaches a log, an exception message or a report.
 *
 * <p>Recognises, wherever they appear in the text:
 * <ul>
 *   <li>Vault tokens: {@code hvs.}, {@code hvb.}, {@code hvr.} and the legacy {@code s.}, {@code b.},
 *       {@code r.} prefixes followed by 24 or more token characters;</li>
 *   <li>JSON Web Tokens ({@code eyJ…}{@code .}{@code …}{@code .}{@code …});</li>
 *   <li>AWS access key ids ({@code AKIA} or {@code ASIA} and 16 characters);</li>
 *   <li>PEM private keys, including a truncated one whose END line is missing;</li>
 *   <li>values after a secret-naming label, such as {@code aws_secret_access_key=…},
 *       {@code "keys_base64": […]}, {@code Unseal Key 1: …}, {@code root_token}, {@code X-Vault-Token},
 *       {@code Authorization: Bearer …}.</li>
 * </ul>
 *
 * <p>Redaction is idempotent: redacting already redacted text changes nothing. It is a safety net, not a
 * licence to put secrets into free text: code should keep secrets out of messages in the first place.
 * This class is internal to the library and not part of its API.
 */
public final class Redactor {

    /** What a redacted secret is replaced with. */
    public static final String MARK = "[REDACTED]";

    private static final Pattern PEM_PRIVATE_KEY = Pattern.compile(
            "-----BEGIN [A-Z0-9 ]*PRIVATE KEY-----(?:.*?-----END [A-Z0-9 ]*PRIVATE KEY-----|.*)", Pattern.DOTALL);

    private static final String LABELS = String.join("|",
            "aws_secret_access_key", "aws_session_token", "secret_?access_?key", "session_?token",
            "unseal[ _-]?keys?(?:[ _-]?(?:b64|base64|hex))?(?:\\s*\\d+)?",
            "recovery[ _-]?keys?(?:[ _-]?(?:b64|base64|hex))?(?:\\s*\\d+)?",
            "keys(?:_b64|_base64)", "\"keys?\"",
            "(?:initial[ _-]?)?root[ _-]?token", "client_token", "x-vault-token", "secret_id", "password");

    /**
     * A label naming a secret, a separator, then the value: a JSON array, a quoted string or a bare word.
     * Group 1 keeps the label and separator; the value is replaced.
     */
    private static final Pattern LABELLED_VALUE = Pattern.compile(
            "((?:" + LABELS + ")\"?\\s*[=:]\\s*)(\\[[^\\]]*\\]|\"[^\"]*\"|'[^']*'|[^\\s\"',;}\\]]+)",
            Pattern.CASE_INSENSITIVE);

    private static final Pattern BEARER = Pattern.compile("(?i)(\\bbearer\\s+)[A-Za-z0-9._~+/=-]{8,}");

    private static final List<Pattern> TOKENS = List.of(
            Pattern.compile("\\b(?:hv[sbr]|[sbr])\\.[A-Za-z0-9_-]{24,}"),
            Pattern.compile("\\beyJ[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]*"),
            Pattern.compile("\\b(?:AKIA|ASIA)[A-Z0-9]{16}\\b"));

    private Redactor() {
    }

    /**
     * Returns the text with every recognised secret replaced by {@value #MARK}.
     *
     * @param text free text, possibly {@code null}
     * @return the redacted text, or {@code null} when {@code text} is {@code null}
     */
    public static String redact(String text) {
        if (text == null || text.isEmpty()) {
            return text;
        }
        String result = PEM_PRIVATE_KEY.matcher(text).replaceAll(Matcher.quoteReplacement(MARK));
        result = LABELLED_VALUE.matcher(result).replaceAll(match -> Matcher.quoteReplacement(
                match.group(1) + quoted(match.group(2))));
        result = BEARER.matcher(result).replaceAll(match -> Matcher.quoteReplacement(match.group(1) + MARK));
        for (Pattern token : TOKENS) {
            result = token.matcher(result).replaceAll(Matcher.quoteReplacement(MARK));
        }
        return result;
    }

    private static String quoted(String value) {
        if (value.startsWith("\"")) {
            return "\"" + MARK + "\"";
        }
        if (value.startsWith("'")) {
            return "'" + MARK + "'";
        }
        return MARK;
    }
}
