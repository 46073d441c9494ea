package dev.vaulttest.assertj.error;

import dev.vaulttest.vault.LoginResult;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.TreeMap;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the messages for a login that should have succeeded (with some policies) or been denied. Tokens and
 * accessors never appear; a successful login is shown by its policies, TTL and metadata.
 */
public class ShouldHaveLoggedIn extends VaultErrorMessage {

    private ShouldHaveLoggedIn(String attempt, String expectation, String problem, List<String> hints) {
        super(attempt, expectation, problem, "", hints);
    }

    /**
     * The login should have succeeded.
     *
     * @param attempt what was tried, for example {@code Kubernetes login as role 'app' on vault-0}
     * @param denied Vault's refusal
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveSucceeded(String attempt, LoginResult.Denied denied) {
        return new ShouldHaveLoggedIn(attempt, "to succeed", "Vault denied it: " + denied(denied), hints(denied));
    }

    /**
     * The login should have succeeded with the policies; it succeeded without some of them, or was denied.
     *
     * @param attempt what was tried
     * @param result what Vault answered
     * @param expected the policies the token should have
     * @param missing the expected policies it lacks (empty when denied)
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHavePolicies(String attempt, LoginResult result, Collection<String> expected,
            Collection<String> missing) {
        if (result instanceof LoginResult.Denied denied) {
            return new ShouldHaveLoggedIn(attempt, "to succeed with policies " + expected,
                    "Vault denied it: " + denied(denied), hints(denied));
        }
        LoginResult.Success success = (LoginResult.Success) result;
        return new ShouldHaveLoggedIn(attempt, "to succeed with policies " + expected, "the token lacks " + missing
                + "; its policies were " + success.policies() + " (token policies " + success.tokenPolicies() + ")",
                List.of("the role's token_policies decide the policies; check the role the login used ("
                        + success.metadata().getOrDefault("role", "unknown") + ")"));
    }

    /**
     * The login should have been denied, possibly with a status and message; it succeeded or was denied otherwise.
     *
     * @param attempt what was tried
     * @param result what Vault answered
     * @param expectation the expected refusal, for example {@code to be denied with HTTP 403 and an error
     *     containing 'permission denied'}
     * @return the message factory
     */
    public static ErrorMessageFactory shouldBeDenied(String attempt, LoginResult result, String expectation) {
        if (result instanceof LoginResult.Denied denied) {
            return new ShouldHaveLoggedIn(attempt, expectation, "it was denied with " + denied(denied), hints(denied));
        }
        LoginResult.Success success = (LoginResult.Success) result;
        return new ShouldHaveLoggedIn(attempt, expectation, "it succeeded: policies " + success.policies() + ", ttl "
                + success.leaseDuration() + ", metadata " + new TreeMap<>(success.metadata())
                + " (token not shown)", List.of());
    }

    private static String denied(LoginResult.Denied denied) {
        return "HTTP " + denied.httpStatus() + " " + denied.errors();
    }

    static List<String> hints(LoginResult.Denied denied) {
        List<String> hints = new ArrayList<>();
        String errors = String.join(" ", denied.errors());
        if (errors.contains("service account name not authorized")) {
            hints.add("the role's bound_service_account_names does not list this ServiceAccount; a renamed"
                    + " ServiceAccount needs the role updated");
        }
        if (errors.contains("namespace not authorized")) {
            hints.add("the role's bound_service_account_namespaces does not list the ServiceAccount's namespace");
        }
        if (errors.contains("permission denied")) {
            hints.add("TokenReview refused the token or could not run: the ServiceAccount was deleted or recreated,"
                    + " the token expired or was rotated, Vault's reviewer token or CA is stale, or Vault cannot reach"
                    + " the Kubernetes API (a NetworkPolicy); Vault logs the real reason only at debug level");
        }
        if (errors.contains("could not load backend configuration")) {
            hints.add("the Kubernetes auth mount was never configured (write auth/<mount>/config)");
        }
        if (errors.contains("invalid role name")) {
            hints.add("no role of that name exists at this auth mount");
        }
        return hints;
    }
}
