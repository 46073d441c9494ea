package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.DoubleKms;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.testkit.NodeState;
import dev.vaulttest.timing.RecoveryMeasurement;
import io.fabric8.kubernetes.api.model.EnvVar;
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
    private DoubleKms fake;

    /** An emulator with a real endpoint on the loopback, whose outage the Vault double does not see. */
    private static DoubleKms loopbackKms() {
        return DoubleKms.of(KmsProvider.LOCALSTACK, "us-east-1").servingOnLoopback();
    }

    @AfterEach
    void tearDown() {
        if (fake != null) {
            fake.close();
        }
        if (world != null) {
            world.close();
        }
    }

    @Test
    void anOutageKeepsARestartedNodeDownUntilClosedWhileRunningNodesServe() {
        world = ChaosWorld.autoUnseal(server, client);
        DoubleKms kms = world.kms();
        String pod = world.pod(1);

        try (Disruption outage = world.chaos.kmsOutage()) {
            assertThat(outage.kind()).isEqualTo("kms-outage");
            assertThat(kms.isReachable()).isFalse();
            // the fixture's emulator has no real endpoint, so its own state is what is verified
            assertThat(outage.verification().observed()).contains("reports itself unreachable");
            client.pods().inNamespace(world.namespace()).withName(pod).delete();

            RecoveryMeasurement broken = outage.recovery().staysBrokenFor(RecoveryProbe.unsealed(pod),
                    Duration.ofSeconds(1));

            assertThat(broken.outcome()).isEqualTo(RecoveryMeasurement.Outcome.STAYED_BROKEN_AS_EXPECTED);
            assertThat(world.vault.node(pod).state()).isEqualTo(NodeState.CRASH_LOOPING);
            assertThat(world.env.snapshot().active()).isPresent();
            outage.close();
            assertThat(outage.healedAt()).isPresent();
            assertThat(kms.isReachable()).isTrue();
            RecoveryMeasurement back = outage.recovery().awaitWithin(RecoveryProbe.unsealed(pod),
                    Duration.ofSeconds(10));
            assertThat(back.healedAt()).isEqualTo(outage.healedAt());
        }
    }

    @Test
    void anEmulatorWithARealEndpointIsVerifiedOverHttpBothWays() {
        world = ChaosWorld.autoUnseal(server, client);
        fake = loopbackKms();
        Chaos chaos = world.chaosWithKms(fake, ChaosWorld.fastOptions());

        Disruption outage = chaos.kmsOutage();

        assertThat(outage.verification().observed()).contains(fake.endpointForHost().toString())
                .contains("did not answer");
        outage.close();
        assertThat(fake.isReachable()).isTrue();
    }

    @Test
    void anEmulatorThatStillAnswersIsReported() {
        world = ChaosWorld.autoUnseal(server, client);
        fake = loopbackKms().misbehaveByStayingReachable();
        Chaos impatient = world.chaosWithKms(fake, ChaosWorld.fastOptions().faultTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(impatient::kmsOutage).isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("not answering").hasMessageContaining("answered HTTP 400");
        assertThat(world.measurements).extracting(RecoveryMeasurement::outcome)
                .containsExactly(RecoveryMeasurement.Outcome.FAULT_NOT_EFFECTIVE);
    }

    @Test
    void theSealsKeyIsFoundInTheReleaseAndEnabledAgainOnClose() {
        world = ChaosWorld.autoUnseal(server, client);
        DoubleKms kms = world.kms();
        String alias = kms.aliases().keySet().iterator().next();
        String keyId = kms.aliases().get(alias);

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
        DoubleKms kms = world.kms();
        String other = kms.createKeyWithAlias("alias/other");
        client.apps().statefulSets().inNamespace(world.namespace()).withName(world.statefulSet()).edit(set -> {
            set.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv().removeIf(e -> e.getName()
                    .equals("VAULT_AWSKMS_SEAL_KEY_ID"));
            set.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()
                    .add(new EnvVar("VAULT_AWSKMS_SEAL_KEY_ID", other, null));
            return set;
        });

        Disruption disabled = world.chaos.disableKmsKey();

        assertThat(disabled.target()).isEqualTo("kms-key/" + other);
        assertThat(kms.keyState(other)).isEqualTo("Disabled");
        disabled.close();
    }

    @Test
    void aKeyThatStaysEnabledIsReported() {
        world = ChaosWorld.autoUnseal(server, client);
        fake = loopbackKms().misbehaveByIgnoringDisable();
        String keyId = fake.createKeyWithAlias("alias/vault-unseal");
        Chaos impatient = world.chaosWithKms(fake, ChaosWorld.fastOptions().faultTimeout(Duration.ofMillis(300)));

        assertThatThrownBy(() -> impatient.disableKmsKey("alias/vault-unseal"))
                .isInstanceOf(FaultNotEffectiveException.class)
                .hasMessageContaining("expected key " + keyId + " in state Disabled, but saw key state Enabled");
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
    void anExternalEmulatorCannotBeTakenDownButItsKeyCanBeDisabled() {
        world = ChaosWorld.autoUnseal(server, client);
        fake = DoubleKms.of(KmsProvider.EXTERNAL, "us-east-1").servingOnLoopback();
        Chaos chaos = world.chaosWithKms(fake, ChaosWorld.fastOptions());

        assertThatThrownBy(chaos::kmsOutage).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("The EXTERNAL KMS emulator at " + fake.endpointForHost())
                .hasMessageContaining("cannot be taken down by the library: it runs outside the library")
                .hasMessageContaining("network().blockKms()");
        assertThat(fake.isReachable()).isTrue();
        assertThat(world.measurements).isEmpty();
        String keyId = fake.createKeyWithAlias("alias/vault-unseal");
        try (Disruption disabled = chaos.disableKmsKey("alias/vault-unseal")) {
            assertThat(fake.keyState(keyId)).isEqualTo("Disabled");
        }
        assertThat(fake.keyState(keyId)).isEqualTo("Enabled");
    }

    @Test
    void disablingAKeyNeedsAnEmulatorThatCanDoIt() {
        world = ChaosWorld.autoUnseal(server, client);
        fake = loopbackKms().withoutKeyDisable();
        Chaos chaos = world.chaosWithKms(fake, ChaosWorld.fastOptions());

        assertThatThrownBy(chaos::disableKmsKey).isInstanceOf(ChaosPreconditionException.class)
                .hasMessageContaining("cannot disable keys");
    }
}
