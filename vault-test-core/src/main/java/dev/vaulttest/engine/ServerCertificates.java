package dev.vaulttest.engine;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.openssl.jcajce.JcaPKCS8Generator;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Generates a throw-away CA and a Vault server certificate (ECDSA P-256) whose names cover every way the chart's
 * services, the raft peers and the port-forwarding clients address a Vault pod. Uses the JDK's default JCA
 * providers; no provider is registered globally.
 */
final class ServerCertificates {

    /** Certificates start this long before now, so clocks a little behind the JVM's still accept them. */
    private static final Duration BACKDATE = Duration.ofMinutes(5);
    private static final SecureRandom RANDOM = new SecureRandom();

    private ServerCertificates() {
    }

    /**
     * The DNS names of the server certificate.
     *
     * @param fullname the chart's fullname (service and StatefulSet name)
     * @param namespace the release namespace
     */
    static List<String> dnsNames(String fullname, String namespace) {
        List<String> names = new ArrayList<>();
        for (String service : List.of(fullname, fullname + "-active", fullname + "-standby")) {
            names.add(service);
            names.add(service + "." + namespace);
            names.add(service + "." + namespace + ".svc");
            names.add(service + "." + namespace + ".svc.cluster.local");
        }
        String internal = fullname + "-internal";
        for (String suffix : List.of("", "." + namespace, "." + namespace + ".svc", "." + namespace + ".svc.cluster.local")) {
            names.add(internal + suffix);
            names.add("*." + internal + suffix);
        }
        names.add("localhost");
        return names;
    }

    /** The IP addresses of the server certificate: loopback, for port-forwarded clients and in-pod CLIs. */
    static List<String> ipAddresses() {
        return List.of("127.0.0.1", "::1");
    }

    /** RFC 5280 limits a common name to 64 characters; long release and namespace names are cut. */
    static String commonName(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64);
    }

    static TlsMaterial generate(String fullname, String namespace, Duration validity, Instant now) {
        try {
            Instant notBefore = now.minus(BACKDATE);
            Instant notAfter = now.plus(validity);
            JcaX509ExtensionUtils extensions = new JcaX509ExtensionUtils();

            KeyPair caKeys = ecKeyPair();
            X500Name caName = new X500Name("CN=" + commonName("vault-test CA for " + fullname + "." + namespace));
            X509v3CertificateBuilder ca = new JcaX509v3CertificateBuilder(caName, serial(), Date.from(notBefore),
                    Date.from(notAfter), caName, caKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(0))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(caKeys.getPublic()));
            X509Certificate caCertificate = sign(ca, caKeys);

            KeyPair serverKeys = ecKeyPair();
            List<GeneralName> sans = new ArrayList<>();
            dnsNames(fullname, namespace).forEach(n -> sans.add(new GeneralName(GeneralName.dNSName, n)));
            ipAddresses().forEach(ip -> sans.add(new GeneralName(GeneralName.iPAddress, ip)));
            X509v3CertificateBuilder server = new JcaX509v3CertificateBuilder(caCertificate, serial(),
                    Date.from(notBefore), Date.from(notAfter), new X500Name("CN=" + fullname), serverKeys.getPublic())
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(
                            new KeyPurposeId[] {KeyPurposeId.id_kp_serverAuth, KeyPurposeId.id_kp_clientAuth}))
                    .addExtension(Extension.subjectAlternativeName, false,
                            new GeneralNames(sans.toArray(GeneralName[]::new)))
                    .addExtension(Extension.authorityKeyIdentifier, false,
                            extensions.createAuthorityKeyIdentifier(caCertificate))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            extensions.createSubjectKeyIdentifier(serverKeys.getPublic()));
            X509Certificate serverCertificate = sign(server, caKeys);

            String caPem = pem(caCertificate);
            return new TlsMaterial(caPem, pem(serverCertificate) + caPem,
                    pem(new JcaPKCS8Generator(serverKeys.getPrivate(), null).generate()));
        } catch (GeneralSecurityException | OperatorCreationException | IOException e) {
            throw new IllegalStateException("Could not generate the test TLS certificates: " + e.getMessage(), e);
        }
    }

    private static KeyPair ecKeyPair() throws GeneralSecurityException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
        return generator.generateKeyPair();
    }

    private static BigInteger serial() {
        return new BigInteger(128, RANDOM);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, KeyPair issuer)
            throws OperatorCreationException, GeneralSecurityException {
        return new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withECDSA").build(issuer.getPrivate())));
    }

    private static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return text.toString();
    }
}
