package dev.vaulttest.samples.sharing;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.junit5.Disruptive;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/**
 * Another class on the team's shared deployment: it needs no bring-up of its own when {@link SecretsTest} ran
 * first. Its disruptive test is recovered after itself, so whichever class comes next gets a healthy deployment.
 */
@TeamVault
class RaftMembershipTest {

    @Test
    void everyNodeIsAVoterAndOneIsActive(DeploymentSnapshot snapshot) {
        assertThat(snapshot).isUnsealed().hasExactlyOneActiveNode().hasRaftVoterCount(3);
    }

    @Test
    @Disruptive
    void aRestartedStandbyRejoinsAsAVoter(VaultEnvironment vault, KubernetesClient kubernetes) {
        String standby = vault.standbys().get(0).name();
        kubernetes.pods().inNamespace(vault.namespace()).withName(standby).delete();

        vault.unsealAll(Duration.ofMinutes(3));

        assertThat(vault.awaitReady(Duration.ofMinutes(3))).hasRaftVoterCount(3);
    }
}
