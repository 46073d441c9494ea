package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.LoginChecks.LoginCheck;
import dev.vaulttest.chaos.LoginChecks.LoginCheck.LoginExpectation;
import dev.vaulttest.vault.LoginResult;

/** Logs in with a token and sets the result next to what Kubernetes (TokenReview) says about the token. */
final class LoginChecker {

    private final VaultEnvironment env;
    private final TokenReviewer reviewer;

    LoginChecker(VaultEnvironment env) {
        this.env = env;
        this.reviewer = new TokenReviewer(env::kubernetes);
    }

    /**
     * One check.
     *
     * @param label the token's label
     * @param token the token
     * @param mountPath the auth mount
     * @param role the role
     * @param roleBindsAccount whether the role names the token's service account
     */
    LoginCheck check(String label, ServiceAccountToken token, String mountPath, String role,
            boolean roleBindsAccount) {
        TokenReviewer.Review review = reviewer.review(token);
        LoginExpectation expected = !review.authenticated() ? LoginExpectation.REJECTED_BY_KUBERNETES
                : roleBindsAccount ? LoginExpectation.ACCEPTED : LoginExpectation.REJECTED_BY_ROLE;
        LoginResult result = Logins.loginNode(env).anonymousClient().loginKubernetes(mountPath, role, token.jwt());
        return new LoginCheck(label, expected, review.detail(), Logins.describe(result), expected.matches(result));
    }
}
