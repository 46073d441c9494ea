package dev.vaulttest.vault;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The outcome of a login: a token, or Vault's refusal.
 *
 * <p>A refusal (HTTP 400, 403 or 500 from the auth method) is a normal result, not an exception, so a test can
 * assert on it: {@code assertThat(result).isInstanceOf(Denied.class)} and
 * {@code ((Denied) result).isDeniedWith(403, "service account name not authorized")}. Connection failures,
 * timeouts and a sealed node still throw {@link VaultApiException}.
 */
public sealed interface LoginResult {

    /**
     * Whether the login produced a token.
     *
     * @return {@code true} for {@link Success}
     */
    boolean isSuccess();

    /**
     * Vault issued a token.
     *
     * @param clientToken the issued token
     * @param accessor the token's accessor
     * @param policies all policies of the token
     * @param tokenPolicies the policies attached by the role
     * @param leaseDuration the token's TTL
     * @param renewable whether the token can be renewed
     * @param metadata the auth metadata, for Kubernetes: {@code role}, {@code service_account_name},
     *                 {@code service_account_namespace}, {@code service_account_uid},
     *                 {@code service_account_secret_name}
     * @param entityId the identity entity id, empty when none
     * @param tokenType the token type, for example {@code service}
     */
    record Success(
            Sensitive clientToken,
            Sensitive accessor,
            List<String> policies,
            List<String> tokenPolicies,
            Duration leaseDuration,
            boolean renewable,
            Map<String, String> metadata,
            String entityId,
            String tokenType) implements LoginResult {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param clientToken the issued token
         * @param accessor the token's accessor
         * @param policies all policies of the token
         * @param tokenPolicies the policies attached by the role
         * @param leaseDuration the token's TTL
         * @param renewable whether the token can be renewed
         * @param metadata the auth metadata, for Kubernetes: {@code role}, {@code service_account_name},
         *        {@code service_account_namespace}, {@code service_account_uid},
         *        {@code service_account_secret_name}
         * @param entityId the identity entity id, empty when none
         * @param tokenType the token type, for example {@code service}
         */
        public Success {
            Objects.requireNonNull(clientToken, "clientToken");
            Objects.requireNonNull(accessor, "accessor");
            policies = List.copyOf(policies);
            tokenPolicies = List.copyOf(tokenPolicies);
            Objects.requireNonNull(leaseDuration, "leaseDuration");
            metadata = Map.copyOf(metadata);
            Objects.requireNonNull(entityId, "entityId");
            Objects.requireNonNull(tokenType, "tokenType");
        }

        @Override
        public boolean isSuccess() {
            return true;
        }

        /** Policies, TTL and metadata; the token and accessor are redacted. */
        @Override
        public String toString() {
            return "LoginResult.Success[policies=" + policies + ", ttl=" + leaseDuration + ", renewable=" + renewable
                    + ", tokenType=" + tokenType + ", metadata=" + new java.util.TreeMap<>(metadata)
                    + ", clientToken=<redacted>, accessor=<redacted>]";
        }
    }

    /**
     * Vault refused the login.
     *
     * @param httpStatus the HTTP status, for example 403
     * @param errors Vault's error strings, for example {@code service account name not authorized}
     */
    record Denied(int httpStatus, List<String> errors) implements LoginResult {
        /**
         * Creates the record, copying the error list.
         *
         * @param httpStatus the HTTP status, for example 403
         * @param errors Vault's error strings, for example {@code service account name not authorized}
         */
        public Denied {
            errors = List.copyOf(errors);
        }

        @Override
        public boolean isSuccess() {
            return false;
        }

        /**
         * Whether Vault refused with this status and an error string containing the text.
         *
         * @param status the expected HTTP status
         * @param errorText text one of the error strings must contain
         * @return {@code true} if both match
         */
        public boolean isDeniedWith(int status, String errorText) {
            return httpStatus == status && errors.stream().anyMatch(error -> error.contains(errorText));
        }
    }
}
