package dev.vaulttest.chaos;

import dev.vaulttest.testkit.FakeVaultCluster;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.authentication.BoundObjectReference;
import io.fabric8.kubernetes.api.model.authentication.TokenRequest;
import io.fabric8.kubernetes.api.model.authentication.TokenRequestBuilder;
import io.fabric8.kubernetes.api.model.authentication.TokenReview;
import io.fabric8.kubernetes.api.model.authentication.TokenReviewBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * The API server's token side for the mock: TokenRequest and TokenReview answered through mock expectations,
 * with Kubernetes' rules (a token dies with its service account's UID, its bound pod or Secret, or its signing
 * key), and the Vault double kept in agreement so that its logins see the same verdicts. State is read from
 * a poller, never from inside an expectation's reply.
 */
final class TokenAuthority implements AutoCloseable {

    private static final List<String> DEFAULT_AUDIENCES = List.of("https://kubernetes.default.svc.cluster.local",
            "k3s");

    private final KubernetesMockServer server;
    private final String namespace;
    private final KubernetesClient client;
    private final FakeVaultCluster vault;
    private final ScheduledExecutorService poller = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "mock-token-authority");
        thread.setDaemon(true);
        return thread;
    });
    private volatile Map<String, String> accountUids = Map.of();
    private volatile Map<String, String> secretUids = Map.of();
    private volatile Map<String, String> podUids = Map.of();
    private final Map<String, Issued> issued = new ConcurrentHashMap<>();
    private final Set<String> trustedKids = ConcurrentHashMap.newKeySet();
    private final AtomicInteger keys = new AtomicInteger(1);
    private volatile String signingKid = "key-1";
    private volatile Rotation staged;
    /** When set, bound objects are not checked: Kubernetes would keep accepting tokens whose object is gone. */
    volatile boolean ignoreBindings;
    /** When set, a restart does not pick up the staged key (rotate-ca "worked" but k3s ignored it). */
    volatile boolean ignoreStagedKeys;

    TokenAuthority(KubernetesMockServer server, KubernetesClient client, FakeVaultCluster vault, String namespace) {
        this.server = server;
        this.namespace = namespace;
        this.client = client;
        this.vault = vault;
        trustedKids.add(signingKid);
        poll();
        poller.scheduleWithFixedDelay(this::poll, 40, 40, TimeUnit.MILLISECONDS);
        server.expect().post().withPath("/apis/authentication.k8s.io/v1/tokenreviews")
                .andReply(201, request -> review(request.getUtf8Body())).always();
    }

    /**
     * Reads the objects tokens depend on. Polling, not informers: expectation replies must not call the mock
     * server, and watches make the mock slow to shut down.
     */
    private void poll() {
        try {
            accountUids = uids(client.serviceAccounts().inNamespace(namespace).list().getItems());
            secretUids = uids(client.secrets().inNamespace(namespace).list().getItems());
            podUids = uids(client.pods().inNamespace(namespace).list().getItems());
            refreshVault();
        } catch (RuntimeException e) {
            System.err.println("mock token authority: " + e);
        }
    }

    private static Map<String, String> uids(List<? extends HasMetadata> objects) {
        return objects.stream().filter(o -> o.getMetadata().getDeletionTimestamp() == null)
                .collect(Collectors.toMap(o -> o.getMetadata().getName(), o -> o.getMetadata().getUid()));
    }

    /** Waits until the caches reflect the API's state as of now. */
    void sync() {
        try {
            poller.submit(this::poll).get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException("token authority did not sync", e);
        }
    }

    /** Answers TokenRequests for these service accounts of the release namespace. */
    TokenAuthority serveTokenRequests(String... serviceAccounts) {
        for (String account : serviceAccounts) {
            server.expect().post()
                    .withPath("/api/v1/namespaces/" + namespace + "/serviceaccounts/" + account + "/token")
                    .andReply(201, request -> tokenRequest(account, request.getUtf8Body())).always();
        }
        return this;
    }

    /** Stages a new signing key, as rotate-ca does; it takes effect at {@link #restart()}. */
    void stageRotation(boolean keepOld) {
        staged = new Rotation(keepOld);
    }

    /** A k3s restart: a staged key becomes the signing key. */
    void restart() {
        Rotation rotation = staged;
        if (rotation == null || ignoreStagedKeys) {
            return;
        }
        staged = null;
        String next = "key-" + keys.incrementAndGet();
        if (!rotation.keepOld()) {
            trustedKids.clear();
        }
        trustedKids.add(next);
        signingKid = next;
        refreshVault();
    }

    String signingKid() {
        return signingKid;
    }

    private String tokenRequest(String account, String body) {
        TokenRequest request = client.getKubernetesSerialization().unmarshal(body, TokenRequest.class);
        String accountUid = accountUids.get(account);
        if (accountUid == null) {
            return "{\"kind\":\"Status\",\"status\":\"Failure\",\"code\":404}";
        }
        List<String> audiences = request.getSpec().getAudiences() == null || request.getSpec().getAudiences().isEmpty()
                ? DEFAULT_AUDIENCES : request.getSpec().getAudiences();
        Optional<BoundObjectReference> bound = Optional.ofNullable(request.getSpec().getBoundObjectRef());
        long lifetime = Optional.ofNullable(request.getSpec().getExpirationSeconds()).orElse(3600L);
        Instant expires = Instant.now().plusSeconds(lifetime);
        String jwt = jwt(account, accountUid, audiences, bound, expires);
        issued.put(jwt, new Issued(account, accountUid, signingKid, bound));
        refreshVault();
        TokenRequest answer = new TokenRequestBuilder(request).withNewStatus().withToken(jwt)
                .withExpirationTimestamp(expires.toString()).endStatus().build();
        return client.getKubernetesSerialization().asJson(answer);
    }

    private String review(String body) {
        TokenReview request = client.getKubernetesSerialization().unmarshal(body, TokenReview.class);
        String token = request.getSpec().getToken();
        Issued record = issued.get(token);
        TokenReviewBuilder answer = new TokenReviewBuilder(request);
        Optional<String> problem = record == null ? Optional.of("token not issued by this cluster") : problem(record);
        if (problem.isEmpty()) {
            answer.withNewStatus().withAuthenticated(true).withNewUser()
                    .withUsername("system:serviceaccount:" + namespace + ":" + record.account())
                    .withUid(record.accountUid()).endUser().endStatus();
        } else {
            answer.withNewStatus().withAuthenticated(false).withError(problem.get()).endStatus();
        }
        return client.getKubernetesSerialization().asJson(answer.build());
    }

    private Optional<String> problem(Issued record) {
        if (!trustedKids.contains(record.kid())) {
            return Optional.of("square/go-jose: error in cryptographic primitive");
        }
        if (!record.accountUid().equals(accountUids.get(record.account()))) {
            return Optional.of("service account " + record.account() + " has been deleted or recreated");
        }
        if (record.bound().isPresent() && !ignoreBindings) {
            BoundObjectReference ref = record.bound().get();
            String uid = ("Pod".equals(ref.getKind()) ? podUids : secretUids).get(ref.getName());
            if (!ref.getUid().equals(uid)) {
                return Optional.of(ref.getKind().toLowerCase() + " " + ref.getName() + " (" + ref.getUid()
                        + ") has been deleted");
            }
        }
        return Optional.empty();
    }

    /** Tells the Vault double which issued tokens TokenReview accepts now. */
    private void refreshVault() {
        issued.forEach((jwt, record) -> {
            if (problem(record).isEmpty()) {
                vault.kubernetes().registerToken(jwt, namespace, record.account());
            } else {
                vault.kubernetes().revokeToken(jwt);
            }
        });
    }

    private String jwt(String account, String accountUid, List<String> audiences,
            Optional<BoundObjectReference> bound, Instant expires) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        String header = "{\"alg\":\"RS256\",\"kid\":\"" + signingKid + "\"}";
        long now = Instant.now().getEpochSecond();
        String boundClaim = bound.map(ref -> ",\"" + ref.getKind().toLowerCase() + "\":{\"name\":\"" + ref.getName()
                + "\",\"uid\":\"" + ref.getUid() + "\"}").orElse("");
        String payload = "{\"aud\":[" + audiences.stream().map(a -> "\"" + a + "\"").collect(Collectors.joining(","))
                + "],\"exp\":" + expires.getEpochSecond() + ",\"iat\":" + now
                + ",\"iss\":\"https://kubernetes.default.svc.cluster.local\",\"jti\":\"" + java.util.UUID.randomUUID()
                + "\",\"kubernetes.io\":{\"namespace\":\"" + namespace + "\"" + boundClaim
                + ",\"serviceaccount\":{\"name\":\"" + account + "\",\"uid\":\"" + accountUid + "\"}},\"nbf\":" + now
                + ",\"sub\":\"system:serviceaccount:" + namespace + ":" + account + "\"}";
        return encoder.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString(("sig-" + now).getBytes(StandardCharsets.UTF_8));
    }

    Set<String> trustedKids() {
        return new LinkedHashSet<>(trustedKids);
    }

    @Override
    public void close() {
        poller.shutdownNow();
    }

    private record Issued(String account, String accountUid, String kid, Optional<BoundObjectReference> bound) {
    }

    private record Rotation(boolean keepOld) {
    }
}
