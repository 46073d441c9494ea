package dev.vaulttest.internal;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.base.WaitAbortedException;
import dev.vaulttest.base.WaitTimeoutException;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.LongSupplier;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The library's single polling primitive: every wait has a name, a timeout, an interval, and reports
 * the last state it observed when it gives up.
 *
 * <p>A probe that throws a {@link RuntimeException} does not end the wait: the exception is recorded as
 * the observed state and the probe is retried (Kubernetes and Vault calls fail transiently during chaos).
 * A probe that knows the state can never become good throws {@link Abort}, which ends the wait at once
 * with a {@link WaitAbortedException}.
 */
public final class Wait {

    private static final Logger LOG = LoggerFactory.getLogger(Wait.class);
    private static final Wait SYSTEM = new Wait(System::nanoTime, duration -> Thread.sleep(duration.toMillis()));

    private final LongSupplier nanoClock;
    private final Sleeper sleeper;

    Wait(LongSupplier nanoClock, Sleeper sleeper) {
        this.nanoClock = nanoClock;
        this.sleeper = sleeper;
    }

    /**
     * Polls {@code probe} until {@code done} accepts what it returned, or the timeout passes.
     *
     * @param name what is awaited, in words, for example {@code "k3s node Ready"}; appears in logs and errors
     * @param timeout how long to wait at most
     * @param interval the pause between two probes
     * @param probe reads the current state; may throw to signal a transient failure, or {@link Abort}
     * @param done tells whether the observed state is the awaited one
     * @param describer renders an observed state for logs and the timeout message; must not reveal secrets
     * @param <T> the observed state's type
     * @return the first observed state that {@code done} accepted
     * @throws WaitTimeoutException when the timeout passes first; its message names the wait, the timeout,
     *     the time spent and the last observed state
     * @throws WaitAbortedException when the probe throws {@link Abort}
     */
    public static <T> T until(String name, Duration timeout, Duration interval, Supplier<? extends T> probe,
            Predicate<? super T> done, Function<? super T, String> describer) {
        return SYSTEM.poll(name, timeout, interval, probe, done, describer);
    }

    <T> T poll(String name, Duration timeout, Duration interval, Supplier<? extends T> probe,
            Predicate<? super T> done, Function<? super T, String> describer) {
        Objects.requireNonNull(name, "name");
        requirePositive(timeout, "timeout");
        requirePositive(interval, "interval");
        long start = nanoClock.getAsLong();
        String last = "nothing observed yet";
        int attempts = 0;
        while (true) {
            attempts++;
            String observed;
            try {
                T value = probe.get();
                if (done.test(value)) {
                    LOG.debug("{}: done after {} ({} probes)", name, elapsedSince(start), attempts);
                    return value;
                }
                observed = describe(describer, value);
            } catch (Abort abort) {
                throw new WaitAbortedException("Gave up waiting for " + name + " after "
                        + Durations.format(elapsedSince(start)) + ": " + abort.getMessage(), name, abort);
            } catch (RuntimeException e) {
                observed = "probe failed: " + e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (!observed.equals(last)) {
                LOG.debug("{}: {}", name, observed);
                last = observed;
            }
            Duration elapsed = elapsedSince(start);
            if (elapsed.compareTo(timeout) >= 0) {
                throw new WaitTimeoutException("Timed out waiting for " + name + " after " + Durations.format(elapsed)
                        + " (timeout " + Durations.format(timeout) + "). Last observed: " + last + ". Raise the"
                        + " timeout if the system is just slow, otherwise the last observed state says what is stuck.",
                        name, timeout, elapsed, last);
            }
            Duration remaining = timeout.minus(elapsed);
            pause(name, remaining.compareTo(interval) < 0 ? remaining : interval);
        }
    }

    private static <T> String describe(Function<? super T, String> describer, T value) {
        try {
            return String.valueOf(describer.apply(value));
        } catch (RuntimeException e) {
            return "unreadable state (" + e.getClass().getSimpleName() + ": " + e.getMessage() + ")";
        }
    }

    private void pause(String name, Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VaultTestException("Interrupted while waiting for " + name + "; the wait was abandoned.", e);
        }
    }

    private Duration elapsedSince(long start) {
        return Duration.ofNanos(nanoClock.getAsLong() - start);
    }

    private static void requirePositive(Duration duration, String what) {
        Objects.requireNonNull(duration, what);
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(what + " must be positive, got " + duration);
        }
    }

    /** Pauses the polling thread; replaced in tests. */
    @FunctionalInterface
    interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    /**
     * Thrown by a probe to end a wait at once, because the observed state can never become the awaited one
     * (for example a pod in CrashLoopBackOff because of a configuration error).
     */
    public static final class Abort extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * Creates the signal.
         *
         * @param reason what was observed and why waiting longer cannot help; must not reveal secrets
         */
        public Abort(String reason) {
            super(reason);
        }
    }
}
