package dev.vaulttest.testkit;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes API server as the fake cluster's Kubernetes auth method sees it: which service account
 * tokens TokenReview accepts, and whether TokenReview works at all.
 *
 * <p>The double cannot validate real JWTs. Instead a test issues tokens here (unsigned-looking JWTs whose
 * claims name the namespace and service account, as projected tokens do) or registers any string as a token
 * of an identity. At login the double reads the claims like Vault does without {@code pem_keys} (no signature
 * check), applies the role's audience, name and namespace bindings, and finally asks this registry, standing in
 * for TokenReview: unknown, revoked or deleted-account tokens, or {@link #setTokenReviewFails(boolean)}, give
 * {@code 403 permission denied}, as Vault does for any TokenReview failure.
 */
public final class FakeKubernetes {

    /** The issuer of tokens from {@link #issueServiceAccountToken(String, String, String...)}. */
    public static final String ISSUER = "https://kubernetes.default.svc.cluster.local";

    /**
     * A service account as TokenReview reports it.
     *
     * @param namespace the namespace
     * @param name the service account name
     * @param uid the service account uid
     * @param audiences the token's audiences
     * @param issuer the token's issuer
     */
    public record Identity(String namespace, String name, String uid, List<String> audiences, String issuer) {
        /**
         * Creates the record, validating and copying its components.
         *
         * @param namespace the namespace
         * @param name the service account name
         * @param uid the service account uid
         * @param audiences the token's audiences
         * @param issuer the token's issuer
         */
        public Identity {
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(uid, "uid");
            audiences = List.copyOf(audiences);
            Objects.requireNonNull(issuer, "issuer");
        }
    }

    private final Object lock;
    private final Map<String, Identity> validTokens = new LinkedHashMap<>();
    private final Map<String, String> accountUids = new LinkedHashMap<>();
    private boolean tokenReviewFails;
    private volatile Duration tokenReviewLatency = Duration.ZERO;

    FakeKubernetes(Object lock) {
        this.lock = lock;
    }

    /**
     * Issues a service account token that TokenReview accepts until it is revoked or its account deleted.
     *
     * @param namespace the service account's namespace
     * @param name the service account's name
     * @param audiences the token's audiences; the API server's own audience when none given
     * @return the JWT
     */
    public String issueServiceAccountToken(String namespace, String name, String... audiences) {
        List<String> aud = audiences.length == 0 ? List.of(ISSUER) : List.of(audiences);
        synchronized (lock) {
            String uid = accountUids.computeIfAbsent(namespace + "/" + name, key -> UUID.randomUUID().toString());
            Identity identity = new Identity(namespace, name, uid, aud, ISSUER);
            String jwt = encode(identity);
            validTokens.put(jwt, identity);
            return jwt;
        }
    }

    /**
     * Registers any string as a valid token of a service account (its claims cannot be read, so audience and
     * issuer checks see none).
     *
     * @param token the token text
     * @param namespace the namespace
     * @param name the service account name
     */
    public void registerToken(String token, String namespace, String name) {
        synchronized (lock) {
            String uid = accountUids.computeIfAbsent(namespace + "/" + name, key -> UUID.randomUUID().toString());
            validTokens.put(token, new Identity(namespace, name, uid, List.of(), ""));
        }
    }

    /**
     * Makes TokenReview reject one token from now on.
     *
     * @param token the token
     */
    public void revokeToken(String token) {
        synchronized (lock) {
            validTokens.remove(token);
        }
    }

    /**
     * Deletes a service account: TokenReview rejects all its tokens; a new account of the same name gets a new
     * uid.
     *
     * @param namespace the namespace
     * @param name the service account name
     */
    public void deleteServiceAccount(String namespace, String name) {
        synchronized (lock) {
            validTokens.values().removeIf(identity -> identity.namespace().equals(namespace)
                    && identity.name().equals(name));
            accountUids.remove(namespace + "/" + name);
        }
    }

    /**
     * Makes every TokenReview fail, as when Vault cannot reach the API server or its reviewer token is invalid.
     *
     * @param fails whether TokenReview fails
     */
    public void setTokenReviewFails(boolean fails) {
        synchronized (lock) {
            tokenReviewFails = fails;
        }
    }

    /**
     * Delays every Kubernetes login by this much before answering, as a NetworkPolicy that drops packets to the
     * API server does (about 30 s on a real cluster). The delay is spent outside the cluster lock.
     *
     * @param latency the delay; zero for none
     */
    public void setTokenReviewLatency(Duration latency) {
        this.tokenReviewLatency = Objects.requireNonNull(latency, "latency");
    }

    Duration tokenReviewLatency() {
        return tokenReviewLatency;
    }

    /** TokenReview: the identity the API server confirms for the token, if any. Caller holds the lock. */
    Optional<Identity> review(String token) {
        if (tokenReviewFails) {
            return Optional.empty();
        }
        return Optional.ofNullable(validTokens.get(token));
    }

    /** The identity a registered opaque token stands for, ignoring review failures. Caller holds the lock. */
    Optional<Identity> registered(String token) {
        return Optional.ofNullable(validTokens.get(token));
    }

    /** Reads a JWT's claims without verifying its signature, as Vault does without {@code pem_keys}. */
    static Optional<JsonNode> claims(String jwt) {
        String[] parts = jwt.split("\\.");
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            byte[] payload = Base64.getUrlDecoder().decode(parts[1]);
            JsonNode claims = Reply.JSON.readTree(payload);
            return claims.isObject() ? Optional.of(claims) : Optional.empty();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private String encode(Identity identity) {
        ObjectNode header = Reply.JSON.createObjectNode().put("alg", "RS256").put("kid", "fake-kubernetes");
        long now = Instant.now().getEpochSecond();
        ObjectNode payload = Reply.JSON.createObjectNode();
        ArrayNode aud = payload.putArray("aud");
        identity.audiences().forEach(aud::add);
        payload.put("exp", now + 3600).put("iat", now).put("iss", identity.issuer()).put("nbf", now);
        ObjectNode kubernetes = payload.putObject("kubernetes.io");
        kubernetes.put("namespace", identity.namespace());
        kubernetes.putObject("serviceaccount").put("name", identity.name()).put("uid", identity.uid());
        payload.put("sub", "system:serviceaccount:" + identity.namespace() + ":" + identity.name());
        payload.put("jti", UUID.randomUUID().toString());
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        byte[] signature = new byte[64];
        new java.security.SecureRandom().nextBytes(signature);
        return encoder.encodeToString(Reply.JSON.writeValueAsBytes(header)) + "."
                + encoder.encodeToString(Reply.JSON.writeValueAsString(payload).getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(signature);
    }
}
