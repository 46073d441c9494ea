package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.NodeRole;
import dev.vaulttest.report.RecoveryMeasurement;
import dev.vaulttest.testkit.NodeState;
import dev.vaulttest.testkit.SealKind;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class KmsChaosTest {

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
    void anOutageKeepsARestartedNodeDownUntilClosedAndRunningNodesServing() {
        world = ChaosWorld.autoUnseal(server, client);
        FakeKms kms = world.kms.orElseThrow();

        try (Disruption outage = world.chaos.kmsOutage()) {
            assertThat(outage.kind()).isEqualTo("kms-outage");
            assertThat(kms.isReachable()).isFalse();
            assertThat(outage.verification().observed()).contains("did not answer");
            client.pods().inNamespace(MockRelease.NAMESPACE).withName("vault-1").delete();

            RecoveryMeasurement broken = outage.recovery().staysBrokenFor(RecoveryProbe.unsealed("vault-1"),
                    Duration.ofSeconds(1));

            assertThat(broken.outcome()).isEqualTo(RecoveryMeasurement.Outcome.STAYED_BROKEN_AS_EXPECTED);
            assertThat(world.vault.node("vault-1").state()).isEqualTo(NodeState.CRASH_LOOPING);
            assertThat(world.env.snapshot().active()).isPresent();
            outage.close();
            assertThat(outage.healedAt()).isPresent();
            assertThat(kms.isReachable()).isTrue();
            RecoveryMeasurement back = outage.recovery().awaitWithin(RecoveryProbe.unsealed("vault-1"),
                    Duration.ofSeconds(10));
            assertThat(back.healedAt()).isEqualTo(outage.healedAt());
        }
    }

    @Test
    void anEmulatorThatStillAnswersIsReported() {
        world = ChaosWorld.autoUnseal(server, client);
        world.kms.orElseThrow().ignoreUnreachable = true;
        Chaos impatient = world.chaos(ChaosWorld.fastOptions().faultTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(impatient::kmsOutage).isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("not answering").hasMessageContaining("answered HTTP 400");
        assertThat(world.measurements).extracting(RecoveryMeasurement::outcome)
                .containsExactly(RecoveryMeasurement.Outcome.FAULT_NOT_EFFECTIVE);
    }

    @Test
    void aDisabledKeyIsFoundInTheSealStanzaAndEnabledAgainOnClose() {
        world = ChaosWorld.autoUnseal(server, client);
        FakeKms kms = world.kms.orElseThrow();
        String keyId = kms.createKeyWithAlias(MockRelease.KMS_ALIAS);

        try (Disruption disabled = world.chaos.disableKmsKey()) {
            assertThat(disabled.target()).isEqualTo("kms-key/" + keyId);
            assertThat(kms.keyState(keyId)).isEqualTo("Disabled");
            assertThat(disabled.verification().observed()).isEqualTo("key state Disabled");
        }
        assertThat(kms.keyState(keyId)).isEqualTo("Enabled");
    }

    @Test
    void theKeyVariableOnTheVaultContainerWinsOverTheStanza() {
        world = ChaosWorld.autoUnseal(server, client);
        FakeKms kms = world.kms.orElseThrow();
        String other = kms.createKeyWithAlias("alias/other");
        client.apps().statefulSets().inNamespace(MockRelease.NAMESPACE).withName("vault").edit(set -> {
            set.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                    .add(new io.fabric8.kubernetes.api.model.EnvVar("VAULT_AWSKMS_SEAL_KEY_ID", other, null));
            return set;
        });

        Disruption disabled = world.chaos.disableKmsKey();

        assertThat(disabled.target()).isEqualTo("kms-key/" + other);
        assertThat(kms.keyState(MockRelease.KMS_ALIAS)).isEqualTo("Enabled");
    }

    @Test
    void aKeyThatStaysEnabledIsReported() {
        world = ChaosWorld.autoUnseal(server, client);
        world.kms.orElseThrow().ignoreDisable = true;
        Chaos impatient = world.chaos(ChaosWorld.fastOptions().faultTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.disableKmsKey("alias/vault-unseal"))
                .isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("expected key key-1 in state Disabled, but saw key state Enabled");
    }

    @Test
    void kmsChaosNeedsAnEmulator() {
        world = ChaosWorld.shamir(server, client);

        assertThatThrownBy(() -> world.chaos.kmsOutage()).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("no KMS emulator");
        assertThatThrownBy(() -> world.chaos.disableKmsKey()).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("no KMS emulator");
    }

    @Test
    void disablingAKeyNeedsAnEmulatorThatCanDoIt() {
        world = ChaosWorld.with(server, client, SealKind.AUTO_UNSEAL, "Retain", true, false);

        assertThatThrownBy(() -> world.chaos.disableKmsKey()).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("cannot disable keys");
        assertThat(world.env.snapshot().nodesIn(NodeRole.ACTIVE)).hasSize(1);
    }
}
