package dev.vaulttest.chaos;

import dev.vaulttest.vault.LoginResult;

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
