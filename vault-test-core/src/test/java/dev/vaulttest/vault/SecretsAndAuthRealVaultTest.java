package dev.vaulttest.vault;

import static dev.vaulttest.fixture.RealVault.client;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.RealVault;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import dev.vaulttest.vault.VaultNodeClient.InitResult;
import io.github.jopenlibs.vault.VaultException;
import io.github.jopenlibs.vault.api.Auth;
import io.github.jopenlibs.vault.response.AuthResponse;
import io.github.jopenlibs.vault.response.LogicalResponse;
import io.github.jopenlibs.vault.response.LookupResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.parallel.Execution;
import org.junit.jupiter.api.parallel.ExecutionMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * KV v2, mounts, policies and their enforcement, tokens, audit devices, Kubernetes auth and the error shapes of
 * bad requests, on one real active node. Each test uses its own mount or path.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
// Beside other classes, but its tests one after the other on the class's one cluster: a lock of the class's
// own makes JUnit run them in the class's thread.
@Execution(ExecutionMode.CONCURRENT)
@ResourceLock("SecretsAndAuthRealVaultTest")
class SecretsAndAuthRealVaultTest {

    private VaultProcessCluster vault;
    private VaultNodeClient anonymous;
    private VaultNodeClient root;

    @BeforeAll
    void bringUp() {
        vault = VaultProcessCluster.builder(RealVault.binaries()).nodes(1).start();
        anonymous = client(vault.node(0));
        InitResult init = RealVault.initActive(anonymous, 1, 1);
        root = anonymous.withToken(init.rootToken());
    }

    @AfterAll
    void tearDown() {
        if (vault != null) {
            vault.close();
        }
    }

    @Test
    void kv_v2_writes_new_versions_and_reads_the_latest() {
        root.enableKvV2("kv-versions");

        long first = root.putSecret("kv-versions", "app/config", Map.of("password", "one"));
        long second = root.putSecret("kv-versions", "app/config", Map.of("password", "two"));

        assertThat(first).isEqualTo(1);
        assertThat(second).isEqualTo(2);
        KvSecret read = root.getSecret("kv-versions", "app/config").orElseThrow();
        assertThat(read.data()).containsExactly(Map.entry("password", "two"));
        assertThat(read.version()).isEqualTo(2);
        assertThat(read.toString()).doesNotContain("two");
    }

    @Test
    void kv_v2_on_a_nested_mount_and_a_missing_secret() {
        root.enableKvV2("team/a/kv");

        root.putSecret("team/a/kv", "db", Map.of("user", "app"));

        assertThat(root.getSecret("team/a/kv", "db")).hasValueSatisfying(
                s -> assertThat(s.data()).containsEntry("user", "app"));
        assertThat(root.getSecret("team/a/kv", "never-written")).isEmpty();
    }

    @Test
    void kv_v2_lists_and_deletes_through_the_driver_client() throws VaultException {
        root.enableKvV2("kv-list");
        root.putSecret("kv-list", "apps/one", Map.of("k", "1"));
        root.putSecret("kv-list", "apps/two", Map.of("k", "2"));

        LogicalResponse listed = root.driverClient(2).logical().list("kv-list/apps");
        root.driverClient(2).logical().delete("kv-list/apps/one");

        assertThat(listed.getListData()).containsExactlyInAnyOrder("one", "two");
        assertThat(root.getSecret("kv-list", "apps/one")).isEmpty();
        assertThat(root.getSecret("kv-list", "apps/two")).isPresent();
    }

