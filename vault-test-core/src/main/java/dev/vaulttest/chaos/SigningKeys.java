package dev.vaulttest.chaos;

import dev.vaulttest.base.VaultTestException;
import java.io.IOException;
import java.io.StringWriter;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.security.PrivateKey;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/** New service account signing keys, in the PEM form k3s documents ({@code openssl genrsa -traditional}). */
final class SigningKeys {

    private SigningKeys() {
    }

    /**
     * A new 2048-bit RSA private key as a PKCS#1 PEM ({@code BEGIN RSA PRIVATE KEY}).
     *
     * @return the PEM text; a secret
     */
    static String newRsaPkcs1Pem() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            PrivateKey key = generator.generateKeyPair().getPrivate();
            byte[] pkcs1 = PrivateKeyInfo.getInstance(key.getEncoded()).parsePrivateKey().toASN1Primitive()
                    .getEncoded();
            StringWriter text = new StringWriter();
            try (PemWriter pem = new PemWriter(text)) {
                pem.writeObject(new PemObject("RSA PRIVATE KEY", pkcs1));
            }
            return text.toString();
        } catch (NoSuchAlgorithmException | IOException e) {
            throw new VaultTestException("Could not generate an RSA signing key: " + e.getMessage(), e);
        }
    }
}
