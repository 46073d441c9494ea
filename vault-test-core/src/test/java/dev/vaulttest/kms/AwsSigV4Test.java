package dev.vaulttest.kms;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import java.net.URI;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Checks the signer against the worked examples of AWS's Signature Version 4 documentation. */
class AwsSigV4Test {

    private static final String EXAMPLE_SECRET = "wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY";

    @Test
    void derivesTheDocumentedSigningKey() {
        byte[] key = AwsSigV4.signingKey(EXAMPLE_SECRET, "20120215", "us-east-1", "iam");

        assertThat(AwsSigV4.hex(key)).isEqualTo("f4780e2d9f65fa895f9c67b32ce1baf0b0d8a43505a000a1a9e090d414db404d");
    }

    @Test
    void signsTheDocumentedIamListUsersRequest() {
        Map<String, String> headers = new LinkedHashMap<>();
        headers.put("Content-Type", "application/x-www-form-urlencoded; charset=utf-8");
        headers.put("Host", "iam.amazonaws.com");
        headers.put("X-Amz-Date", "20150830T123600Z");

        String authorization = AwsSigV4.authorization("GET",
                URI.create("https://iam.amazonaws.com/?Version=2010-05-08&Action=ListUsers"), headers, new byte[0],
                "us-east-1", "iam", new AwsCredentials("AKIDEXAMPLE", EXAMPLE_SECRET),
                Instant.parse("2015-08-30T12:36:00Z"));

        assertThat(authorization).isEqualTo("AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20150830/us-east-1/iam/aws4_request,"
                + " SignedHeaders=content-type;host;x-amz-date,"
                + " Signature=5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7");
    }
}
