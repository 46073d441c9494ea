package dev.vaulttest.engine;

import java.security.SecureRandom;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The unique, readable identity of one Vault environment, for example {@code ha-raft-k3x9q2}. It derives the
 * names of everything the environment creates: its namespace, its Helm release (and thereby the chart's
 * cluster-scoped RBAC and webhook names, which must not collide between environments) and its ownership label.
 *
 * @param value a DNS-1123 label of at most {@value #MAX_LENGTH} characters
 */
record EnvironmentId(String value) {

    /** The longest id; keeps derived names well inside Kubernetes' and Helm's limits. */
    public static final int MAX_LENGTH = 24;

    private static final int SUFFIX_LENGTH = 6;
    private static final String ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern DNS_1123_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final SecureRandom RANDOM = new SecureRandom();

    /**
     * Validates the id.
     *
     * @param value a DNS-1123 label of at most {@value #MAX_LENGTH} characters
     */
    public EnvironmentId {
        Objects.requireNonNull(value, "value");
        if (value.length() > MAX_LENGTH || !isDnsLabel(value)) {
            throw new IllegalArgumentException("Environment id '" + value + "' must be a DNS-1123 label (lower-case"
                    + " letters, digits and '-', starting and ending with a letter or digit) of at most "
                    + MAX_LENGTH + " characters; use EnvironmentId.random(hint) to derive one from any text.");
        }
    }

    /**
     * A new id made of a readable hint and a random suffix, for example {@code random("MyHaTest")} gives
     * {@code myhatest-k3x9q2}.
     *
     * @param hint any text, such as a test class name; reduced to a DNS-1123 label; may be empty
     * @return a fresh id
     */
    public static EnvironmentId random(String hint) {
        String prefix = toDnsLabel(hint == null ? "" : hint, MAX_LENGTH - SUFFIX_LENGTH - 1);
        StringBuilder suffix = new StringBuilder(SUFFIX_LENGTH);
        for (int i = 0; i < SUFFIX_LENGTH; i++) {
            suffix.append(ALPHABET.charAt(RANDOM.nextInt(ALPHABET.length())));
        }
        return new EnvironmentId(prefix.isEmpty() ? "env-" + suffix : prefix + "-" + suffix);
    }

    /**
     * The environment's namespace: {@code vault-test-<id>}.
     *
     * @return a DNS-1123 label
     */
    public String namespace() {
        return "vault-test-" + value;
    }

    /**
     * The environment's Helm release name: {@code vault-<id>}. Because it contains {@code vault}, the chart's
     * fullname equals the release name (unless the values set {@code fullnameOverride}).
     *
     * @return a DNS-1123 label short enough for Helm (53) and StatefulSet pod labels
     */
    public String releaseName() {
        return "vault-" + value;
    }

    /**
     * Tells whether a text is a DNS-1123 label (the rule for namespaces, release names, most object names).
     *
     * @param text the candidate
     * @return {@code true} when valid and at most 63 characters
     */
    public static boolean isDnsLabel(String text) {
        return text != null && text.length() <= 63 && DNS_1123_LABEL.matcher(text).matches();
    }

    /**
     * Reduces any text to a DNS-1123 label: lower case, camel case split by '-', other characters replaced by
     * '-', repeats collapsed, trimmed to {@code maxLength}, no leading or trailing '-'.
     *
     * @param text the text
     * @param maxLength the longest result
     * @return the label, possibly empty when the text has no letters or digits
     */
    public static String toDnsLabel(String text, int maxLength) {
        String split = text.replaceAll("([a-z0-9])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
        String cleaned = split.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+", "");
        if (cleaned.length() > maxLength) {
            cleaned = cleaned.substring(0, maxLength);
        }
        return cleaned.replaceAll("-+$", "");
    }

    @Override
    public String toString() {
        return value;
    }
}
