package dev.vaulttest.chaos;

import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.function.Supplier;

/** Asks the API server (TokenReview) whether it accepts a token: what Kubernetes says about it. */
final class TokenReviewer {

    private final Supplier<KubernetesClient> client;

    TokenReviewer(Supplier<KubernetesClient> client) {
        this.client = client;
    }

    Review review(ServiceAccountToken token) {
        TokenReview request = new TokenReviewBuilder().withNewSpec().withToken(token.jwt().reveal())
                .withAudiences(token.spec().audiences()).endSpec().build();
        TokenReview answer = client.get().authentication().v1().tokenReviews().create(request);
        if (answer == null || answer.getStatus() == null) {
            return new Review(false, "TokenReview returned no status");
        }
        boolean authenticated = Boolean.TRUE.equals(answer.getStatus().getAuthenticated());
        if (authenticated) {
            String user = answer.getStatus().getUser() == null ? "?" : answer.getStatus().getUser().getUsername();
            return new Review(true, "Kubernetes accepts it as " + user);
        }
        String error = answer.getStatus().getError();
        return new Review(false, "Kubernetes rejects it" + (error == null || error.isBlank() ? "" : ": " + error));
    }

    /** What the API server said. */
    record Review(boolean authenticated, String detail) {
    }
}
