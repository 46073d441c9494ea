package dev.vaulttest.kms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.Versions;
import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.testcontainers.containers.ContainerLaunchException;

class KmsSpecsTest {

    @Test
    void defaultSealIsShamirThreeOfTwo() {
        assertThat(SealSpec.defaults()).isEqualTo(new SealSpec.Shamir(3, 2));
    }

    @Test
    void shamirAndRecoverySettingsFollowVaultsRules() {
        assertThat(SealSpec.shamir(1, 1).threshold()).isEqualTo(1);
        assertThat(SealSpec.shamir(5, 3).shares()).isEqualTo(5);
        assertThatThrownBy(() -> SealSpec.shamir(3, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("shares=3, threshold=1");
        assertThatThrownBy(() -> SealSpec.shamir(2, 3)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealSpec.shamir(256, 2)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> SealSpec.awsKms(KmsProvider.LOCALSTACK).withRecovery(0, 0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("recoveryShares=0");
    }

    @Test
    void awsKmsSealDefaultsAndCopies() {
        SealSpec.AwsKms seal = SealSpec.awsKms(KmsProvider.LOCAL_KMS);

        assertThat(seal.region()).isEmpty();
        assertThat(seal.recoveryShares()).isEqualTo(3);
        assertThat(seal.recoveryThreshold()).isEqualTo(2);
        assertThat(seal.inRegion("eu-west-1").region()).contains("eu-west-1");
        assertThat(KmsProvider.REAL_AWS.isEmulated()).isFalse();
    }

    @Test
    void credentialsNeverPrintTheSecret() {
        AwsCredentials credentials = new AwsCredentials("AKIAREALLOOKINGKEY", "s3cr3t-value");

        assertThat(credentials.toString()).doesNotContain("s3cr3t-value").doesNotContain("REALLOOKINGKEY")
                .contains("AKIA****");
    }

    @Test
    void emulatorSpecTakesTheLocalStackTokenFromTheEnvironmentAndHidesIt() {
        KmsEmulatorSpec withToken = KmsEmulatorSpec.of(KmsProvider.LOCALSTACK, "us-east-1",
                Map.of("LOCALSTACK_AUTH_TOKEN", "ls-secret-token"));
        KmsEmulatorSpec blank = KmsEmulatorSpec.of(KmsProvider.LOCALSTACK, "us-east-1", Map.of("LOCALSTACK_AUTH_TOKEN", " "));
        KmsEmulatorSpec localKms = KmsEmulatorSpec.of(KmsProvider.LOCAL_KMS, "us-east-1",
                Map.of("LOCALSTACK_AUTH_TOKEN", "ls-secret-token"));

        assertThat(withToken.image()).isEqualTo(Versions.LOCALSTACK_IMAGE);
        assertThat(withToken.authToken()).contains("ls-secret-token");
        assertThat(withToken.toString()).doesNotContain("ls-secret-token").contains("authToken=****");
        assertThat(blank.authToken()).isEmpty();
        assertThat(localKms.image()).isEqualTo(Versions.LOCAL_KMS_IMAGE);
        assertThat(localKms.authToken()).isEmpty();
        assertThatThrownBy(() -> KmsEmulatorSpec.of(KmsProvider.REAL_AWS, "us-east-1", Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("real AWS KMS");
    }

    @Test
    void exitCode55WithoutATokenExplainsTheAuthToken() {
        KmsEmulatorSpec spec = KmsEmulatorSpec.of(KmsProvider.LOCALSTACK, "us-east-1", Map.of())
                .withImage("localstack/localstack:latest");

        KmsException explained = LocalStackStartFailure.explain(launchFailure(55), spec);

        assertThat(explained.getMessage()).contains("localstack/localstack:latest exited with code 55",
                "LOCALSTACK_AUTH_TOKEN", Versions.LOCALSTACK_IMAGE, "LOCAL_KMS");
    }

    @Test
    void exitCode55WithATokenSaysTheTokenWasRefused() {
        KmsEmulatorSpec spec = new KmsEmulatorSpec(KmsProvider.LOCALSTACK, "localstack/localstack:2026.3",
                "us-east-1", java.time.Duration.ofMinutes(1), Optional.of("ls-secret-token"));

        KmsException explained = LocalStackStartFailure.explain(launchFailure(55), spec);

        assertThat(explained.getMessage()).contains("refused the auth token").doesNotContain("ls-secret-token");
    }

    @Test
    void otherStartFailuresKeepTheExitCodeAndTheCause() {
        KmsEmulatorSpec spec = KmsEmulatorSpec.of(KmsProvider.LOCALSTACK, "us-east-1", Map.of());

        KmsException explained = LocalStackStartFailure.explain(launchFailure(1), spec);

        assertThat(explained.getMessage()).contains("did not start", "exited with code 1");
        assertThat(explained.getCause()).isInstanceOf(ContainerLaunchException.class);
        assertThat(LocalStackStartFailure.exitCode(new RuntimeException("timeout"))).isEmpty();
    }

    /** The exception chain Testcontainers 2.0.5 throws when a container exits during its wait strategy. */
    private static RuntimeException launchFailure(int exitCode) {
        IllegalStateException wait = new IllegalStateException("Wait strategy failed. Container exited with code "
                + exitCode);
        return new ContainerLaunchException("Container startup failed for image localstack/localstack",
                new ContainerLaunchException("Could not create/start container", wait));
    }
}
