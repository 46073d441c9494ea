package dev.vaulttest.chaos;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.vault.LoginResult;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * Logins attempted after a service account disruption, each next to what Kubernetes says about its token.
 *
 * @param role the Vault role logged in as
 * @param checks one check per token
 */
public record LoginChecks(String role, List<LoginCheck> checks) {

    /**
     * Copies the checks.
     *
     * @param role the role
     * @param checks the checks
     */
    public LoginChecks {
        checks = List.copyOf(checks);
    }

    /**
     * Whether every login ended as Kubernetes says it should.
     *
     * @return {@code true} when all match
     */
    public boolean allAsExpected() {
        return checks.stream().allMatch(LoginCheck::asExpected);
    }

    /**
     * The check for one token.
     *
     * @param token the token's label, for example {@code old token}
     * @return the check
     * @throws IllegalArgumentException when there is no such check
     */
    public LoginCheck check(String token) {
        return checks.stream().filter(c -> c.token().equals(token)).findFirst().orElseThrow(
                () -> new IllegalArgumentException("No login check for '" + token + "'; checks are "
                        + checks.stream().map(LoginCheck::token).toList()));
    }

    /**
     * Every check, one per line.
     *
     * @return the description
     */
    public String describe() {
        return checks.stream().map(c -> "  " + c.describe())
                .collect(Collectors.joining("\n", "logins as role " + role + ":\n", ""));
    }

    /**
     * Fails unless every login ended as Kubernetes says it should.
     *
     * @return these checks
     * @throws VaultTestException listing every check when one does not match
     */
    public LoginChecks requireAllAsExpected() {
        if (!allAsExpected()) {
            throw new VaultTestException("Vault's logins do not match what Kubernetes says about the tokens:\n"
                    + describe());
        }
        return this;
    }

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

        /** How a Kubernetes login with a token should end, given what Kubernetes says about the token. */
        public enum LoginExpectation {
            /** Kubernetes accepts the token and the role binds its service account: Vault issues a token. */
            ACCEPTED,
            /** Kubernetes rejects the token: Vault refuses with {@code 403 permission denied}. */
            REJECTED_BY_KUBERNETES,
            /**
             * Kubernetes accepts the token but the role does not bind its service account (for example after a rename):
             * Vault refuses with {@code 403 service account name not authorized} (or {@code namespace not authorized}).
             */
            REJECTED_BY_ROLE;

            /**
             * Whether a login result is what this expectation says.
             *
             * @param result what Vault answered
             * @return {@code true} when they agree
             */
            public boolean matches(LoginResult result) {
                if (result instanceof LoginResult.Success) {
                    return this == ACCEPTED;
                }
                LoginResult.Denied denied = (LoginResult.Denied) result;
                return switch (this) {
                    case ACCEPTED -> false;
                    case REJECTED_BY_KUBERNETES -> denied.isDeniedWith(403, "permission denied");
                    case REJECTED_BY_ROLE -> denied.isDeniedWith(403, "service account name not authorized")
                            || denied.isDeniedWith(403, "namespace not authorized");
                };
            }
        }
    }
}
