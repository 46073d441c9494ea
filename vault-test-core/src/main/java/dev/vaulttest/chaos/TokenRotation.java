package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec.TokenBinding;
import io.fabric8.kubernetes.api.model.Pod;
import java.util.List;

/**
 * A client's service account token replaced by a new TokenRequest token with the same spec. Whether the old token
 * dies depends on its binding, as Kubernetes defines it: an unbound token stays valid until it expires; a
 * pod-bound token stays valid while that pod object lives; a secret-bound token dies here, because the rotation
 * deletes its anchor Secret. The handle is returned once TokenReview agrees (old token accepted or rejected as
 * expected, new token accepted). Nothing to heal.
 */
public final class TokenRotation extends AbstractDisruption {

    private final ServiceAccountToken oldToken;
    private ServiceAccountToken newToken;
    private boolean oldTokenValid;

    private TokenRotation(VaultEnvironment env, ChaosOptions options, ServiceAccountToken oldToken) {
        super(env, options, "rotate-sa-token", "serviceaccount/" + oldToken.spec().account());
        this.oldToken = oldToken;
    }

    static TokenRotation apply(VaultEnvironment env, ChaosOptions options, ServiceAccountToken current) {
        TokenRotation rotation = new TokenRotation(env, options, current);
        rotation.run();
        return rotation;
    }

    private void run() {
        TokenIssuer issuer = new TokenIssuer(env::kubernetes, options.clock());
        TokenReviewer reviewer = new TokenReviewer(env::kubernetes);
        newToken = issuer.issue(oldToken.spec());
        oldTokenValid = switch (oldToken.spec().binding().kind()) {
            case NONE -> true;
            case POD -> boundPodStillExists();
            case SECRET -> false;
        };
        if (oldToken.spec().binding().kind() == TokenBinding.Kind.SECRET) {
            issuer.revoke(oldToken);
        }
        markApplied(now());
        if (newToken.jwt().equals(oldToken.jwt())) {
            throw notEffective("a new token different from the old one", "the same token again",
                    "The API server returned the old token; request a token with another binding.");
        }
        String expected = "old token " + (oldTokenValid ? "still accepted" : "rejected") + " and new token accepted"
                + " by TokenReview";
        verifyWithin(expected, options.faultTimeout(),
                () -> List.of(reviewer.review(oldToken), reviewer.review(newToken)),
                reviews -> reviews.get(0).authenticated() == oldTokenValid && reviews.get(1).authenticated(),
                reviews -> "old token: " + reviews.get(0).detail() + "; new token: " + reviews.get(1).detail(),
                "Kubernetes does not treat the tokens as its token binding rules say; check the API server's"
                        + " service account token settings.");
    }

    private boolean boundPodStillExists() {
        Pod pod = env.kubernetes().pods().inNamespace(oldToken.spec().namespace())
                .withName(oldToken.boundObjectName().orElseThrow()).get();
        return pod != null && pod.getMetadata().getUid().equals(oldToken.boundObjectUid().orElse(""));
    }

    /**
     * The token the client used before.
     *
     * @return the old token
     */
    public ServiceAccountToken oldToken() {
        return oldToken;
    }

    /**
     * The token the client uses now.
     *
     * @return the new token
     */
    public ServiceAccountToken newToken() {
        return newToken;
    }

    /**
     * Whether Kubernetes still accepts the old token (unbound, or bound to a pod that still exists).
     *
     * @return {@code true} when the old token stays valid until it expires
     */
    public boolean oldTokenStillValid() {
        return oldTokenValid;
    }

    /**
     * Logs in with the old and the new token at the {@code kubernetes} mount and checks each against what
     * Kubernetes says about it.
     *
     * @param role a Vault role that binds the service account
     * @return the checks, labelled {@code old token} and {@code new token}
     */
    public LoginChecks checkLogins(String role) {
        return checkLogins("kubernetes", role);
    }

    /**
     * Logs in with the old and the new token at a mount and checks each against what Kubernetes says about it.
     *
     * @param mountPath the auth mount
     * @param role a Vault role that binds the service account
     * @return the checks, labelled {@code old token} and {@code new token}
     */
    public LoginChecks checkLogins(String mountPath, String role) {
        LoginChecker checker = new LoginChecker(env);
        return new LoginChecks(role, List.of(
                checker.check("old token", oldToken, mountPath, role, true),
                checker.check("new token", newToken, mountPath, role, true)));
    }
}
