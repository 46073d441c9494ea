package dev.vaulttest.chaos;

import dev.vaulttest.vault.Sensitive;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A service account token obtained through the TokenRequest API. The JWT is only available through
 * {@link #jwt()}; {@code toString} never shows it.
 */
public final class ServiceAccountToken {

    private final TokenSpec spec;
    private final Sensitive jwt;
    private final Instant issuedAt;
    private final Optional<Instant> expiresAt;
    private final Optional<String> keyId;
    private final Optional<String> boundObjectName;
    private final Optional<String> boundObjectUid;

    ServiceAccountToken(TokenSpec spec, Sensitive jwt, Instant issuedAt, Optional<Instant> expiresAt,
            Optional<String> boundObjectName, Optional<String> boundObjectUid) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.jwt = Objects.requireNonNull(jwt, "jwt");
        this.issuedAt = Objects.requireNonNull(issuedAt, "issuedAt");
        this.expiresAt = Objects.requireNonNull(expiresAt, "expiresAt");
        this.keyId = Jwts.keyId(jwt.reveal());
        this.boundObjectName = Objects.requireNonNull(boundObjectName, "boundObjectName");
        this.boundObjectUid = Objects.requireNonNull(boundObjectUid, "boundObjectUid");
    }

    /**
     * What was requested.
     *
     * @return the spec
     */
    public TokenSpec spec() {
        return spec;
    }

    /**
     * The JWT, to send to Vault.
     *
     * @return the token, redacted in {@code toString}
     */
    public Sensitive jwt() {
        return jwt;
    }

    /**
     * When the library received the token.
     *
     * @return the time
     */
    public Instant issuedAt() {
        return issuedAt;
    }

    /**
     * When the API server says the token expires.
     *
     * @return the time; empty when not reported
     */
    public Optional<Instant> expiresAt() {
        return expiresAt;
    }

    /**
     * The {@code kid} of the token's JWT header: which service account signing key signed it.
     *
     * @return the key id; empty when the header has none
     */
    public Optional<String> keyId() {
        return keyId;
    }

    /**
     * The object the token is bound to (the pod, or the anchor Secret).
     *
     * @return the object's name; empty for an unbound token
     */
    public Optional<String> boundObjectName() {
        return boundObjectName;
    }

    /**
     * The UID of the object the token is bound to.
     *
     * @return the UID; empty for an unbound token
     */
    public Optional<String> boundObjectUid() {
        return boundObjectUid;
    }

    @Override
    public String toString() {
        return "ServiceAccountToken[" + spec.account() + ", binding " + spec.binding().kind()
                + boundObjectName.map(n -> " " + n).orElse("") + ", kid " + keyId.orElse("?") + ", issued " + issuedAt
                + ", jwt=<redacted>]";
    }

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

        /**
         * What a requested service account token is bound to, which decides when Kubernetes stops accepting it: an
         * unbound token until it expires; a pod-bound token until that pod (that UID) is deleted; a secret-bound token
         * until its Secret is deleted. The library creates and deletes the anchor Secret itself, which makes a
         * secret-bound token the one whose rotation really revokes the old token.
         *
         * @param kind what the token is bound to
         * @param podName the pod, for {@link Kind#POD}
         */
        public record TokenBinding(Kind kind, Optional<String> podName) {

            /** What a token can be bound to. */
            public enum Kind {
                /** Nothing: valid until it expires (or its service account is deleted). */
                NONE,
                /** A pod: valid while that pod object (that UID) exists. */
                POD,
                /** A Secret the library creates: valid while the Secret exists. */
                SECRET
            }

            /**
             * Validates the components.
             *
             * @param kind the binding kind
             * @param podName the pod name, only for {@link Kind#POD}
             */
            public TokenBinding {
                Objects.requireNonNull(kind, "kind");
                Objects.requireNonNull(podName, "podName");
                if ((kind == Kind.POD) != podName.isPresent()) {
                    throw new IllegalArgumentException("A pod name goes with Kind.POD and only with it; got " + kind + " and "
                            + podName);
                }
            }

            /**
             * Unbound.
             *
             * @return the binding
             */
            public static TokenBinding none() {
                return new TokenBinding(Kind.NONE, Optional.empty());
            }

            /**
             * Bound to a pod in the token's namespace.
             *
             * @param podName the pod
             * @return the binding
             */
            public static TokenBinding pod(String podName) {
                return new TokenBinding(Kind.POD, Optional.of(podName));
            }

            /**
             * Bound to a Secret the library creates for the token (and deletes when the token is rotated).
             *
             * @return the binding
             */
            public static TokenBinding secret() {
                return new TokenBinding(Kind.SECRET, Optional.empty());
            }
        }
    }
}
