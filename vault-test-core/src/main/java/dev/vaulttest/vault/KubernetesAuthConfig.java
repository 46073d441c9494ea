package dev.vaulttest.vault;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The configuration of a Kubernetes auth mount, written to {@code POST /v1/auth/<mount>/config}.
 *
 * <p>Only the fields that are set are sent, so Vault's own defaults apply to the rest (for example
 * {@code disable_iss_validation} defaults to {@code true}; inside a pod, the CA and reviewer JWT default to
 * the pod's service account files unless {@code disable_local_ca_jwt} is set).
 *
 * @param kubernetesHost the API server as Vault reaches it, for example {@code https://kubernetes.default.svc}
 * @param kubernetesCaCertPem the API server's CA in PEM
 * @param tokenReviewerJwt the JWT Vault uses to call TokenReview
 * @param issuer the expected JWT issuer (deprecated by Vault, still accepted)
 * @param disableIssValidation whether Vault skips issuer validation
 * @param disableLocalCaJwt whether Vault ignores the pod's own service account CA and token
 * @param pemKeys public keys to verify JWT signatures locally
 */
public record KubernetesAuthConfig(
        String kubernetesHost,
        Optional<String> kubernetesCaCertPem,
        Optional<Sensitive> tokenReviewerJwt,
        Optional<String> issuer,
        Optional<Boolean> disableIssValidation,
        Optional<Boolean> disableLocalCaJwt,
        List<String> pemKeys) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param kubernetesHost the API server as Vault reaches it, for example {@code https://kubernetes.default.svc}
     * @param kubernetesCaCertPem the API server's CA in PEM
     * @param tokenReviewerJwt the JWT Vault uses to call TokenReview
     * @param issuer the expected JWT issuer (deprecated by Vault, still accepted)
     * @param disableIssValidation whether Vault skips issuer validation
     * @param disableLocalCaJwt whether Vault ignores the pod's own service account CA and token
     * @param pemKeys public keys to verify JWT signatures locally
     */
    public KubernetesAuthConfig {
        Objects.requireNonNull(kubernetesHost, "kubernetesHost");
        if (kubernetesHost.isBlank()) {
            throw new IllegalArgumentException("kubernetesHost must not be blank: Vault needs the API server address");
        }
        Objects.requireNonNull(kubernetesCaCertPem, "kubernetesCaCertPem");
        Objects.requireNonNull(tokenReviewerJwt, "tokenReviewerJwt");
        Objects.requireNonNull(issuer, "issuer");
        Objects.requireNonNull(disableIssValidation, "disableIssValidation");
        Objects.requireNonNull(disableLocalCaJwt, "disableLocalCaJwt");
        pemKeys = List.copyOf(pemKeys);
    }

    /**
     * Starts a configuration for an API server.
     *
     * @param kubernetesHost the API server as Vault reaches it
     * @return a builder
     */
    public static Builder builder(String kubernetesHost) {
        return new Builder(kubernetesHost);
    }

    /** Host and which optional fields are set; never the reviewer JWT. */
    @Override
    public String toString() {
        return "KubernetesAuthConfig[host=" + kubernetesHost
                + ", caCert=" + (kubernetesCaCertPem.isPresent() ? "set" : "unset")
                + ", tokenReviewerJwt=" + (tokenReviewerJwt.isPresent() ? "<redacted>" : "unset")
                + ", issuer=" + issuer.orElse("unset")
                + ", disableIssValidation=" + disableIssValidation.map(String::valueOf).orElse("unset")
                + ", disableLocalCaJwt=" + disableLocalCaJwt.map(String::valueOf).orElse("unset")
                + ", pemKeys=" + pemKeys.size() + "]";
    }

    /** Builds a {@link KubernetesAuthConfig}. */
    public static final class Builder {
        private final String kubernetesHost;
        private String caCertPem;
        private Sensitive tokenReviewerJwt;
        private String issuer;
        private Boolean disableIssValidation;
        private Boolean disableLocalCaJwt;
        private List<String> pemKeys = List.of();

        private Builder(String kubernetesHost) {
            this.kubernetesHost = kubernetesHost;
        }

        /**
         * Sets the API server's CA.
         *
         * @param pem the CA certificate in PEM
         * @return this builder
         */
        public Builder kubernetesCaCert(String pem) {
            this.caCertPem = Objects.requireNonNull(pem, "pem");
            return this;
        }

        /**
         * Sets the JWT Vault uses to call TokenReview.
         *
         * @param jwt the reviewer's service account token
         * @return this builder
         */
        public Builder tokenReviewerJwt(Sensitive jwt) {
            this.tokenReviewerJwt = Objects.requireNonNull(jwt, "jwt");
            return this;
        }

        /**
         * Sets the expected issuer (deprecated by Vault).
         *
         * @param expectedIssuer the {@code iss} claim to expect
         * @return this builder
         */
        public Builder issuer(String expectedIssuer) {
            this.issuer = Objects.requireNonNull(expectedIssuer, "expectedIssuer");
            return this;
        }

        /**
         * Sets whether Vault skips issuer validation.
         *
         * @param disable {@code true} to skip it
         * @return this builder
         */
        public Builder disableIssValidation(boolean disable) {
            this.disableIssValidation = disable;
            return this;
        }

        /**
         * Sets whether Vault ignores its pod's own service account CA and token.
         *
         * @param disable {@code true} to ignore them
         * @return this builder
         */
        public Builder disableLocalCaJwt(boolean disable) {
            this.disableLocalCaJwt = disable;
            return this;
        }

        /**
         * Sets public keys to verify JWT signatures locally.
         *
         * @param keys PEM public keys
         * @return this builder
         */
        public Builder pemKeys(List<String> keys) {
            this.pemKeys = List.copyOf(keys);
            return this;
        }

        /**
         * Builds the configuration.
         *
         * @return the configuration
         */
        public KubernetesAuthConfig build() {
            return new KubernetesAuthConfig(kubernetesHost, Optional.ofNullable(caCertPem),
                    Optional.ofNullable(tokenReviewerJwt), Optional.ofNullable(issuer),
                    Optional.ofNullable(disableIssValidation), Optional.ofNullable(disableLocalCaJwt), pemKeys);
        }
    }
}
