package dev.vaulttest.engine;

import java.util.Objects;

/**
 * The self-signed TLS material the library generated for a deployment whose configuration reads certificates
 * from a mounted Secret. The library's Vault clients trust {@link #caCertificatePem()}. The private key is
 * never printed.
 *
 * @param caCertificatePem the CA certificate, PEM
 * @param serverCertificatePem the server certificate followed by the CA certificate, PEM
 * @param serverPrivateKeyPem the server's private key, PKCS#8 PEM
 */
record TlsMaterial(String caCertificatePem, String serverCertificatePem, String serverPrivateKeyPem) {

    /**
     * Validates.
     *
     * @param caCertificatePem the CA certificate, PEM
     * @param serverCertificatePem the server certificate followed by the CA certificate, PEM
     * @param serverPrivateKeyPem the server's private key, PKCS#8 PEM
     */
    public TlsMaterial {
        Objects.requireNonNull(caCertificatePem, "caCertificatePem");
        Objects.requireNonNull(serverCertificatePem, "serverCertificatePem");
        Objects.requireNonNull(serverPrivateKeyPem, "serverPrivateKeyPem");
    }

    @Override
    public String toString() {
        return "TlsMaterial[self-signed CA and server certificate, private key redacted]";
    }
}
