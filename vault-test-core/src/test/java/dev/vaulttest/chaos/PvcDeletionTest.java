package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.NodeRole;
import dev.vaulttest.testkit.SealKind;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class PvcDeletionTest {

    KubernetesMockServer server;
    KubernetesClient client;
    private ChaosWorld world;

    @AfterEach
    void tearDown() {
        if (world != null) {
            world.close();
        }
    }

    @Test
    void deletesTheClaimThenItsPodAndReportsTheRetainedVolumeAsReleased() {
        world = ChaosWorld.shamir(server, client);
        String oldClaimUid = client.persistentVolumeClaims().inNamespace(MockRelease.NAMESPACE).withName("data-vault-2")
                .get().getMetadata().getUid();

        try (PvcDeletion deletion = world.chaos.deletePvc("vault-2")) {
            assertThat(deletion.claimName()).isEqualTo("data-vault-2");
            assertThat(deletion.claimUid()).isEqualTo(oldClaimUid);
            assertThat(deletion.volumeName()).contains("pv-vault-2");
            assertThat(deletion.reclaimPolicy()).contains("Retain");
            assertThat(deletion.volumeFate()).isEqualTo(VolumeFate.RELEASED_AND_RETAINED);
            assertThat(deletion.volumeFateDetail()).contains("pv-vault-2").contains("Released");
            assertThat(deletion.verification().observed()).contains("claim");

            // the node comes back with an empty volume: uninitialised, while the others keep the data
            deletion.recovery().awaitWithin(RecoveryProbe.inRole("vault-2", NodeRole.UNINITIALIZED),
                    Duration.ofSeconds(10));
            assertThat(world.env.snapshot().active()).isPresent();
        }
        assertThat(client.persistentVolumeClaims().inNamespace(MockRelease.NAMESPACE).withName("data-vault-2").get()
                .getMetadata().getUid()).isNotEqualTo(oldClaimUid);
    }

    @Test
    void withReclaimPolicyDeleteTheVolumeIsReportedDeleted() {
        world = ChaosWorld.with(server, client, SealKind.SHAMIR, "Delete", true, true);

        PvcDeletion deletion = world.chaos.deletePvc("vault-1", Grace.IMMEDIATE);

        assertThat(deletion.volumeFate()).isEqualTo(VolumeFate.DELETED);
        assertThat(deletion.reclaimPolicy()).contains("Delete");
        assertThat(client.persistentVolumes().withName("pv-vault-1").get()).isNull();
    }

    @Test
    void aClaimThatStaysTerminatingIsReportedAsNotEffective() {
        world = ChaosWorld.shamir(server, client);
        world.controllers.claimsStuck = true;
        Chaos impatient = world.chaos(ChaosWorld.fastOptions().faultTimeout(Duration.ofSeconds(1)));

        assertThatThrownBy(() -> impatient.deletePvc("vault-0"))
                .isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("claim data-vault-0")
                .hasMessageContaining("claim Terminating (finalizers [kubernetes.io/pvc-protection])")
                .hasMessageContaining("is another pod mounting data-vault-0?");
    }

    @Test
    void aNodeWithoutAClaimIsRefused() {
        world = ChaosWorld.shamir(server, client);
        client.persistentVolumeClaims().inNamespace(MockRelease.NAMESPACE).withName("data-vault-0").edit(c -> {
            c.getMetadata().setFinalizers(java.util.List.of());
            return c;
        });
        client.persistentVolumeClaims().inNamespace(MockRelease.NAMESPACE).withName("data-vault-0").delete();

        assertThatThrownBy(() -> world.chaos.deletePvc("vault-0"))
                .isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("has no claim data-vault-0");
        assertThat(Optional.ofNullable(client.pods().inNamespace(MockRelease.NAMESPACE).withName("vault-0").get()))
                .isPresent();
    }
}
