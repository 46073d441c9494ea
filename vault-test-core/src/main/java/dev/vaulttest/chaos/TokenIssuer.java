package dev.vaulttest.chaos;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec.TokenBinding;
import dev.vaulttest.internal.Labels;
import dev.vaulttest.vault.Sensitive;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.authentication.BoundObjectReference;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Requests service account tokens through the TokenRequest API, creating anchor Secrets for secret-bound ones. */
final class TokenIssuer {

    private final Supplier<KubernetesClient> client;
    private final Clock clock;

    TokenIssuer(Supplier<KubernetesClient> client, Clock clock) {
        this.client = client;
        this.clock = clock;
    }

    ServiceAccountToken issue(TokenSpec spec) {
        Optional<BoundObjectReference> bound = switch (spec.binding().kind()) {
            case NONE -> Optional.empty();
            case POD -> Optional.of(podReference(spec));
            case SECRET -> Optional.of(anchorReference(spec));
        };
        TokenRequestBuilder request = new TokenRequestBuilder()
                .withNewMetadata().withName(spec.serviceAccount()).withNamespace(spec.namespace()).endMetadata()
                .withNewSpec().withAudiences(spec.audiences()).withExpirationSeconds(spec.expiration().toSeconds())
                .endSpec();
        bound.ifPresent(ref -> request.editSpec().withBoundObjectRef(ref).endSpec());
        TokenRequest answer;
        try {
            answer = client.get().serviceAccounts().inNamespace(spec.namespace()).withName(spec.serviceAccount())
                    .tokenRequest(request.build());
        } catch (KubernetesClientException e) {
            throw new VaultTestException("TokenRequest for service account " + spec.account() + " failed: HTTP "
                    + e.getCode() + " " + e.getMessage() + ". Does the service account exist?", e);
        }
        String token = answer == null || answer.getStatus() == null ? null : answer.getStatus().getToken();
        if (token == null || token.isBlank()) {
            throw new VaultTestException("TokenRequest for service account " + spec.account() + " returned no token");
        }
        Optional<Instant> expires = Optional.ofNullable(answer.getStatus().getExpirationTimestamp())
                .filter(s -> !s.isBlank()).map(Instant::parse);
        return new ServiceAccountToken(spec, Sensitive.of(token), clock.instant(), expires,
                bound.map(BoundObjectReference::getName), bound.map(BoundObjectReference::getUid));
    }

    private BoundObjectReference podReference(TokenSpec spec) {
        String podName = spec.binding().podName().orElseThrow();
        Pod pod = client.get().pods().inNamespace(spec.namespace()).withName(podName).get();
        if (pod == null) {
            throw new ChaosPreconditionException("Cannot bind a token to pod " + spec.namespace() + "/" + podName
                    + ": it does not exist.");
        }
        return new BoundObjectReference("v1", "Pod", podName, pod.getMetadata().getUid());
    }

    private BoundObjectReference anchorReference(TokenSpec spec) {
        String name = "vt-token-anchor-" + UUID.randomUUID().toString().substring(0, 8);
        Secret anchor = new SecretBuilder().withNewMetadata().withName(name).withNamespace(spec.namespace())
                .addToLabels(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE)
                .addToAnnotations("vault-test.dev/anchors-token-of", spec.serviceAccount())
                .endMetadata().withType("Opaque").build();
        Secret created = client.get().secrets().inNamespace(spec.namespace()).resource(anchor).create();
        return new BoundObjectReference("v1", "Secret", name, created.getMetadata().getUid());
    }

    /** Deletes a secret-bound token's anchor, which makes the API server reject the token. */
    void revoke(ServiceAccountToken token) {
        if (token.spec().binding().kind() != TokenBinding.Kind.SECRET) {
            throw new IllegalArgumentException("Only secret-bound tokens can be revoked; " + token + " is "
                    + token.spec().binding().kind());
        }
        client.get().secrets().inNamespace(token.spec().namespace()).withName(token.boundObjectName().orElseThrow())
                .delete();
    }
}
