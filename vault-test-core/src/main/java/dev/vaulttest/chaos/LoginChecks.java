package dev.vaulttest.chaos;

import dev.vaulttest.base.VaultTestException;
import java.util.List;
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
}
