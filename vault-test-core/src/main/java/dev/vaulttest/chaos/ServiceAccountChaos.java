package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import java.util.List;

/**
 * Chaos around service accounts and their tokens: the ways Kubernetes auth breaks quietly. Each disruption comes
 * with a test-side check ({@code checkLogins}) that sets every Vault login next to what Kubernetes itself
 * (TokenReview) says about the token.
 */
public final class ServiceAccountChaos {

    private final VaultEnvironment env;
    private final ChaosOptions options;

    ServiceAccountChaos(VaultEnvironment env, ChaosOptions options) {
        this.env = env;
        this.options = options;
    }

    /**
     * Requests a token through the TokenRequest API, as a client workload gets one.
     *
     * @param spec what to request
     * @return the token
     */
    public ServiceAccountToken issueToken(TokenSpec spec) {
        return new TokenIssuer(env::kubernetes, options.clock()).issue(spec);
    }

    /**
     * Requests an unbound one-hour token for a service account in the deployment's namespace.
     *
     * @param serviceAccount the service account
     * @param audiences the audiences; none for the API server's defaults
     * @return the token
     */
    public ServiceAccountToken issueToken(String serviceAccount, String... audiences) {
        return issueToken(TokenSpec.forAccount(env.namespace(), serviceAccount).withAudiences(audiences));
    }

    /**
     * Replaces a client's token with a new one of the same spec; a secret-bound old token is revoked.
     *
     * @param current the token the client uses now
     * @return the verified rotation
     */
    public TokenRotation rotateToken(ServiceAccountToken current) {
        return TokenRotation.apply(env, options, current);
    }

    /**
     * Deletes a service account of the deployment's namespace and creates it again (new UID).
     *
     * @param serviceAccount the name
     * @param issuedBefore tokens of the account issued before, which must be rejected afterwards
     * @return the verified recreation
     */
    public ServiceAccountRecreation recreate(String serviceAccount, ServiceAccountToken... issuedBefore) {
        return recreate(env.namespace(), serviceAccount, issuedBefore);
    }

    /**
     * Deletes a service account and creates it again (new UID).
     *
     * @param namespace the namespace
     * @param serviceAccount the name
     * @param issuedBefore tokens of the account issued before, which must be rejected afterwards
     * @return the verified recreation
     */
    public ServiceAccountRecreation recreate(String namespace, String serviceAccount,
            ServiceAccountToken... issuedBefore) {
        return ServiceAccountRecreation.apply(env, options, namespace, serviceAccount, List.of(issuedBefore));
    }

    /**
     * Renames a service account of the deployment's namespace and the workloads that use it, while Vault roles
     * keep naming the old one. Closing renames it back.
     *
     * @param from the current name
     * @param to the new name
     * @return the verified rename
     */
    public ServiceAccountRename rename(String from, String to) {
        return rename(env.namespace(), from, to);
    }

    /**
     * Renames a service account and the workloads that use it. Closing renames it back.
     *
     * @param namespace the namespace
     * @param from the current name
     * @param to the new name
     * @return the verified rename
     */
    public ServiceAccountRename rename(String namespace, String from, String to) {
        return ServiceAccountRename.apply(env, options, namespace, from, to);
    }

    /**
     * Rotates the k3s service account signing key by the documented procedure (new key first, old key kept, then
     * a restart of k3s, which restarts every pod). Tokens are probed with an unbound token of the namespace's
     * {@code default} service account.
     *
     * @return the verified rotation
     * @throws ChaosPreconditionException when the cluster is not a k3s cluster the library runs
     */
    public SigningKeyRotation rotateSigningKey() {
        return rotateSigningKey(TokenSpec.forAccount(env.namespace(), "default"), true);
    }

    /**
     * Rotates the k3s service account signing key.
     *
     * @param probe the token to request before and after (use a service account a Vault role binds, to check
     *     logins afterwards)
     * @param keepOldKey {@code true} for the documented procedure; {@code false} drops the old key with
     *     {@code rotate-ca --force}, which invalidates every token signed before (Vault's reviewer token too)
     * @return the verified rotation
     */
    public SigningKeyRotation rotateSigningKey(TokenSpec probe, boolean keepOldKey) {
        return SigningKeyRotation.apply(env, options, probe, keepOldKey);
    }
}
