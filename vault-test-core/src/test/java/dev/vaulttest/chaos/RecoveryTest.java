package dev.vaulttest.chaos;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.NodeRole;
import dev.vaulttest.timing.RecoveryMeasurement;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

@EnableKubernetesMockClient(crud = true, https = false)
class RecoveryTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    KubernetesMockServer server;
    KubernetesClient client;
    private ChaosWorld world;
    private final List<RecoveryMeasurement> heard = new ArrayList<>();
    private final SteppingClock clock = new SteppingClock();

    @BeforeEach
    void setUp() {
        world = ChaosWorld.shamir(server, client);
    }

    @AfterEach
    void tearDown() {
        world.close();
    }

    /** A disruption that does nothing, applied at T0, to time probes against. */
    private AbstractDisruption applied() {
        ChaosOptions options = ChaosWorld.fastOptions().clock(clock).measurementListener(heard::add).build();
        AbstractDisruption disruption = new AbstractDisruption(world.env, options, "test-fault", "thing/x") {
        };
        disruption.markApplied(clock.instant());
        return disruption;
    }

    private static RecoveryProbe after(int observations, String name) {
        AtomicInteger seen = new AtomicInteger();
        return RecoveryProbe.probing(name, env -> {
            int n = seen.incrementAndGet();
            return new RecoveryProbe.Observation(n >= observations, "observation " + n);
        });
    }

    @Test
    void aRecoveryIsTimedFromAppliedAtAndRecordedOnTheHandleAndTheListener() {
        AbstractDisruption disruption = applied();
        clock.now = T0.plusSeconds(7);

        RecoveryMeasurement measurement = disruption.recovery().awaitWithin(after(3, "back"), Duration.ofSeconds(5));

        assertThat(measurement.outcome()).isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
        assertThat(measurement.recoveredAfter()).contains(Duration.ofSeconds(7));
        assertThat(measurement.appliedAt()).isEqualTo(T0);
        assertThat(measurement.condition()).isEqualTo("back");
        assertThat(measurement.disruption()).isEqualTo("test-fault");
        assertThat(measurement.target()).isEqualTo("thing/x");
        assertThat(disruption.measurements()).containsExactly(measurement);
        assertThat(heard).containsExactly(measurement);
    }

    @Test
    void aConditionThatNeverHoldsEndsInNotRecoveredWithTheLastObservation() {
        AbstractDisruption disruption = applied();

        assertThatThrownBy(() -> disruption.recovery().awaitWithin(after(Integer.MAX_VALUE, "never"),
                Duration.ofMillis(300)))
                .isInstanceOf(NotRecoveredException.class)
                .hasMessageContaining("'never' did not hold within 0 s")
                .hasMessageContaining("Last observed: observation")
                .satisfies(e -> assertThat(((NotRecoveredException) e).measurement().outcome())
                        .isEqualTo(RecoveryMeasurement.Outcome.DID_NOT_RECOVER));
        assertThat(heard).extracting(RecoveryMeasurement::outcome)
                .containsExactly(RecoveryMeasurement.Outcome.DID_NOT_RECOVER);
    }

    @Test
    void stayingBrokenForTheWholeTimeIsRecorded() {
        AbstractDisruption disruption = applied();

        RecoveryMeasurement measurement = disruption.recovery().staysBrokenFor(after(Integer.MAX_VALUE, "up"),
                Duration.ofMillis(300));

        assertThat(measurement.outcome()).isEqualTo(RecoveryMeasurement.Outcome.STAYED_BROKEN_AS_EXPECTED);
        assertThat(measurement.detail()).contains("last observed: observation");
        // Nothing heals a deleted pod's seal: only the time it was watched says how long it stayed broken.
        assertThat(measurement.healedAt()).isEmpty();
        assertThat(measurement.observedBrokenFor()).hasValueSatisfying(
                broken -> assertThat(broken).isGreaterThanOrEqualTo(Duration.ofMillis(300)));
        assertThat(disruption.measurements()).containsExactly(measurement);
    }

    @Test
    void recoveringTooSoonFailsAtOnceWithWhatWasSeen() {
        AbstractDisruption disruption = applied();

        assertThatThrownBy(() -> disruption.recovery().staysBrokenFor(after(2, "up"), Duration.ofSeconds(30)))
                .isInstanceOf(RecoveredTooSoonException.class)
                .hasMessageContaining("'up' was expected to stay false for 30 s but held after")
                .hasMessageContaining("Observed: observation 2")
                .satisfies(e -> assertThat(((RecoveredTooSoonException) e).heldAfter()).isLessThan(
                        Duration.ofSeconds(30)));
        assertThat(disruption.measurements()).isEmpty();
    }

    @Test
    void aProbeThatThrowsCountsAsNotHoldingAndIsRetried() {
        AbstractDisruption disruption = applied();
        AtomicInteger calls = new AtomicInteger();
        RecoveryProbe flaky = RecoveryProbe.probing("flaky", env -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("connection refused");
            }
            return new RecoveryProbe.Observation(true, "fine");
        });

        assertThat(disruption.recovery().awaitWithin(flaky, Duration.ofSeconds(5)).outcome())
                .isEqualTo(RecoveryMeasurement.Outcome.RECOVERED);
        assertThat(calls).hasValue(3);
    }

    @Test
    void snapshotProbesReadTheDeployment() {
        var env = world.env;
        String leader = world.vault.leader().orElseThrow().name();

        assertThat(RecoveryProbe.activeNode().observe(env).holds()).isTrue();
        assertThat(RecoveryProbe.allUnsealed().observe(env).holds()).isTrue();
        assertThat(RecoveryProbe.readyGate().observe(env).holds()).isTrue();
        assertThat(RecoveryProbe.inRole(leader, NodeRole.ACTIVE).observe(env).holds()).isTrue();
        String leaderUid = client.pods().inNamespace(world.namespace()).withName(leader).get().getMetadata()
                .getUid();
        assertThat(RecoveryProbe.newLeader(leader, leaderUid).observe(env).holds()).isFalse();
        assertThat(RecoveryProbe.newLeader(leader, "uid-of-a-deleted-pod").observe(env).holds()).isTrue();
        world.vault.restart(leader);
        RecoveryProbe.Observation sealed = RecoveryProbe.unsealed(leader).observe(env);
        assertThat(sealed.holds()).isFalse();
        assertThat(sealed.state()).contains(leader + ": SEALED");
        RecoveryProbe.Observation notReady = RecoveryProbe.readyGate().observe(env);
        assertThat(notReady.holds()).isFalse();
        assertThat(notReady.state()).as("what the gate saw, without the message of its own one-millisecond wait")
                .contains(leader).doesNotContain("Timed out waiting", "timeout 1ms");
        assertThat(RecoveryProbe.allUnsealed().negate().observe(env).holds()).isTrue();
        assertThat(RecoveryProbe.allUnsealed().negate().name()).isEqualTo("not all nodes unsealed");
    }

    @Test
    void theLoginProbeLogsInWithTheSuppliedToken() {
        world.kubernetesAuth();
        ServiceAccountToken token = world.chaos.serviceAccounts().issueToken("app");
        RecoveryProbe login = RecoveryProbe.loginSucceeds("app", token::jwt);

        assertThat(login.observe(world.env).holds()).isTrue();
        world.vault.kubernetes().setTokenReviewFails(true);
        RecoveryProbe.Observation denied = login.observe(world.env);
        assertThat(denied.holds()).isFalse();
        assertThat(denied.state()).isEqualTo("login denied: HTTP 403 [permission denied]")
                .doesNotContain(token.jwt().reveal());
    }

    @Test
    void aTolerantProbeTurnsFailuresIntoObservations() {
        RecoveryProbe failing = RecoveryProbe.tolerant(RecoveryProbe.probing("boom", env -> {
            throw new IllegalStateException("no route");
        }));

        assertThat(failing.observe(world.env)).isEqualTo(new RecoveryProbe.Observation(false,
                "IllegalStateException: no route"));
    }

    /** A clock the test moves; the waits themselves run on real time. */
    private static final class SteppingClock extends Clock {
        volatile Instant now = T0;

        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }
}
