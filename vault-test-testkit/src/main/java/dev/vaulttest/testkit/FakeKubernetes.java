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
import java.util.Set;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The Kubernetes API server as the fake cluster's Kubernetes auth method sees it: which service account
 * tokens TokenReview accepts, and whether TokenReview works at all.
 *
 * <p>The double cannot validate real JWTs. Instead a test issues tokens here (unsigned-looking JWTs whose
 * claims name the namespace and service account, as projected tokens do) or registers a JWT made elsewhere as a
 * token of an identity. At login the double parses the token like Vault does without {@code pem_keys} (no
 * signature check: a string that is not a JWT is {@code 403 permission denied} at once), checks the issuer only
 * when one is configured, the role's audience, {@code exp}/{@code nbf}/{@code iat}, the name and namespace
 * bindings, and finally asks this registry, standing in for TokenReview: unknown, revoked or deleted-account
 * tokens, or {@link #setTokenReviewFails(boolean)}, give {@code 403 permission denied}, as Vault does for any
 * TokenReview failure.
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
     * Makes TokenReview accept a token as one of a service account's, for tokens made outside this class (for
     * example JWTs signed by a test's own token authority). A login still reads the token's claims first, like
     * Vault: a string that is not a JWT is denied {@code 403 permission denied} before TokenReview, and the
     * claims must name the same namespace and service account.
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

    /** The algorithms the plugin accepts in a JWT header. */
    private static final Set<String> ALGORITHMS = Set.of("RS256", "RS384", "RS512", "ES256", "ES384", "ES512",
            "PS256", "PS384", "PS512");
    /** go-jose's default clock skew leeway, which cap applies to every time claim. */
    private static final long CLOCK_SKEW_SECONDS = 60;
    /** cap's leeway for deriving a missing {@code exp} or {@code nbf}. */
    private static final long DERIVED_LEEWAY_SECONDS = 150;

    /**
     * Reads a JWT's claims without verifying its signature, as Vault does without {@code pem_keys}: three
     * base64url parts, a JSON header naming an RSA, ECDSA or RSA-PSS algorithm, and a JSON object of claims.
     *
     * @param jwt the token text
     * @return the claims, or empty when the text is not such a JWT
     */
    static Optional<JsonNode> claims(String jwt) {
        String[] parts = jwt.split("\\.", -1);
        if (parts.length != 3) {
            return Optional.empty();
        }
        try {
            Base64.Decoder decoder = Base64.getUrlDecoder();
            JsonNode header = Reply.JSON.readTree(decoder.decode(parts[0]));
            JsonNode claims = Reply.JSON.readTree(decoder.decode(parts[1]));
            decoder.decode(parts[2]);
            if (!header.isObject() || !ALGORITHMS.contains(header.path("alg").asString("")) || !claims.isObject()) {
                return Optional.empty();
            }
            return Optional.of(claims);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /**
     * cap's time checks ({@code ValidateAllowMissingIatNbfExp}): no time claim at all passes; a missing
     * {@code exp} or {@code nbf} is derived from the others; a minute of clock skew is allowed.
     *
     * @param claims the token's claims
     * @param now the current time
     * @return the plugin's error, or empty when the token is valid now
     */
    static Optional<String> timeClaimsProblem(JsonNode claims, Instant now) {
        long iat = claims.path("iat").asLong(0);
        long exp = claims.path("exp").asLong(0);
        long nbf = claims.path("nbf").asLong(0);
        if (iat == 0 && exp == 0 && nbf == 0) {
            return Optional.empty();
        }
        if (exp == 0) {
            exp = Math.max(iat, nbf) + DERIVED_LEEWAY_SECONDS;
        }
        if (nbf == 0) {
            nbf = iat != 0 ? iat : exp - DERIVED_LEEWAY_SECONDS;
        }
        long seconds = now.getEpochSecond();
        if (seconds + CLOCK_SKEW_SECONDS < nbf) {
            return Optional.of("invalid not before (nbf) claim: token not yet valid");
        }
        if (seconds - CLOCK_SKEW_SECONDS > exp) {
            return Optional.of("invalid expiration time (exp) claim: token is expired");
        }
        if (iat != 0 && seconds + CLOCK_SKEW_SECONDS < iat) {
            return Optional.of("invalid issued at (iat) claim: token issued in the future");
        }
        return Optional.empty();
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
