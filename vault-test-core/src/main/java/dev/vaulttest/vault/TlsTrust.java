package dev.vaulttest.vault;

import dev.vaulttest.base.VaultTestException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

/** Builds an {@link SSLContext} that trusts exactly the certificates of a PEM bundle. */
final class TlsTrust {

    private TlsTrust() {
    }

    static SSLContext trusting(String nodeName, String pemBundle) {
        try {
            CertificateFactory factory = CertificateFactory.getInstance("X.509");
            Collection<? extends Certificate> certificates =
                    factory.generateCertificates(new ByteArrayInputStream(pemBundle.getBytes(StandardCharsets.US_ASCII)));
            if (certificates.isEmpty()) {
                throw new VaultTestException("The CA bundle for node '" + nodeName + "' holds no certificate: expected"
                        + " one or more PEM blocks '-----BEGIN CERTIFICATE-----'. Pass the CA that signed Vault's"
                        + " listener certificate.");
            }
            KeyStore trustStore = KeyStore.getInstance(KeyStore.getDefaultType());
            trustStore.load(null, null);
            int index = 0;
            for (Certificate certificate : certificates) {
                trustStore.setCertificateEntry("ca-" + index++, certificate);
            }
            TrustManagerFactory trustManagers = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            trustManagers.init(trustStore);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, trustManagers.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new VaultTestException("The CA bundle for node '" + nodeName + "' could not be read as PEM X.509"
                    + " certificates (" + e.getMessage() + "). Pass the CA certificate's PEM text, not a path"
                    + " or a private key.", e);
        }
    }
}
