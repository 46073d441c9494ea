package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.NodeRole;
import dev.vaulttest.chaos.PvcDeletion.VolumeFate;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import java.util.List;
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

    private String claimUid(String claim) {
        return client.persistentVolumeClaims().inNamespace(world.namespace()).withName(claim).get().getMetadata()
                .getUid();
    }

    @Test
    void deletesTheClaimThenItsPodAndReportsTheRetainedVolumeAsReleased() {
        world = ChaosWorld.shamir(server, client);
        String pod = world.pod(2);
        String claim = "data-" + pod;
        String oldClaimUid = claimUid(claim);

        try (PvcDeletion deletion = world.chaos.deletePvc(pod)) {
            assertThat(deletion.claimName()).isEqualTo(claim);
            assertThat(deletion.claimUid()).isEqualTo(oldClaimUid);
            assertThat(deletion.volumeName()).contains("pv-" + pod);
            assertThat(deletion.reclaimPolicy()).contains("Retain");
            assertThat(deletion.volumeFate()).isEqualTo(VolumeFate.RELEASED_AND_RETAINED);
            assertThat(deletion.volumeFateDetail()).contains("pv-" + pod).contains("Released");
            assertThat(deletion.verification().observed()).contains("claim");

            // the node comes back with an empty volume: uninitialised, while the others keep the data
            deletion.recovery().awaitWithin(RecoveryProbe.inRole(pod, NodeRole.UNINITIALIZED), Duration.ofSeconds(10));
            assertThat(world.env.snapshot().active()).isPresent();
        }
        assertThat(claimUid(claim)).isNotEqualTo(oldClaimUid);
    }

    @Test
    void withReclaimPolicyDeleteTheVolumeIsReportedDeleted() {
        world = ChaosWorld.with(server, client, SealSpec.defaults(), "Delete", true);
        String pod = world.pod(1);

        PvcDeletion deletion = world.chaos.deletePvc(pod, Grace.IMMEDIATE);

        assertThat(deletion.volumeFate()).isEqualTo(VolumeFate.DELETED);
        assertThat(deletion.reclaimPolicy()).contains("Delete");
        assertThat(client.persistentVolumes().withName("pv-" + pod).get()).isNull();
    }

    @Test
    void aClaimThatStaysTerminatingIsReportedAsNotEffective() {
        world = ChaosWorld.shamir(server, client);
        world.controllers.claimsStuck = true;
        Chaos impatient = world.chaos(ChaosWorld.fastOptions().faultTimeout(Duration.ofSeconds(1)));
        String pod = world.pod(0);

        assertThatThrownBy(() -> impatient.deletePvc(pod))
                .isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("claim data-" + pod)
                .hasMessageContaining("claim Terminating (finalizers [kubernetes.io/pvc-protection])")
                .hasMessageContaining("is another pod mounting data-" + pod + "?");
    }

    @Test
    void aNodeWithoutAClaimIsRefused() {
        world = ChaosWorld.shamir(server, client);
        String claim = "data-" + world.pod(0);
        client.persistentVolumeClaims().inNamespace(world.namespace()).withName(claim).edit(c -> {
            c.getMetadata().setFinalizers(List.of());
            return c;
        });
        client.persistentVolumeClaims().inNamespace(world.namespace()).withName(claim).delete();
        String uid = client.pods().inNamespace(world.namespace()).withName(world.pod(0)).get().getMetadata().getUid();

        assertThatThrownBy(() -> world.chaos.deletePvc(world.pod(0)))
                .isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("has no claim " + claim);
        assertThat(client.pods().inNamespace(world.namespace()).withName(world.pod(0)).get().getMetadata().getUid())
                .isEqualTo(uid);
    }
}
