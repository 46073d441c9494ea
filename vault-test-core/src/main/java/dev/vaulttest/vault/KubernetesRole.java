package dev.vaulttest.vault;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A Kubernetes auth role, written to {@code POST /v1/auth/<mount>/role/<name>}.
 *
 * <p>Lists are sent as JSON arrays (not as the comma strings the Java driver would produce).
 *
 * @param name the role name used at login
 * @param boundServiceAccountNames service account names allowed to log in ({@code *} and globs allowed)
 * @param boundServiceAccountNamespaces namespaces allowed to log in ({@code *} and globs allowed)
 * @param policies policies attached to issued tokens ({@code token_policies})
 * @param ttl the issued tokens' TTL ({@code token_ttl}), Vault's default when empty
 * @param audience the audience the JWT must carry; without it Vault accepts any and warns
 */
public record KubernetesRole(
        String name,
        List<String> boundServiceAccountNames,
        List<String> boundServiceAccountNamespaces,
        List<String> policies,
        Optional<Duration> ttl,
        Optional<String> audience) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param name the role name used at login
     * @param boundServiceAccountNames service account names allowed to log in ({@code *} and globs allowed)
     * @param boundServiceAccountNamespaces namespaces allowed to log in ({@code *} and globs allowed)
     * @param policies policies attached to issued tokens ({@code token_policies})
     * @param ttl the issued tokens' TTL ({@code token_ttl}), Vault's default when empty
     * @param audience the audience the JWT must carry; without it Vault accepts any and warns
     */
    public KubernetesRole {
        Objects.requireNonNull(name, "name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("A Kubernetes role needs a name");
        }
        boundServiceAccountNames = List.copyOf(boundServiceAccountNames);
        boundServiceAccountNamespaces = List.copyOf(boundServiceAccountNamespaces);
        policies = List.copyOf(policies);
        Objects.requireNonNull(ttl, "ttl");
        Objects.requireNonNull(audience, "audience");
        if (boundServiceAccountNames.isEmpty()) {
            throw new IllegalArgumentException("Role '" + name + "' needs at least one bound service account name"
                    + " (use \"*\" for any)");
        }
        if (boundServiceAccountNamespaces.isEmpty()) {
            throw new IllegalArgumentException("Role '" + name + "' needs at least one bound namespace"
                    + " (use \"*\" for any)");
        }
    }

    /**
     * Starts a role.
     *
     * @param name the role name
     * @return a builder
     */
    public static Builder builder(String name) {
        return new Builder(name);
    }

    /** Builds a {@link KubernetesRole}. */
    public static final class Builder {
        private final String name;
        private List<String> serviceAccountNames = List.of();
        private List<String> namespaces = List.of();
        private List<String> policies = List.of();
        private Duration ttl;
        private String audience;

        private Builder(String name) {
            this.name = name;
        }

        /**
         * Sets the bound service account names.
         *
         * @param names the names
         * @return this builder
         */
        public Builder boundServiceAccountNames(String... names) {
            this.serviceAccountNames = List.of(names);
            return this;
        }

        /**
         * Sets the bound namespaces.
         *
         * @param boundNamespaces the namespaces
         * @return this builder
         */
        public Builder boundServiceAccountNamespaces(String... boundNamespaces) {
            this.namespaces = List.of(boundNamespaces);
            return this;
        }

        /**
         * Sets the token policies.
         *
         * @param tokenPolicies the policy names
         * @return this builder
         */
        public Builder policies(String... tokenPolicies) {
            this.policies = List.of(tokenPolicies);
            return this;
        }

        /**
         * Sets the token TTL.
         *
         * @param tokenTtl the TTL
         * @return this builder
         */
        public Builder ttl(Duration tokenTtl) {
            this.ttl = Objects.requireNonNull(tokenTtl, "tokenTtl");
            return this;
        }

        /**
         * Sets the required audience.
         *
         * @param requiredAudience the audience
         * @return this builder
         */
        public Builder audience(String requiredAudience) {
            this.audience = Objects.requireNonNull(requiredAudience, "requiredAudience");
            return this;
        }

        /**
         * Builds the role.
         *
         * @return the role
         */
        public KubernetesRole build() {
            return new KubernetesRole(name, serviceAccountNames, namespaces, policies, Optional.ofNullable(ttl),
                    Optional.ofNullable(audience));
        }
    }
}
