package dev.vaulttest.chaos;

import java.util.Objects;

/**
 * One login attempted with one token, next to what Kubernetes says about the token.
 *
 * @param token which token, for example {@code old token} or {@code new token}
 * @param expected how the login should end, from what Kubernetes says
 * @param kubernetesSays the TokenReview answer, in words
 * @param vaultSays what Vault answered, in words (never the issued token)
 * @param asExpected whether Vault's answer matches the expectation
 */
public record LoginCheck(String token, LoginExpectation expected, String kubernetesSays, String vaultSays,
        boolean asExpected) {

    /**
     * Validates the components.
     *
     * @param token which token
     * @param expected the expectation
     * @param kubernetesSays the TokenReview answer
     * @param vaultSays Vault's answer
     * @param asExpected whether they match
     */
    public LoginCheck {
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(expected, "expected");
        Objects.requireNonNull(kubernetesSays, "kubernetesSays");
        Objects.requireNonNull(vaultSays, "vaultSays");
    }

    /**
     * One line for messages.
     *
     * @return the description
     */
    public String describe() {
        return token + ": " + kubernetesSays + "; expected " + expected + "; Vault: " + vaultSays
                + (asExpected ? "" : "  <-- MISMATCH");
    }
}
