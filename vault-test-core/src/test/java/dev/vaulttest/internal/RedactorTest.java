package dev.vaulttest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RedactorTest {

    /** Built at run time so the source holds no token-shaped literal. */
    static final String VAULT_TOKEN = "hvs." + "CAESIJ" + "a1B2c3D4e5F6g7H8i9J0kLmNoPqRsTuVwXyZ_-abcdef".repeat(2);
    static final String LEGACY_TOKEN = "s." + "Q3mZ8xWv2LkT9pRb7NcYh4Ju";
    static final String JWT = "eyJhbGciOiJSUzI1NiIsImtpZCI6IjEifQ" + ".eyJzdWIiOiJzeXN0ZW06c2VydmljZWFjY291bnQ6dmF1bHQ6dmF1bHQifQ"
            + ".c2lnbmF0dXJlLXBhcnQtb2YtdGhlLXRva2Vu";
    static final String ACCESS_KEY = "AKIA" + "IOSFODNN7EXAMPLE";
    static final String SESSION_KEY = "ASIA" + "XYZ2345ABCDEFGH6";
    static final String SECRET_KEY = "wJalrXUtnFEMI/K7MDENG/" + "bPxRfiCYEXAMPLEKEY";
    static final String PEM_BODY = "MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7";
    static final String PEM = "-----BEGIN PRIVATE KEY-----\n" + PEM_BODY + "\n-----END PRIVATE KEY-----";
    static final String UNSEAL_KEY = "k2Jd9Fh3Lx8QwT5vNb7Rz1Cy6Mp4Sa0Ue2Gi8Oh3Wk4=";

    @Test
    void vaultTokensAreRedactedWhereverTheyAppear() {
        String text = "login returned " + VAULT_TOKEN + " and legacy " + LEGACY_TOKEN + ", batch hvb."
                + "x".repeat(30) + ", recovery hvr." + "y".repeat(30);

        String redacted = Redactor.redact(text);

        assertThat(redacted).doesNotContain(VAULT_TOKEN.substring(4), LEGACY_TOKEN.substring(2), "xxxxxxxx", "yyyyyyyy")
                .startsWith("login returned [REDACTED] and legacy [REDACTED]");
    }

    @Test
    void jwtIsRedacted() {
        assertThat(Redactor.redact("kubernetes login with jwt=" + JWT + " failed"))
                .isEqualTo("kubernetes login with jwt=[REDACTED] failed");
    }

    @Test
    void awsAccessKeyIdsAndSecretKeysAreRedacted() {
        String text = "creds " + ACCESS_KEY + " / " + SESSION_KEY + "\naws_secret_access_key=" + SECRET_KEY
                + "\nAWS_SECRET_ACCESS_KEY: \"" + SECRET_KEY + "\"";

        String redacted = Redactor.redact(text);

        assertThat(redacted).doesNotContain(ACCESS_KEY, SESSION_KEY, SECRET_KEY)
                .contains("aws_secret_access_key=[REDACTED]", "AWS_SECRET_ACCESS_KEY: \"[REDACTED]\"");
    }

    @Test
    void pemPrivateKeyIsRedactedEvenWhenItsEndLineWasCutOff() {
        assertThat(Redactor.redact("tls.key:\n" + PEM + "\nnext line")).isEqualTo("tls.key:\n[REDACTED]\nnext line");
        assertThat(Redactor.redact("-----BEGIN RSA PRIVATE KEY-----\n" + PEM_BODY + "...(truncated)"))
                .isEqualTo("[REDACTED]");
    }

    @Test
    void labelledUnsealAndRecoveryKeysAndRootTokensAreRedacted() {
        String initResponse = "{\"keys\":[\"9f8e7d6c5b4a\"],\"keys_base64\":[\"" + UNSEAL_KEY + "\"],"
                + "\"recovery_keys_b64\":[\"" + UNSEAL_KEY + "\"],\"root_token\":\"root-" + "abc\"}";
        String cli = "Unseal Key 1: " + UNSEAL_KEY + "\nRecovery Key 3: " + UNSEAL_KEY + "\nInitial Root Token: t0k3n";
        String unsealRequest = "{\"key\": \"" + UNSEAL_KEY + "\"}";

        assertThat(Redactor.redact(initResponse)).doesNotContain(UNSEAL_KEY, "9f8e7d6c5b4a", "root-abc")
                .contains("\"keys_base64\":[REDACTED]");
        assertThat(Redactor.redact(cli)).doesNotContain(UNSEAL_KEY, "t0k3n").contains("Unseal Key 1: [REDACTED]");
        assertThat(Redactor.redact(unsealRequest)).isEqualTo("{\"key\": \"[REDACTED]\"}");
    }

    @Test
    void headersThatCarryTokensAreRedacted() {
        assertThat(Redactor.redact("X-Vault-Token: abc.def-opaque Authorization: Bearer abcdefgh12345678"))
                .isEqualTo("X-Vault-Token: [REDACTED] Authorization: Bearer [REDACTED]");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "pod vault-0 deleted; vault-1 elected leader after 12.3 s",
        "service vault.vault.svc.cluster.local:8200 unreachable",
        "status s.ok, keys rotated, policy default",
        "expected 3 raft voters but saw 2: [vault-0, vault-1]",
        "image hashicorp/vault:2.0.4 sha256:4f0c2e9d1b8a7c6e5f4d3c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7e6d5c4b3a2f"
    })
    void ordinaryTextIsLeftAlone(String text) {
        assertThat(Redactor.redact(text)).isEqualTo(text);
    }

    @Test
    void redactingTwiceChangesNothingMore() {
        String text = "token " + VAULT_TOKEN + " keys_base64=[\"" + UNSEAL_KEY + "\"] " + PEM + " " + JWT;
        String once = Redactor.redact(text);

        assertThat(Redactor.redact(once)).isEqualTo(once);
    }

    @Test
    void nullAndEmptyPassThrough() {
        assertThat(Redactor.redact(null)).isNull();
        assertThat(Redactor.redact("")).isEmpty();
    }
}
