package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static dev.vaulttest.assertj.VaultAssertions.assertThatEventually;
import static dev.vaulttest.assertj.VaultAssertions.eventually;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.fixture.VaultDouble;
import dev.vaulttest.testkit.FakeVaultCluster;
import dev.vaulttest.vault.Sensitive;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.assertj.core.api.Assertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class EventuallyTest {

    private static final String NL = System.lineSeparator();
    private static final Duration SHORT = Duration.ofMillis(600);
    private static final Duration POLL = Duration.ofMillis(50);

    private VaultDouble vault;
    private FakeEnvironment env;

    @BeforeEach
    void sealVault1() {
        vault = VaultDouble.running(FakeVaultCluster.builder().nodes(3));
        vault.restart("vault-1");
        env = FakeEnvironment.over(vault);
    }

    @AfterEach
    void stop() {
        vault.close();
    }

    /** Unseals vault-1 when the given snapshot is about to be taken. */
    private void unsealBeforeSnapshot(int number) {
        env.beforeSnapshot(count -> {
            if (count == number) {
                vault.client("vault-1").unseal(vault.unsealKeys().subList(0, 2).stream().map(Sensitive::of).toList());
            }
        });
    }

    @Test
    void an_eventual_deployment_assertion_passes_once_the_double_changes_after_three_polls() {
        unsealBeforeSnapshot(3);

        DeploymentSnapshot healed = eventually(Duration.ofSeconds(10)).pollingEvery(POLL)
                .untilAsserted(env, snapshot -> assertThat(snapshot).isUnsealed().hasExactlyOneActiveNode());

        assertThat(healed).isUnsealedOn("vault-1");
        Assertions.assertThat(env.snapshotsTaken()).isEqualTo(3);
    }

    @Test
    void assert_that_eventually_observes_a_fresh_snapshot_per_attempt() {
        unsealBeforeSnapshot(2);

        DeploymentSnapshot healed = assertThatEventually(env::snapshot).within(Duration.ofSeconds(10))
                .pollingEvery(POLL).satisfies(snapshot -> assertThat(snapshot).isUnsealed());

        assertThat(healed).isUnsealed();
        Assertions.assertThat(env.snapshotsTaken()).isEqualTo(2);
    }

    @Test
    void a_timeout_reports_the_last_snapshots_failure_the_attempts_and_the_elapsed_time() {
        vault.snapshot(); // warm up HTTP clients and class loading, so the timed attempts are representative
        AssertionError error = Assertions.catchThrowableOfType(AssertionError.class,
                () -> eventually(Duration.ofMillis(1500)).pollingEvery(Duration.ofMillis(100))
                        .untilAsserted(env, snapshot -> assertThat(snapshot).isUnsealed()));

        int attempts = env.snapshotsTaken();
        Assertions.assertThat(attempts).isPositive();
        Assertions.assertThat(error.getMessage())
                .matches("(?s)Expecting deployment vault-test-7f3a/vault" + NL
                        + "  to satisfy the assertion within 1\\.50 s \\(polling every 0\\.10 s\\)" + NL
                        + "but it still failed after " + attempts + " attempts? in \\d+\\.\\d+ s; the last failure"
                        + " \\(attempt " + attempts + ", at \\d+\\.\\d+ s\\) was:" + NL
                        + "Expecting deployment vault-test-7f3a/vault" + NL
                        + "  to be unsealed on every node" + NL
                        + "but 1 of 3 nodes was not: vault-1 is SEALED \\(unseal progress 0/2\\)" + NL
                        + "Observed deployment vault-test-7f3a/vault .*"
                        + "Hint: nodes need unsealing after every restart; consider auto-unseal");
        String elapsed = error.getMessage().replaceAll("(?s).* attempts in (\\d+\\.\\d+) s;.*", "$1");
        Assertions.assertThat(Double.parseDouble(elapsed)).isGreaterThanOrEqualTo(1.5);
        Assertions.assertThat(error.getCause()).isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting deployment vault-test-7f3a/vault" + NL + "  to be unsealed");
    }

    @Test
    void the_message_is_the_last_failure_not_the_first() {
        AtomicInteger observations = new AtomicInteger();
        // A cheap subject: many attempts fit in the timeout, and each fails with its own value.

        assertThatThrownBy(() -> assertThatEventually(observations::incrementAndGet).within(Duration.ofMillis(300))
                .pollingEvery(POLL).as("the poll counter")
                .satisfies(count -> Assertions.assertThat(count).as("observation").isNegative()))
                .hasMessageStartingWith("Expecting the poll counter" + NL)
                .hasMessageContaining("[observation] " + NL + "Expecting actual:" + NL + "  " + observations.get()
                        + NL + "to be less than:");
        Assertions.assertThat(observations.get()).isGreaterThan(1);
    }

    @Test
    void exceptions_while_observing_count_as_failed_attempts() {
        AtomicInteger calls = new AtomicInteger();

        int value = eventually(Duration.ofSeconds(5)).pollingEvery(POLL).untilAsserted(() -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("Vault is sealed");
            }
            return calls.get();
        }, observed -> Assertions.assertThat(observed).isEqualTo(3));

        Assertions.assertThat(value).isEqualTo(3);
        assertThatThrownBy(() -> eventually(Duration.ofMillis(200)).pollingEvery(POLL).named("kv read on vault-1")
                .untilAsserted(() -> {
                    throw new IllegalStateException("Vault is sealed");
                }))
                .hasMessageStartingWith("Expecting kv read on vault-1" + NL)
                .hasMessageEndingWith("was:" + NL + "java.lang.IllegalStateException: Vault is sealed")
                .cause().isInstanceOf(IllegalStateException.class);
    }

    @Test
    void rejects_bad_timing_arguments() {
        assertThatIllegalArgumentException().isThrownBy(() -> eventually(Duration.ZERO))
                .withMessage("The timeout must be positive but was PT0S");
        assertThatIllegalArgumentException().isThrownBy(() -> eventually(SHORT).pollingEvery(Duration.ofSeconds(1)))
                .withMessage("The poll interval PT1S must not be longer than the timeout PT0.6S");
        assertThatIllegalArgumentException().isThrownBy(() -> eventually(SHORT).untilAsserted((dev.vaulttest.VaultEnvironment) null, s -> { }))
                .withMessage("The environment must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatEventually(null))
                .withMessage("The subject must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThatEventually(env::snapshot).as(""))
                .withMessage("The description must not be blank but was ''");
        Assertions.assertThat(eventually(Duration.ofMinutes(2)).pollInterval()).isEqualTo(Duration.ofSeconds(1));
        Assertions.assertThat(eventually(Duration.ofSeconds(2)).pollInterval()).isEqualTo(Duration.ofMillis(200));
    }
}
