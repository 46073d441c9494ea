package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chaos.LoginChecks.LoginCheck.LoginExpectation;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec;
import dev.vaulttest.chaos.ServiceAccountToken.TokenSpec.TokenBinding;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyEgressRule;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemReader;
import org.junit.jupiter.api.Test;

/** The pure parts of the chaos package: options, targets, policy compilation, JWT headers, keys. */
class ChaosUnitTest {

    @Test
    void optionsHaveUsableDefaultsAndRejectNonsense() {
        ChaosOptions defaults = ChaosOptions.defaults();
        assertThat(defaults.faultTimeout()).isEqualTo(Duration.ofMinutes(2));
        assertThat(defaults.canaryImage()).isEqualTo(dev.vaulttest.base.Versions.CANARY_IMAGE);
        assertThat(defaults.verifyEachPolicy()).isTrue();
        assertThat(defaults.toBuilder().pollInterval(Duration.ofMillis(10)).build().pollInterval())
                .isEqualTo(Duration.ofMillis(10));
        assertThatThrownBy(() -> ChaosOptions.builder().faultTimeout(Duration.ZERO).build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("faultTimeout");
        assertThatThrownBy(() -> ChaosOptions.builder().canaryImage(" ").build())
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("canaryImage");
        assertThat(ChaosOptions.defaults().policyEnforcement()).isNotSameAs(ChaosOptions.defaults().policyEnforcement());
        assertThat(defaults.toBuilder().measurementListener(measurement -> { }).build().policyEnforcement())
                .as("options derived for one test share what the run learnt about the cluster")
                .isSameAs(defaults.policyEnforcement());
    }

    @Test
    void podTargetsDescribeThemselvesAndValidateNames() {
        assertThat(PodTarget.active().describe()).isEqualTo("active");
        assertThat(PodTarget.named("vault-0", "vault-2").describe()).isEqualTo("vault-0,vault-2");
        assertThatThrownBy(PodTarget::named).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new PodTarget(PodTarget.Selection.ALL, List.of("vault-0")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void tokenSpecsFollowTheApiServersRules() {
        TokenSpec spec = TokenSpec.forAccount("ns", "app").withAudiences("vault");
        assertThat(spec.audiences()).containsExactly("vault");
        assertThat(spec.binding().kind()).isEqualTo(TokenBinding.Kind.NONE);
        assertThat(spec.account()).isEqualTo("ns/app");
        assertThatThrownBy(() -> spec.withExpiration(Duration.ofMinutes(5)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("minimum");
        assertThatThrownBy(() -> new TokenBinding(TokenBinding.Kind.POD, Optional.empty()))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void anEgressDenyKeepsOnlyDns() {
        PolicySpec spec = new PolicySpec("vt-deny", List.of(), true, true, List.of(), List.of(), Optional.empty(),
                "all egress but DNS");
        NetworkPolicy policy = new PolicyCompiler(List.of("10.42.0.0/24")).compile(spec, "vt-deny", "ns",
                PolicyCompiler.vaultPods(Map.of("component", "server"), List.of()), "deny-egress");

        assertThat(policy.getMetadata().getLabels()).containsEntry(PolicyCompiler.CHAOS_LABEL, "deny-egress")
                .containsEntry("app.kubernetes.io/managed-by", "vault-test");
        assertThat(policy.getSpec().getEgress()).singleElement().satisfies(rule -> {
            assertThat(rule.getTo().get(0).getNamespaceSelector().getMatchLabels())
                    .containsEntry("kubernetes.io/metadata.name", "kube-system");
            assertThat(rule.getTo().get(0).getPodSelector().getMatchLabels()).containsEntry("k8s-app", "kube-dns");
            assertThat(rule.getPorts()).extracting(p -> p.getProtocol()).containsExactly("UDP", "TCP");
        });
    }

    @Test
    void denyingEverythingWithoutDnsLeavesNoEgressRule() {
        PolicySpec spec = new PolicySpec("vt-deny", List.of(), true, false, List.of(), List.of(), Optional.empty(),
                "all egress");
        NetworkPolicy policy = new PolicyCompiler(List.of()).compile(spec, "vt-deny", "ns",
                PolicyCompiler.vaultPods(Map.of(), List.of("vault-1")), "deny-egress");

        assertThat(policy.getSpec().getEgress()).isEmpty();
        assertThat(policy.getSpec().getPolicyTypes()).containsExactly("Egress");
        assertThat(policy.getSpec().getPodSelector().getMatchExpressions()).singleElement()
                .satisfies(e -> assertThat(e.getOperator()).isEqualTo("In"));
    }

    @Test
    void blockingCidrsOnlyDoesNotExceptThePodNetwork() {
        PolicySpec spec = new PolicySpec("vt-kms", List.of(), false, true, List.of("172.18.0.5/32"), List.of(),
                Optional.empty(), "the KMS");
        NetworkPolicy policy = new PolicyCompiler(List.of("10.42.0.0/24")).compile(spec, "vt-kms", "ns",
                PolicyCompiler.vaultPods(Map.of(), List.of()), "block-kms");

        assertThat(policy.getSpec().getEgress().get(1).getTo().get(0).getPodSelector().getMatchExpressions())
                .isEmpty();
        assertThat(policy.getSpec().getEgress().get(2).getTo().get(0).getIpBlock().getExcept())
                .containsExactly("172.18.0.5/32");
    }

    @Test
    void blockedPortsLeaveTheOtherPortsOfTheirAddressOpen() {
        PolicySpec spec = new PolicySpec("vt-ports", List.of(), false, true, List.of("172.18.0.9/32"),
                List.of(new BlockedPort("10.0.0.1", 1), new BlockedPort("10.0.0.1", 443), new BlockedPort("10.0.0.1", 444),
                        new BlockedPort("10.0.0.2", 65_535), new BlockedPort("172.18.0.9", 80)),
                List.of(), Optional.empty(), "ports");
        NetworkPolicy policy = new PolicyCompiler(List.of("10.42.0.0/24")).compile(spec, "vt-ports", "ns",
                PolicyCompiler.vaultPods(Map.of(), List.of()), "ports");

        List<NetworkPolicyEgressRule> egress = policy.getSpec().getEgress();
        assertThat(egress.get(2).getTo().get(0).getIpBlock().getExcept())
                .containsExactly("172.18.0.9/32", "10.0.0.1/32", "10.0.0.2/32");
        assertThat(egress).hasSize(5).element(3).satisfies(rule -> {
            assertThat(rule.getTo().get(0).getIpBlock().getCidr()).isEqualTo("10.0.0.1/32");
            assertThat(rule.getPorts()).extracting(p -> p.getProtocol() + " " + p.getPort().getIntVal() + "-"
                    + p.getEndPort()).containsExactly("TCP 2-442", "TCP 445-65535", "UDP 1-65535");
        });
        assertThat(egress.get(4).getTo().get(0).getIpBlock().getCidr())
                .as("a whole blocked address gets no ports back").isEqualTo("10.0.0.2/32");
        assertThat(egress.get(4).getPorts()).extracting(p -> p.getProtocol() + " " + p.getPort().getIntVal() + "-"
                + p.getEndPort()).containsExactly("TCP 1-65534", "UDP 1-65535");
    }

    @Test
    void aBlockedPortNeedsAnAddressAndAPortInRange() {
        assertThatThrownBy(() -> new BlockedPort("kms.local", 4599)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("IPv4");
        assertThatThrownBy(() -> new BlockedPort("10.0.0.1", 0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 1 and 65535");
    }

    @Test
    void theCanaryScriptRefusesDestinationsThatCouldEscapeTheQuotes() {
        assertThat(Canary.script(java.net.URI.create("https://10.43.0.1:443/"), Canary.Expect.BLOCKED))
                .contains("'https://10.43.0.1:443/'").contains("exit $seen");
        assertThatThrownBy(() -> Canary.script(java.net.URI.create("http://10.0.0.1/?a='b'"), Canary.Expect.BLOCKED))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void theKeyIdComesFromTheJwtHeader() {
        Base64.Encoder b64 = Base64.getUrlEncoder().withoutPadding();
        String jwt = b64.encodeToString("{\"alg\":\"RS256\",\"kid\":\"abc\"}".getBytes(StandardCharsets.UTF_8)) + "."
                + b64.encodeToString("{}".getBytes(StandardCharsets.UTF_8)) + ".sig";

        assertThat(Jwts.keyId(jwt)).contains("abc");
        assertThat(Jwts.keyId("not-a-jwt")).isEmpty();
        assertThat(Jwts.keyId("e30.e30.sig")).isEmpty();
    }

    @Test
    void newSigningKeysArePkcs1Rsa2048() throws Exception {
        String pem = SigningKeys.newRsaPkcs1Pem();

        PemObject object;
        try (PemReader reader = new PemReader(new StringReader(pem))) {
            object = reader.readPemObject();
        }
        assertThat(object.getType()).isEqualTo("RSA PRIVATE KEY");
        assertThat(RSAPrivateKey.getInstance(object.getContent()).getModulus().bitLength()).isEqualTo(2048);
        assertThat(SigningKeys.newRsaPkcs1Pem()).isNotEqualTo(pem);
    }

    @Test
    void theSealKeyIsReadFromAnAwskmsStanza() {
        assertThat(KmsKeyLocator.keyIn("seal \"awskms\" {\n  kms_key_id = \"alias/x\"\n}\n", "test"))
                .contains("alias/x");
        assertThat(KmsKeyLocator.keyIn("seal \"transit\" {\n  key_name = \"k\"\n}\n", "test")).isEmpty();
        assertThat(KmsKeyLocator.keyIn("{{ not hcl", "test")).isEmpty();
    }

    @Test
    void loginExpectationsMatchVaultsDocumentedRefusals() {
        var denied = new dev.vaulttest.vault.LoginResult.Denied(403, List.of("permission denied"));
        var notBound = new dev.vaulttest.vault.LoginResult.Denied(403, List.of("service account name not authorized"));

        assertThat(LoginExpectation.REJECTED_BY_KUBERNETES.matches(denied)).isTrue();
        assertThat(LoginExpectation.REJECTED_BY_ROLE.matches(denied)).isFalse();
        assertThat(LoginExpectation.REJECTED_BY_ROLE.matches(notBound)).isTrue();
        assertThat(LoginExpectation.ACCEPTED.matches(notBound)).isFalse();
    }
}
