package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Certificates for the longest names an environment can have: the CA's common name stays within RFC 5280. */
class ServerCertificatesNamesTest {

    @Test
    void theLongestEnvironmentNamesStillGiveACertificate() throws Exception {
        EnvironmentId id = new EnvironmentId("a".repeat(EnvironmentId.MAX_LENGTH));

        TlsMaterial tls = ServerCertificates.generate(id.releaseName(), id.namespace(), Duration.ofDays(1),
                Instant.now());

        X509Certificate ca = (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(
                new ByteArrayInputStream(tls.caCertificatePem().getBytes(StandardCharsets.US_ASCII)));
        String commonName = ca.getSubjectX500Principal().getName().replaceFirst("^CN=", "");
        assertThat(commonName).hasSizeLessThanOrEqualTo(64).startsWith("vault-test CA for " + id.releaseName());
    }
}
