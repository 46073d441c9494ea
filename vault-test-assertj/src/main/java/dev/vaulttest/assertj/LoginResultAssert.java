package dev.vaulttest.assertj;

import dev.vaulttest.vault.LoginResult;

/**
 * Assertions on a {@link LoginResult}; see {@link AbstractLoginResultAssert} for the methods. Extend
 * {@link AbstractLoginResultAssert} to add your own.
 */
public class LoginResultAssert extends AbstractLoginResultAssert<LoginResultAssert> {

    /**
     * Creates assertions on a login result. Prefer {@link VaultAssertions#assertThat(LoginResult)}.
     *
     * @param actual the result to check, may be {@code null} (assertions then fail)
     */
    public LoginResultAssert(LoginResult actual) {
        super(actual, LoginResultAssert.class, "the login");
    }

    LoginResultAssert(LoginResult actual, String attempt) {
        super(actual, LoginResultAssert.class, attempt);
    }
}
