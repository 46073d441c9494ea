package dev.vaulttest.engine;

import static dev.vaulttest.engine.OverlayFixtures.inputs;
import static dev.vaulttest.engine.OverlayFixtures.k3s;
import static dev.vaulttest.engine.OverlayFixtures.values;
import static dev.vaulttest.engine.OverlayFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.engine.UnsupportedValuesException.UnsupportedValue;
import io.fabric8.kubernetes.api.model.Secret;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.Date;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ClusterFitTlsTest {

    private static final String FULLNAME = "vault-overlay-abc123";
    private static final String NS = "vault-test-overlay-abc123";

    @Test
    void tlsConfigGetsASecretWithEveryFileItReads() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("ha-raft-tls.yaml"), inputs(k3s(1)).build());

        Secret secret = (Secret) overlay.objects().get(0);
        assertThat(overlay.objects()).hasSize(1);
        assertThat(secret.getMetadata().getName()).isEqualTo("vault-tls");
        assertThat(secret.getMetadata().getNamespace()).isEqualTo(NS);
        assertThat(secret.getMetadata().getLabels()).containsEntry("vault-test.dev/environment", "overlay-abc123");
        assertThat(secret.getData()).containsOnlyKeys("ca.crt", "tls.crt", "tls.key", "vault.crt", "vault.key", "vault.ca");
        TlsMaterial tls = overlay.tls().orElseThrow();
        assertThat(decode(secret, "vault.crt")).isEqualTo(tls.serverCertificatePem());
        assertThat(decode(secret, "vault.key")).isEqualTo(tls.serverPrivateKeyPem());
        assertThat(decode(secret, "vault.ca")).isEqualTo(tls.caCertificatePem());
        assertThat(overlay.adjustments()).extracting(Adjustment::valuePath).containsExactly("server.ha.raft.config");
        assertThat(overlay.adjustments().get(0).reason()).contains("Secret 'vault-tls'", "tls_cert_file reads"
                + " /vault/userconfig/vault-tls/vault.crt");
        assertThat(overlay.values()).isEmpty();
    }

    @Test
    void serverCertificateCoversServicesPodsAndLoopbackAndChainsToTheCa() throws Exception {
        TlsMaterial tls = ClusterFit.fit(values("ha-raft-tls.yaml"), inputs(k3s(1)).build()).tls().orElseThrow();

        List<X509Certificate> chain = certificates(tls.serverCertificatePem());
        X509Certificate server = chain.get(0);
        X509Certificate ca = certificates(tls.caCertificatePem()).get(0);
        assertThat(chain).hasSize(2);
        assertThat(chain.get(1)).isEqualTo(ca);

        server.verify(ca.getPublicKey());
        ca.verify(ca.getPublicKey());
        server.checkValidity(new Date());
        server.checkValidity(Date.from(Instant.now().plus(Duration.ofDays(29))));
        assertThat(server.getNotBefore()).isBefore(new Date());
        assertThat(ca.getBasicConstraints()).isGreaterThanOrEqualTo(0);
        assertThat(server.getBasicConstraints()).isEqualTo(-1);
        assertThat(server.getExtendedKeyUsage()).contains("1.3.6.1.5.5.7.3.1", "1.3.6.1.5.5.7.3.2");
        assertThat(sans(server, 2)).contains(FULLNAME, FULLNAME + "." + NS, FULLNAME + "." + NS + ".svc",
                "*." + FULLNAME + "-internal", "*." + FULLNAME + "-internal." + NS + ".svc.cluster.local",
                FULLNAME + "-active", "localhost");
        assertThat(sans(server, 7)).contains("127.0.0.1");
    }

    @Test
    void privateKeyBelongsToTheServerCertificateAndIsNeverPrinted() throws Exception {
        TlsMaterial tls = ClusterFit.fit(values("ha-raft-tls.yaml"), inputs(k3s(1)).build()).tls().orElseThrow();
        X509Certificate server = certificates(tls.serverCertificatePem()).get(0);
        String body = tls.serverPrivateKeyPem().replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        PrivateKey key = KeyFactory.getInstance("EC").generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(body)));

        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(key);
        signer.update("vault".getBytes(StandardCharsets.UTF_8));
        byte[] signature = signer.sign();
        Signature verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(server.getPublicKey());
        verifier.update("vault".getBytes(StandardCharsets.UTF_8));

        assertThat(verifier.verify(signature)).isTrue();
        assertThat(tls.serverPrivateKeyPem()).startsWith("-----BEGIN PRIVATE KEY-----");
        assertThat(tls.toString()).doesNotContain(body.substring(0, 20));
    }

    @Test
    void tlsDisabledListenersNeedNoSecret() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("ha-raft.yaml"), inputs(k3s(3)).build());

        assertThat(overlay.tls()).isEmpty();
        assertThat(overlay.objects()).isEmpty();
    }

    @Test
    void certificatesUnderUserconfigWithoutAMountedSecretAreAnError() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  standalone:
                    config: |
                      listener "tcp" {
                        address = "[::]:8200"
                        tls_cert_file = "/vault/userconfig/vault-tls/tls.crt"
                        tls_key_file = "/vault/userconfig/vault-tls/tls.key"
                      }
                """);

        assertThatThrownBy(() -> ClusterFit.fit(values, inputs(k3s(1)).build()))
                .isInstanceOfSatisfying(UnsupportedValuesException.class, e -> {
                    assertThat(e.problems()).extracting(UnsupportedValue::valuePath)
                            .containsExactly("server.standalone.config", "server.standalone.config");
                    assertThat(e.problems().get(0).remedy()).contains("server.extraVolumes: [{type: secret, name: vault-tls}]");
                });
    }

    @Test
    void secretsMountedThroughVolumesAndVolumeMountsAreFound() {
        Map<String, Object> values = yaml("""
                injector: {enabled: false}
                server:
                  volumes:
                    - name: certs
                      secret: {secretName: vault-server-tls}
                  volumeMounts:
                    - name: certs
                      mountPath: /etc/vault/tls
                      readOnly: true
                  standalone:
                    config: |
                      listener "tcp" {
                        address = "[::]:8200"
                        tls_cert_file = "/etc/vault/tls/server.pem"
                        tls_key_file = "/etc/vault/tls/server-key.pem"
                      }
                """);

        ClusterFit.Fitted overlay = ClusterFit.fit(values, inputs(k3s(1)).build());

        assertThat(overlay.objects()).singleElement().isInstanceOfSatisfying(Secret.class, s -> {
            assertThat(s.getMetadata().getName()).isEqualTo("vault-server-tls");
            assertThat(s.getData()).containsKeys("server.pem", "server-key.pem");
        });
    }

    @Test
    void aProvidedTlsSecretIsLeftToTheCaller() {
        ClusterFit.Fitted overlay = ClusterFit.fit(values("ha-raft-tls.yaml"),
                inputs(k3s(1)).providedSecret("vault-tls").build());

        assertThat(overlay.tls()).isEmpty();
        assertThat(overlay.objects()).isEmpty();
    }

    private static String decode(Secret secret, String key) {
        return new String(Base64.getDecoder().decode(secret.getData().get(key)), StandardCharsets.UTF_8);
    }

    private static List<X509Certificate> certificates(String pem) throws Exception {
        Collection<? extends java.security.cert.Certificate> parsed = CertificateFactory.getInstance("X.509")
                .generateCertificates(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        List<X509Certificate> out = new ArrayList<>();
        parsed.forEach(c -> out.add((X509Certificate) c));
        return out;
    }

    private static List<String> sans(X509Certificate certificate, int type) throws Exception {
        List<String> names = new ArrayList<>();
        for (List<?> entry : certificate.getSubjectAlternativeNames()) {
            if ((Integer) entry.get(0) == type) {
                names.add(String.valueOf(entry.get(1)));
            }
        }
        return names;
    }
}
