package dev.vaulttest.chaos;

import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * What service account token to request through the TokenRequest API.
 *
 * @param namespace the service account's namespace
 * @param serviceAccount the service account's name
 * @param audiences the token's audiences; empty for the API server's default audiences
 * @param expiration the requested lifetime (the API server enforces at least 10 minutes)
 * @param binding what the token is bound to
 */
public record TokenSpec(String namespace, String serviceAccount, List<String> audiences, Duration expiration,
        TokenBinding binding) {

    /** The shortest lifetime the API server grants. */
    public static final Duration MINIMUM_EXPIRATION = Duration.ofMinutes(10);

    /**
     * Validates the components.
     *
     * @param namespace the namespace
     * @param serviceAccount the service account
     * @param audiences the audiences
     * @param expiration the lifetime
     * @param binding the binding
     */
    public TokenSpec {
        Objects.requireNonNull(namespace, "namespace");
        Objects.requireNonNull(serviceAccount, "serviceAccount");
        audiences = List.copyOf(audiences);
        Objects.requireNonNull(expiration, "expiration");
        Objects.requireNonNull(binding, "binding");
        if (expiration.compareTo(MINIMUM_EXPIRATION) < 0) {
            throw new IllegalArgumentException("Token expiration " + expiration + " is below the API server's minimum"
                    + " of " + MINIMUM_EXPIRATION);
        }
    }

    /**
     * An unbound one-hour token for a service account, with the API server's default audiences.
     *
     * @param namespace the namespace
     * @param serviceAccount the service account
     * @return the spec
     */
    public static TokenSpec forAccount(String namespace, String serviceAccount) {
        return new TokenSpec(namespace, serviceAccount, List.of(), Duration.ofHours(1), TokenBinding.none());
    }

    /**
     * The same spec with these audiences (the Vault role's {@code audience} must be among them).
     *
     * @param newAudiences the audiences
     * @return the new spec
     */
    public TokenSpec withAudiences(String... newAudiences) {
        return new TokenSpec(namespace, serviceAccount, List.of(newAudiences), expiration, binding);
    }

    /**
     * The same spec with another lifetime.
     *
     * @param newExpiration the lifetime, at least 10 minutes
     * @return the new spec
     */
    public TokenSpec withExpiration(Duration newExpiration) {
        return new TokenSpec(namespace, serviceAccount, audiences, newExpiration, binding);
    }

    /**
     * The same spec with another binding.
     *
     * @param newBinding the binding
     * @return the new spec
     */
    public TokenSpec withBinding(TokenBinding newBinding) {
        return new TokenSpec(namespace, serviceAccount, audiences, expiration, newBinding);
    }

    /**
     * The service account as {@code namespace/name}.
     *
     * @return the reference
     */
    public String account() {
        return namespace + "/" + serviceAccount;
    }
}
