package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.cluster.RequiresDocker;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.report.RecoveryMeasurement;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Auto-unseal against an unavailable KMS on real k3s: running nodes keep serving, a node that restarts cannot
 * unseal until the KMS is back. Skipped without Docker.
 */
@RequiresDocker
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KmsChaosDockerTest {

    private static final Duration BROKEN = Duration.ofSeconds(60);
    /** The kubelet's crash-loop back-off reaches minutes, so recovery after the KMS returns is not immediate. */
    private static final Duration BACK = Duration.ofMinutes(7);

    private K3sCluster cluster;
    private VaultEnvironment env;
    private Chaos chaos;

    @BeforeAll
    void startK3s() {
        cluster = RealClusters.startK3s();
    }

    @BeforeEach
    void deploy() {
        env = RealClusters.deploy(VaultEnvironmentSpec.builder().seal(SealSpec.awsKms(KmsProvider.LOCAL_KMS))
                .build(), cluster);
        chaos = RealClusters.chaos(env);
    }

    @AfterEach
    void undeploy() {
        if (env != null) {
            env.close();
        }
    }

    @AfterAll
    void closeK3s() {
        if (cluster != null) {
            cluster.close();
        }
    }

    /** Deletes a standby and checks that it stays sealed while the fault lasts and unseals once healed. */
    private void restartedStandbyWaitsFor(Disruption fault) {
        String standby = env.standbys().get(0).name();
        chaos.deletePod(standby);
        RecoveryProbe unsealed = RecoveryProbe.unsealed(standby);

        RecoveryMeasurement broken = fault.recovery().staysBrokenFor(unsealed, BROKEN);
        assertThat(broken.outcome()).isEqualTo(RecoveryMeasurement.Outcome.STAYED_BROKEN_AS_EXPECTED);
        assertThat(env.snapshot().active()).as("running nodes keep serving").isPresent();
        fault.close();
        RecoveryMeasurement back = fault.recovery().awaitWithin(unsealed, BACK);
        assertThat(back.healedAt()).isPresent();
        env.awaitReady(RealClusters.SETTLE);
    }

    @Test
    void aRestartedNodeStaysSealedThroughAKmsOutage() {
        restartedStandbyWaitsFor(chaos.kmsOutage());
    }

    @Test
    void aRestartedNodeStaysSealedWhileTheSealKeyIsDisabled() {
        restartedStandbyWaitsFor(chaos.disableKmsKey());
    }

    @Test
    void aRestartedNodeStaysSealedWhileAPolicyCutsItOffFromTheKms() {
        restartedStandbyWaitsFor(chaos.network().blockKms());
    }
}
