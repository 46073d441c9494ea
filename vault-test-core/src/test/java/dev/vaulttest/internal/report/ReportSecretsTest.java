package dev.vaulttest.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.check.Finding;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.timing.RecoveryMeasurement.Outcome;
import java.io.IOException;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** No secret ever appears in summary.json or index.html, whichever field it slipped into. */
class ReportSecretsTest {

    /** Each secret as it would appear in free text, and the part of it that must never be written. */
    private static final Map<String, String> SECRETS = new LinkedHashMap<>();

    static {
        String vaultToken = "hvs." + "CAESIKq9f3Lm2Np8Rt5Vx7Zb1Dc4Fg6Hj0Kl3Mn5Pq7Rs9Tu";
        String legacyToken = "s." + "Z7yX6wV5uT4sR3qP2oN1mL0k";
        String batchToken = "hvb." + "AAAAAQKx8bY3zQ9c2Vn7Lm4Pq1Rs6Tu0Wx5";
        String jwt = "eyJhbGciOiJSUzI1NiJ9" + ".eyJpc3MiOiJrdWJlcm5ldGVzL3NlcnZpY2VhY2NvdW50In0" + ".bm90LWEtcmVhbC1zaWduYXR1cmU";
        String accessKey = "AKIA" + "Q5Y7N2R4T6W8X0Z3";
        String sessionKey = "ASIA" + "B3C5D7E9F1G2H4J6";
        String secretKey = "q8Zr3Lm" + "/Xy7Pw2Nv5Bt9Kc4Hd6Jf1Gs0Ea8Rl3Mu5Ti";
        String pemBody = "MIIEowIBAAKCAQEA0Zq5cXGJ" + "8mVt3bH7aW1sL2kP9rN4xE6yQ0uT";
        String unsealKey = "Yk3Jd9Fh2Lx8QwT5vNb7Rz1Cy6Mp4Sa0" + "Ue2Gi8Oh3Wk=";
        String rootToken = "root" + "-not-a-token-but-labelled";
        SECRETS.put(vaultToken, vaultToken.substring(4));
        SECRETS.put("legacy token " + legacyToken, legacyToken.substring(2));
        SECRETS.put(batchToken, batchToken.substring(4));
        SECRETS.put("jwt " + jwt, jwt.substring(3));
        SECRETS.put(accessKey, accessKey);
        SECRETS.put(sessionKey, sessionKey);
        SECRETS.put("aws_secret_access_key=" + secretKey, secretKey);
        SECRETS.put("-----BEGIN RSA PRIVATE KEY-----\n" + pemBody + "\n-----END RSA PRIVATE KEY-----", pemBody);
        SECRETS.put("{\"keys_base64\":[\"" + unsealKey + "\"]}", unsealKey);
        SECRETS.put("Unseal Key 2: " + unsealKey, unsealKey.substring(0, 30));
        SECRETS.put("Initial Root Token: " + rootToken, rootToken);
    }

    @TempDir
    Path dir;

    @Test
    void noSecretInAnyFieldReachesTheReport() throws IOException {
        List<TestRecord> tests = new ArrayList<>();
        int i = 0;
        for (String secret : SECRETS.keySet()) {
            tests.add(recordCarrying(secret, i++));
        }
        RunReport report = new RunReport(ReportFixtures.START, ReportFixtures.at(600),
                "env " + String.join(" ", SECRETS.keySet()), tests);

        WrittenReport written = new ReportWriter(dir).write(report);

        String json = Files.readString(written.summaryJson());
        String html = Files.readString(written.indexHtml());
        String decodedLinks = Pattern.compile("href=\"([^\"]*)\"").matcher(html).results()
                .map(link -> URLDecoder.decode(link.group(1).replace("+", "%2B"), StandardCharsets.UTF_8))
                .collect(Collectors.joining("\n"));
        assertThat(json).contains("[REDACTED]");
        assertThat(html).contains("[REDACTED]");
        assertThat(decodedLinks).contains("diag [REDACTED]/");
        SECRETS.forEach((text, secret) -> {
            assertThat(json).as("summary.json for %s", text).doesNotContain(secret);
            assertThat(html).as("index.html for %s", text).doesNotContain(secret);
            assertThat(decodedLinks).as("decoded links in index.html for %s", text).doesNotContain(secret);
        });
    }

    /** A test record with the secret in every free-text field, including those the writer alone redacts. */
    private TestRecord recordCarrying(String secret, int index) {
        String text = "context " + secret + " more context";
        return TestRecord.builder("com.example.SecretTest" + index, "test " + text)
                .failed(text)
                .recovery(new RecoveryMeasurement("delete-pod " + secret, "pod/" + secret, ReportFixtures.START,
                        Optional.empty(), "login " + secret, Optional.of(Duration.ofSeconds(3 + index)),
                        Outcome.RECOVERED, text))
                .recovery(RecoveryMeasurement.didNotRecover("block", "target " + secret, ReportFixtures.START,
                        Optional.empty(), "ready gate", text))
                .bringUp(new PhaseTimeline(List.of(new PhaseTiming(Phase.INSTALL, ReportFixtures.START,
                        Duration.ofSeconds(1)))))
                .findings(List.of(new Finding("RULE " + secret, Severity.ERROR, "Secret/" + secret, text, text)))
                .diagnosticsDir(dir.resolve("diag " + secret.replace('/', '_').replace('\n', ' ')))
                .build();
    }
}
