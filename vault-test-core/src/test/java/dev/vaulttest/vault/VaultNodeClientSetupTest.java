package dev.vaulttest.vault;

import static dev.vaulttest.vault.FakeNodes.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.testkit.FakeVaultNode;
import dev.vaulttest.testkit.NodeState;
import dev.vaulttest.testkit.RecordedRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** KV v2, audit, policies and Kubernetes auth against the double. */
class VaultNodeClientSetupTest {

    private FakeVaultCluster cluster;
    private VaultNodeClient root;
    private VaultNodeClient standbyRoot;

    @BeforeEach
    void start() {
        cluster = FakeVaultCluster.builder().nodes(3).start();
        Sensitive token = Sensitive.of(cluster.bootstrap(1, 1).rootToken());
        root = FakeNodes.leader(cluster, token);
        FakeVaultNode standby = cluster.nodes().stream().filter(node -> node.state() == NodeState.STANDBY)
                .findFirst().orElseThrow();
        standbyRoot = client(standby).withToken(token);
    }

    @AfterEach
    void stop() {
        cluster.close();
    }

    private void kubernetesAuthWithRole(KubernetesRole role) {
        root.enableKubernetesAuth("kubernetes");
        root.configureKubernetesAuth("kubernetes", KubernetesAuthConfig.builder("https://kubernetes.default.svc")
                .build());
        root.writeKubernetesRole("kubernetes", role);
    }

    private static KubernetesRole appRole() {
        return KubernetesRole.builder("app").boundServiceAccountNames("app").boundServiceAccountNamespaces("team-a")
                .policies("app-read").ttl(Duration.ofHours(1)).audience("vault").build();
    }

