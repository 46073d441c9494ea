package dev.vaulttest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.WaitAbortedException;
import dev.vaulttest.base.WaitTimeoutException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class WaitTest {

    /** A fake clock that advances only when the wait sleeps, so timeouts are exact and tests are instant. */
    private final AtomicLong now = new AtomicLong();
    private final List<Duration> sleeps = new ArrayList<>();
    private final Wait wait = new Wait(now::get, d -> {
        sleeps.add(d);
        now.addAndGet(d.toNanos());
    });

    @Test
    void returnsTheFirstStateThatIsDoneWithoutSleeping() {
        String result = wait.poll("ready", Duration.ofSeconds(1), Duration.ofMillis(100),
                () -> "ready", "ready"::equals, s -> s);

        assertThat(result).isEqualTo("ready");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void pollsAtTheIntervalUntilTheStateIsDone() {
        AtomicInteger calls = new AtomicInteger();

        int result = wait.poll("counter reaches 3", Duration.ofSeconds(10), Duration.ofMillis(250),
                calls::incrementAndGet, n -> n >= 3, String::valueOf);

        assertThat(result).isEqualTo(3);
        assertThat(sleeps).containsExactly(Duration.ofMillis(250), Duration.ofMillis(250));
    }

    @Test
    void timeoutMessageNamesTheWaitTheTimeoutTheElapsedTimeAndTheLastState() {
        AtomicInteger calls = new AtomicInteger();

        assertThatThrownBy(() -> wait.poll("CoreDNS Ready", Duration.ofSeconds(2), Duration.ofMillis(500),
                calls::incrementAndGet, n -> false, n -> "coredns 0/1 ready (probe " + n + ")"))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("CoreDNS Ready")
                .hasMessageContaining("timeout 2.0s")
                .hasMessageContaining("after 2.0s")
                .hasMessageContaining("coredns 0/1 ready (probe 5)")
                .satisfies(e -> {
                    WaitTimeoutException timeout = (WaitTimeoutException) e;
                    assertThat(timeout.waitName()).isEqualTo("CoreDNS Ready");
                    assertThat(timeout.elapsed()).isEqualTo(Duration.ofSeconds(2));
                    assertThat(timeout.lastObserved()).isEqualTo("coredns 0/1 ready (probe 5)");
                });
    }

    @Test
    void neverSleepsPastTheDeadline() {
        assertThatThrownBy(() -> wait.poll("never", Duration.ofMillis(700), Duration.ofMillis(500),
                () -> 0, n -> false, String::valueOf))
                .isInstanceOf(WaitTimeoutException.class);

        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(200));
    }

    @Test
    void probeExceptionsAreRetriedAndReportedAsTheObservedState() {
        AtomicInteger calls = new AtomicInteger();

        String result = wait.poll("api answers", Duration.ofSeconds(5), Duration.ofMillis(100), () -> {
            if (calls.incrementAndGet() < 3) {
                throw new IllegalStateException("connection refused");
            }
            return "ok";
        }, "ok"::equals, s -> s);

        assertThat(result).isEqualTo("ok");

        assertThatThrownBy(() -> wait.poll("api answers", Duration.ofSeconds(1), Duration.ofMillis(100), () -> {
            throw new IllegalStateException("connection refused");
        }, s -> true, String::valueOf))
                .isInstanceOf(WaitTimeoutException.class)
                .hasMessageContaining("probe failed: IllegalStateException: connection refused");
    }

    @Test
    void abortFromTheProbeEndsTheWaitAtOnce() {
        assertThatThrownBy(() -> wait.poll("vault-0 Running", Duration.ofMinutes(5), Duration.ofSeconds(1), () -> {
            throw new Wait.Abort("container vault is in CrashLoopBackOff");
        }, s -> true, String::valueOf))
                .isInstanceOf(WaitAbortedException.class)
                .hasMessageContaining("vault-0 Running")
                .hasMessageContaining("CrashLoopBackOff");
        assertThat(sleeps).isEmpty();
    }

    @Test
    void rejectsNonPositiveTimeouts() {
        assertThatThrownBy(() -> wait.poll("x", Duration.ZERO, Duration.ofMillis(1), () -> 1, n -> true, String::valueOf))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("timeout");
    }

    @Test
    void realClockWaitWorksEndToEnd() {
        long deadline = System.nanoTime() + Duration.ofMillis(60).toNanos();

        Long result = Wait.until("60ms pass", Duration.ofSeconds(5), Duration.ofMillis(10),
                System::nanoTime, t -> t >= deadline, String::valueOf);

        assertThat(result).isGreaterThanOrEqualTo(deadline);
    }
}