    @Test
    void enabling_a_mount_twice_is_a_400_path_already_in_use() {
        root.enableKvV2("kv-twice");

        assertThatThrownBy(() -> root.enableKvV2("kv-twice")).isInstanceOfSatisfying(VaultApiException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(400);
            assertThat(e.hasError("path is already in use at kv-twice/")).isTrue();
        });
    }

    @Test
    void a_token_with_a_policy_reads_what_it_allows_and_gets_403_elsewhere() throws VaultException {
        root.enableKvV2("kv-acl");
        root.putSecret("kv-acl", "allowed/app", Map.of("k", "v"));
        root.putSecret("kv-acl", "other/app", Map.of("k", "v"));
        root.writePolicy("read-allowed", "path \"kv-acl/data/allowed/*\" {\n  capabilities = [\"read\"]\n}\n");
        AuthResponse created = root.driverClient().auth().createToken(new Auth.TokenRequest()
                .polices(List.of("read-allowed")).ttl("10m"));
        VaultNodeClient limited = anonymous.withToken(Sensitive.of(created.getAuthClientToken()));

        assertThat(limited.getSecret("kv-acl", "allowed/app")).isPresent();
        assertThatThrownBy(() -> limited.getSecret("kv-acl", "other/app"))
                .isInstanceOfSatisfying(VaultApiException.class, e -> {
                    assertThat(e.httpStatus()).isEqualTo(403);
                    assertThat(e.hasError("permission denied")).isTrue();
                });
        assertThatThrownBy(() -> limited.putSecret("kv-acl", "allowed/app", Map.of("k", "w")))
                .isInstanceOfSatisfying(VaultApiException.class, e -> assertThat(e.httpStatus()).isEqualTo(403));
    }

    @Test
    void token_lookup_self_names_the_policies() throws VaultException {
        root.writePolicy("lookup-test", "path \"sys/health\" {\n  capabilities = [\"read\"]\n}\n");
        AuthResponse created = root.driverClient().auth().createToken(new Auth.TokenRequest()
                .polices(List.of("lookup-test")).ttl("10m"));

        LookupResponse self = anonymous.withToken(Sensitive.of(created.getAuthClientToken())).driverClient()
                .auth().lookupSelf();

        assertThat(self.getPolicies()).contains("lookup-test", "default");
        assertThat(self.getTTL()).isPositive().isLessThanOrEqualTo(600);
    }

    @Test
    void an_empty_policy_is_a_400() {
        assertThatThrownBy(() -> root.writePolicy("empty", "")).isInstanceOfSatisfying(VaultApiException.class,
                e -> assertThat(e.httpStatus()).isEqualTo(400));
    }

    @Test
    void a_wrong_token_is_a_403_permission_denied() {
        VaultNodeClient wrong = anonymous.withToken(Sensitive.of("hvs.CAESIThisIsNotATokenOfThisClusterAtAll1"));

        assertThatThrownBy(() -> wrong.enableKvV2("kv-wrong")).isInstanceOfSatisfying(VaultApiException.class, e -> {
            assertThat(e.httpStatus()).isEqualTo(403);
            assertThat(e.hasError("permission denied")).isTrue();
        }).hasMessageNotContaining("ThisIsNotATokenOfThisCluster");
    }

    @Test
    void a_file_audit_device_writes_to_its_file() throws Exception {
        Path log = vault.node(0).directory().resolve("audit.log");
        root.enableKvV2("kv-audit");

        root.enableFileAudit("file", log.toString());
        root.putSecret("kv-audit", "probe", Map.of("k", "audit-probe-value"));

        assertThat(log).exists();
        String audit = Files.readString(log, StandardCharsets.UTF_8);
        assertThat(audit).contains("kv-audit/data/probe").doesNotContain("audit-probe-value");
    }

    @Test
    void kubernetes_auth_denies_a_token_that_is_not_a_jwt_with_403_before_any_token_review() {
        root.enableKubernetesAuth("k8s-opaque");
        root.configureKubernetesAuth("k8s-opaque", outsideAPod());
        root.writeKubernetesRole("k8s-opaque", KubernetesRole.builder("app").boundServiceAccountNames("app")
                .boundServiceAccountNamespaces("default").policies("default").audience("vault").build());

        LoginResult result = anonymous.loginKubernetes("k8s-opaque", "app", Sensitive.of("not-a-jwt"));

        assertThat(result).isInstanceOfSatisfying(LoginResult.Denied.class, denied -> {
            assertThat(denied.httpStatus()).isEqualTo(403);
            assertThat(denied.errors()).contains("permission denied");
        });
    }

    @Test
    void kubernetes_auth_denies_a_jwt_it_cannot_review_with_403_permission_denied() {
        root.enableKubernetesAuth("k8s-unreachable");
        root.configureKubernetesAuth("k8s-unreachable",
                outsideAPod());
        root.writeKubernetesRole("k8s-unreachable", KubernetesRole.builder("app").boundServiceAccountNames("app")
                .boundServiceAccountNamespaces("default").policies("default").audience("vault").build());

        LoginResult result = anonymous.loginKubernetes("k8s-unreachable", "app", Sensitive.of(serviceAccountJwt()));

        assertThat(result).isInstanceOfSatisfying(LoginResult.Denied.class, denied -> {
            assertThat(denied.httpStatus()).isEqualTo(403);
            assertThat(denied.errors()).contains("permission denied");
        });
    }

    @Test
    void a_role_without_audience_is_written_with_a_warning() {
        root.enableKubernetesAuth("k8s-warn");
        root.configureKubernetesAuth("k8s-warn", outsideAPod());

        List<String> warnings = root.writeKubernetesRole("k8s-warn", KubernetesRole.builder("app")
                .boundServiceAccountNames("app").boundServiceAccountNamespaces("default").policies("default").build());

        assertThat(warnings).anySatisfy(w -> assertThat(w).containsIgnoringCase("audience"));
    }

    /**
     * The configuration of a Vault that does not run in a pod: no local CA or ServiceAccount token to fall back
     * on, so a reviewer JWT and {@code disable_local_ca_jwt}; the API server address answers nothing.
     */
    private static KubernetesAuthConfig outsideAPod() {
        return KubernetesAuthConfig.builder("https://127.0.0.1:1").disableLocalCaJwt(true)
                .tokenReviewerJwt(Sensitive.of(serviceAccountJwt())).build();
    }

    /** A JWT shaped like a projected ServiceAccount token (RS256 header, Kubernetes claims, a dummy signature). */
    private static String serviceAccountJwt() {
        Base64.Encoder url = Base64.getUrlEncoder().withoutPadding();
        long now = System.currentTimeMillis() / 1000;
        String header = "{\"alg\":\"RS256\",\"kid\":\"test\"}";
        String claims = "{\"aud\":[\"vault\"],\"exp\":" + (now + 600) + ",\"iat\":" + now + ",\"nbf\":" + now
                + ",\"iss\":\"https://kubernetes.default.svc.cluster.local\",\"sub\":\"system:serviceaccount:default:app\","
                + "\"kubernetes.io\":{\"namespace\":\"default\",\"serviceaccount\":{\"name\":\"app\",\"uid\":"
                + "\"0b7d6c2e-51f4-4a3d-9c1e-2f8b4d6a9e10\"}}}";
        return url.encodeToString(header.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(claims.getBytes(StandardCharsets.UTF_8)) + "."
                + url.encodeToString(new byte[256]);
    }
}
