package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import java.net.URI;
import org.junit.jupiter.api.Test;

class KmsConnectionTest {

    @Test
    void theTextOfAConnectionNeverShowsTheSecretKey() {
        AwsCredentials credentials = new AwsCredentials("AKIAREALLOOKINGKEY", "s3cr3t-value");

        assertThat(new KmsConnection(URI.create("http://172.18.0.3:4566"), "us-east-1", credentials).toString())
                .doesNotContain("s3cr3t-value").contains("172.18.0.3");
    }
}
