package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.error.ShouldHaveLoggedIn.shouldBeDenied;
import static dev.vaulttest.assertj.error.ShouldHaveLoggedIn.shouldHavePolicies;
import static dev.vaulttest.assertj.error.ShouldHaveLoggedIn.shouldHaveSucceeded;

import dev.vaulttest.vault.LoginResult;
import java.util.List;
import java.util.Set;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on a {@link LoginResult}, for example of a Kubernetes login: it succeeded with some policies, or
 * Vault denied it with a status and message. Failures show Vault's refusal or the token's policies (never the
 * token) and a hint for the Kubernetes auth method's known refusals.
 *
 * @param <SELF> the concrete assertion type, for chaining from subclasses
 */
public abstract class AbstractLoginResultAssert<SELF extends AbstractLoginResultAssert<SELF>>
        extends AbstractAssert<SELF, LoginResult> {

    private final String attempt;

    /**
     * Creates the assertion.
     *
     * @param actual the result to check
     * @param selfType the concrete assertion class
     * @param attempt what was tried, named in failure messages, for example
     *     {@code Kubernetes login as role 'app' on vault-0}
     */
    protected AbstractLoginResultAssert(LoginResult actual, Class<?> selfType, String attempt) {
        super(actual, selfType);
        this.attempt = attempt;
    }

    /**
     * Verifies that Vault issued a token.
     *
     * @return this assertion
     */
    public SELF succeeded() {
        isNotNull();
        if (actual instanceof LoginResult.Denied denied) {
            throwAssertionError(shouldHaveSucceeded(attempt, denied));
        }
        return myself;
    }

    /**
     * Verifies that Vault issued a token with at least these policies ({@code default} is usually there too).
     *
     * @param policies the policies the token must have
     * @return this assertion
     * @throws IllegalArgumentException when no policy is given, or one is blank or given twice
     */
    public SELF succeededWithPolicies(String... policies) {
        Set<String> expected = Arguments.requireDistinctTexts(policies, "policies");
        Arguments.require(!expected.isEmpty(), "Give at least one policy; use succeeded() to accept any");
        isNotNull();
        List<String> missing = actual instanceof LoginResult.Success success
                ? expected.stream().filter(p -> !success.policies().contains(p)).toList()
                : List.copyOf(expected);
        if (!missing.isEmpty()) {
            throwAssertionError(shouldHavePolicies(attempt, actual, expected, missing));
        }
        return myself;
    }

    /**
     * Verifies that Vault refused the login.
     *
     * @return this assertion
     */
    public SELF isDenied() {
        isNotNull();
        if (actual.isSuccess()) {
            throwAssertionError(shouldBeDenied(attempt, actual, "to be denied"));
        }
        return myself;
    }

    /**
     * Verifies that Vault refused the login with this HTTP status and an error string containing the text, for
     * example {@code isDeniedWith(403, "service account name not authorized")}.
     *
     * @param status the expected HTTP status, 400 to 599
     * @param errorText text one of Vault's error strings must contain
     * @return this assertion
     * @throws IllegalArgumentException when the status is not an error status or the text is blank
     */
    public SELF isDeniedWith(int status, String errorText) {
        Arguments.require(status >= 400 && status <= 599, "A refusal has an HTTP status from 400 to 599, not " + status);
        Arguments.requireText(errorText, "error text");
        isNotNull();
        if (!(actual instanceof LoginResult.Denied denied) || !denied.isDeniedWith(status, errorText)) {
            throwAssertionError(shouldBeDenied(attempt, actual, "to be denied with HTTP " + status
                    + " and an error containing '" + errorText + "'"));
        }
        return myself;
    }
}