    @Test
    void kvV2PutAndGetRoundTripWithIncreasingVersions() {
        root.enableKvV2("kv");

        long first = root.putSecret("kv", "app/db", Map.of("user", "app"));
        long second = root.putSecret("kv", "app/db", Map.of("user", "app", "password", "pw-2"));
        KvSecret read = root.getSecret("kv", "app/db").orElseThrow();

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        assertThat(read.data()).isEqualTo(Map.of("user", "app", "password", "pw-2"));
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.createdTime()).isPresent();
        assertThat(cluster.leader().orElseThrow().requests()).filteredOn(request -> request.method().equals("POST")
                && request.path().equals("kv/data/app/db")).last().extracting(RecordedRequest::body).asString()
                .contains("{\"data\":{").contains("\"password\":\"pw-2\"").contains("\"user\":\"app\"");
    }

    @Test
    void kvV2OnAMultiSegmentMountGetsDataAfterTheWholeMount() {
        root.enableKvV2("team/kv");

        root.putSecret("team/kv", "app", Map.of("k", "v"));

        assertThat(cluster.leader().orElseThrow().lastRequest("team/kv/data/app")).isPresent();
        assertThat(root.getSecret("/team/kv/", "app")).map(KvSecret::data).contains(Map.of("k", "v"));
    }

    @Test
    void missingSecretIsEmpty() {
        root.enableKvV2("kv");

        assertThat(root.getSecret("kv", "nothing")).isEmpty();
    }

    @Test
    void standbyServesKvThroughForwarding() {
        root.enableKvV2("kv");
        standbyRoot.putSecret("kv", "app", Map.of("written", "on-standby"));

        assertThat(root.getSecret("kv", "app")).map(KvSecret::data).contains(Map.of("written", "on-standby"));
    }

    @Test
    void enablingAMountTwiceReportsPathInUse() {
        root.enableKvV2("kv");

        assertThatThrownBy(() -> root.enableKvV2("kv"))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(400);
                    assertThat(e.errors()).containsExactly("path is already in use at kv/");
                    assertThat(e.operation()).isEqualTo(VaultOperation.ENABLE_SECRETS_ENGINE);
                });
    }

    @Test
    void kvWithAWrongTokenIsDeniedAndWithoutTokenFailsBeforeSending() {
        root.enableKvV2("kv");
        VaultNodeClient wrong = client(cluster.leader().orElseThrow()).withToken(Sensitive.of("hvs.nottherootnottheroot00"));

        assertThatThrownBy(() -> wrong.getSecret("kv", "app"))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
        assertThatThrownBy(() -> wrong.putSecret("kv", "app", Map.of("a", "b")))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
        assertThatThrownBy(() -> client(cluster, 0).putSecret("kv", "app", Map.of("a", "b")))
                .hasMessageContaining("needs a Vault token");
    }

    @Test
    void kvOnASealedNodeFailsAsSealed() {
        root.enableKvV2("kv");
        root.seal();

        assertThatThrownBy(() -> root.getSecret("kv", "app"))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.errors()).containsExactly("Vault is sealed");
                });
    }

    @Test
    void kvWriteOnASealedNodeCarriesVaultsStatusErrorAndHint() {
        root.enableKvV2("kv");
        root.seal();

        assertThatThrownBy(() -> root.putSecret("kv", "app", Map.of("k", "v")))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(503);
                    assertThat(e.errors()).containsExactly("Vault is sealed");
                    assertThat(e.operation()).isEqualTo(VaultOperation.KV_PUT);
                })
                .hasMessageContaining("(POST /v1/kv/data/app) with HTTP 503").hasMessageContaining("unseal it");
    }

    @Test
    void kvOnAStandbyWithoutLeaderCarriesVaults500AndItsErrors() {
        root.enableKvV2("kv");
        String survivor = standbyRoot.endpoint().nodeName();
        cluster.nodes().stream().filter(node -> !node.name().equals(survivor))
                .forEach(node -> cluster.stop(node.name()));

        assertThatThrownBy(() -> standbyRoot.getSecret("kv", "app"))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.errors()).containsExactly("local node not active but active cluster node not found");
                    assertThat(e.operation()).isEqualTo(VaultOperation.KV_GET);
                })
                .hasMessageContaining("(GET /v1/kv/data/app) with HTTP 500").hasMessageContaining("leader election");
        assertThatThrownBy(() -> standbyRoot.putSecret("kv", "app", Map.of("k", "v")))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(500);
                    assertThat(e.hasError("local node not active")).isTrue();
                    assertThat(e.operation()).isEqualTo(VaultOperation.KV_PUT);
                });
    }

    @Test
    void kvAnswerFromAProxyInsteadOfVaultKeepsItsStatusAndText() {
        try (StubVault stub = StubVault.with(request -> new StubVault.Answer(502, "text/html",
                "<html>502 Bad Gateway</html>".getBytes(StandardCharsets.UTF_8), Duration.ZERO))) {
            VaultNodeClient behindProxy = VaultNodeClient.create(VaultEndpoint.of("proxied", stub.uri())
                    .withTimeouts(FakeNodes.FAST)).withToken(Sensitive.of("hvs.ProxiedTokenProxiedToken01"));

            assertThatThrownBy(() -> behindProxy.getSecret("kv", "app"))
                    .isInstanceOfSatisfying(VaultApiException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(502);
                        assertThat(e.errors()).containsExactly("<html>502 Bad Gateway</html>");
                    });
            assertThatThrownBy(() -> behindProxy.putSecret("kv", "app", Map.of("k", "v")))
                    .isInstanceOfSatisfying(VaultApiException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(502);
                        assertThat(e.errors()).containsExactly("<html>502 Bad Gateway</html>");
                    });
        }
    }

    @Test
    void kvReadHonoursItsOwnReadTimeout() {
        try (StubVault stub = StubVault.with(request -> new StubVault.Answer(200, "application/json",
                "{}".getBytes(StandardCharsets.UTF_8), Duration.ofSeconds(3)))) {
            VaultNodeClient slow = VaultNodeClient.create(VaultEndpoint.of("slow", stub.uri())
                    .withTimeouts(FakeNodes.FAST.withOperation(VaultOperation.KV_GET, Duration.ofMillis(300))))
                    .withToken(Sensitive.of("hvs.SlowTokenSlowTokenSlowTok01"));

            assertThatThrownBy(() -> slow.getSecret("kv", "app"))
                    .isInstanceOfSatisfying(VaultApiException.class, e -> {
                        assertThat(e.httpStatus()).isEqualTo(VaultApiException.NO_HTTP_STATUS);
                        assertThat(e.getCause()).isInstanceOf(java.net.http.HttpTimeoutException.class);
                    })
                    .hasMessageContaining("did not answer within PT0.3S").hasMessageContaining("withOperation(KV_GET");
        }
    }

    @Test
    void fileAuditDeviceIsEnabledOnceAndListedByVault() {
        root.enableFileAudit("file", "/vault/audit/audit.log");

        assertThat(cluster.leader().orElseThrow().lastRequest("sys/audit/file").orElseThrow().body())
                .isEqualTo("{\"type\":\"file\",\"options\":{\"file_path\":\"/vault/audit/audit.log\"}}");
        assertThatThrownBy(() -> root.enableFileAudit("file", "stdout"))
                .isInstanceOfSatisfying(VaultApiException.class,
                        e -> assertThat(e.errors()).containsExactly("path already in use"));
    }

    @Test
    void policyIsWrittenAndEmptyPolicyRejected() {
        root.writePolicy("app-read", "path \"kv/data/app/*\" { capabilities = [\"read\"] }");

        assertThat(cluster.leader().orElseThrow().lastRequest("sys/policies/acl/app-read")).isPresent();
        assertThatThrownBy(() -> root.writePolicy("empty", ""))
                .isInstanceOfSatisfying(VaultApiException.class,
                        e -> assertThat(e.errors()).containsExactly("'policy' parameter not supplied or empty"));
    }

    @Test
    void kubernetesConfigSendsOnlyTheFieldsThatAreSet() {
        root.enableKubernetesAuth("kubernetes");

        root.configureKubernetesAuth("kubernetes", KubernetesAuthConfig.builder("https://10.43.0.1:443")
                .kubernetesCaCert("-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n")
                .tokenReviewerJwt(Sensitive.of("reviewer.jwt.value")).disableIssValidation(true).build());

        String sent = cluster.leader().orElseThrow().lastRequest("auth/kubernetes/config").orElseThrow().body();
        assertThat(sent).contains("\"kubernetes_host\":\"https://10.43.0.1:443\"", "\"kubernetes_ca_cert\"",
                "\"token_reviewer_jwt\":\"reviewer.jwt.value\"", "\"disable_iss_validation\":true")
                .doesNotContain("issuer", "disable_local_ca_jwt", "pem_keys");
    }

    @Test
    void roleWithoutAudienceIsWrittenWithVaultsWarning() {
        root.enableKubernetesAuth("kubernetes");

        List<String> warnings = root.writeKubernetesRole("kubernetes", KubernetesRole.builder("app")
                .boundServiceAccountNames("app", "worker").boundServiceAccountNamespaces("team-a").build());

        assertThat(warnings).singleElement().asString().contains("does not have an audience configured");
        assertThat(cluster.leader().orElseThrow().lastRequest("auth/kubernetes/role/app").orElseThrow().body())
                .contains("\"bound_service_account_names\":[\"app\",\"worker\"]");
        assertThat(root.writeKubernetesRole("kubernetes", appRole())).isEmpty();
    }

    @Test
    void boundServiceAccountLogsInWithTheRolesPoliciesAndTtl() {
        kubernetesAuthWithRole(appRole());
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app", "vault");

        LoginResult result = standbyRoot.loginKubernetes("app", Sensitive.of(jwt));

        assertThat(result).isInstanceOfSatisfying(LoginResult.Success.class, success -> {
            assertThat(success.policies()).containsExactly("default", "app-read");
            assertThat(success.leaseDuration()).isEqualTo(Duration.ofHours(1));
            assertThat(success.metadata()).containsEntry("service_account_name", "app")
                    .containsEntry("service_account_namespace", "team-a");
        });
        Sensitive token = ((LoginResult.Success) result).clientToken();
        root.enableKvV2("kv");
        assertThat(client(cluster, 0).withToken(token).getSecret("kv", "nothing")).isEmpty();
    }

    @Test
    void renamedServiceAccountIsDeniedWith403NameNotAuthorized() {
        kubernetesAuthWithRole(appRole());
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app-renamed", "vault");

        LoginResult result = root.loginKubernetes("app", Sensitive.of(jwt));

        assertThat(result).isInstanceOfSatisfying(LoginResult.Denied.class, denied -> {
            assertThat(denied.isDeniedWith(403, "service account name not authorized")).isTrue();
            assertThat(denied.isSuccess()).isFalse();
        });
    }

    @Test
    void otherNamespaceIsDeniedWith403NamespaceNotAuthorized() {
        kubernetesAuthWithRole(appRole());
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-b", "app", "vault");

        assertThat(root.loginKubernetes("app", Sensitive.of(jwt))).isEqualTo(
                new LoginResult.Denied(403, List.of("namespace not authorized")));
    }

    @Test
    void failingTokenReviewIsDeniedWith403PermissionDenied() {
        kubernetesAuthWithRole(appRole());
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app", "vault");
        cluster.setTokenReviewFails(true);

        assertThat(root.loginKubernetes("app", Sensitive.of(jwt)))
                .isEqualTo(new LoginResult.Denied(403, List.of("permission denied")));
    }

    @Test
    void tokenOfADeletedServiceAccountIsDenied() {
        kubernetesAuthWithRole(appRole());
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app", "vault");
        cluster.kubernetes().deleteServiceAccount("team-a", "app");

        assertThat(root.loginKubernetes("app", Sensitive.of(jwt)))
                .isEqualTo(new LoginResult.Denied(403, List.of("permission denied")));
    }

    @Test
    void wrongAudienceIsDenied() {
        kubernetesAuthWithRole(appRole());
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app", "not-vault");

        LoginResult result = root.loginKubernetes("app", Sensitive.of(jwt));

        assertThat(result).isInstanceOfSatisfying(LoginResult.Denied.class,
                denied -> assertThat(denied.isDeniedWith(403, "invalid audience (aud) claim")).isTrue());
    }

    @Test
    void registeredJwtFromAnotherIssuerLogsInWhenTheRoleHasNoAudience() {
        kubernetesAuthWithRole(KubernetesRole.builder("any").boundServiceAccountNames("*")
                .boundServiceAccountNamespaces("team-*").build());
        String jwt = unsignedJwt("{\"iss\":\"https://issuer.example\",\"kubernetes.io\":{\"namespace\":\"team-c\","
                + "\"serviceaccount\":{\"name\":\"batch\",\"uid\":\"u-1\"}},\"sub\":\"system:serviceaccount:team-c:batch\"}");
        cluster.kubernetes().registerToken(jwt, "team-c", "batch");

        assertThat(root.loginKubernetes("any", Sensitive.of(jwt)).isSuccess()).isTrue();
    }

    @Test
    void tokenThatIsNotAJwtIsDenied403BeforeAnyTokenReview() {
        kubernetesAuthWithRole(KubernetesRole.builder("any").boundServiceAccountNames("*")
                .boundServiceAccountNamespaces("team-*").build());
        cluster.kubernetes().registerToken("opaque-token-123", "team-c", "batch");

        assertThat(root.loginKubernetes("any", Sensitive.of("opaque-token-123")))
                .isEqualTo(new LoginResult.Denied(403, List.of("permission denied")));
    }

    @Test
    void expiredJwtIsDenied403() {
        kubernetesAuthWithRole(appRole());
        String jwt = unsignedJwt("{\"aud\":[\"vault\"],\"exp\":" + (Instant.now().getEpochSecond() - 3600)
                + ",\"kubernetes.io\":{\"namespace\":\"team-a\",\"serviceaccount\":{\"name\":\"app\",\"uid\":\"u\"}}}");

        assertThat(root.loginKubernetes("app", Sensitive.of(jwt))).isEqualTo(new LoginResult.Denied(403,
                List.of("invalid expiration time (exp) claim: token is expired")));
    }

    /** A JWT as a token authority other than the fake Kubernetes would make it (the signature is never checked). */
    private static String unsignedJwt(String claims) {
        Base64.Encoder encoder = Base64.getUrlEncoder().withoutPadding();
        return encoder.encodeToString("{\"alg\":\"RS256\",\"kid\":\"other\"}".getBytes(StandardCharsets.UTF_8))
                + "." + encoder.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + encoder.encodeToString("signature".getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void unknownRoleIsDeniedWith400() {
        kubernetesAuthWithRole(appRole());

        assertThat(root.loginKubernetes("nope", Sensitive.of("x.y.z")))
                .isEqualTo(new LoginResult.Denied(400, List.of("invalid role name \"nope\"")));
    }

    @Test
    void loginBeforeConfigIsDeniedWith500() {
        root.enableKubernetesAuth("kubernetes");
        root.writeKubernetesRole("kubernetes", appRole());

        assertThat(root.loginKubernetes("app", Sensitive.of("x.y.z")))
                .isEqualTo(new LoginResult.Denied(500, List.of("could not load backend configuration")));
    }

    @Test
    void loginAtAMissingMountIsAnError() {
        assertThatThrownBy(() -> root.loginKubernetes("nowhere", "app", Sensitive.of("x.y.z")))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(404));
    }

    @Test
    void loginWithoutALeaderIsAnErrorNotADenial() {
        kubernetesAuthWithRole(appRole());
        String jwt = cluster.kubernetes().issueServiceAccountToken("team-a", "app", "vault");
        String survivor = cluster.nodes().stream().filter(node -> node.state() == NodeState.STANDBY).findFirst()
                .orElseThrow().name();
        cluster.nodes().stream().filter(node -> !node.name().equals(survivor)).forEach(node -> cluster.stop(node.name()));

        assertThatThrownBy(() -> client(cluster.node(survivor)).loginKubernetes("app", Sensitive.of(jwt)))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(500));
    }

    @Test
    void roleNeedsBoundNamesAndNamespaces() {
        assertThatThrownBy(() -> KubernetesRole.builder("r").boundServiceAccountNamespaces("a").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bound service account name");
        assertThatThrownBy(() -> KubernetesRole.builder("r").boundServiceAccountNames("a").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bound namespace");
    }
}
