package dev.vaulttest.chaos;

import dev.vaulttest.vault.Sensitive;
import java.time.Instant;
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
}
