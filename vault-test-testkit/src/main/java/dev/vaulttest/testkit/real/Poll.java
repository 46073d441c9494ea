package dev.vaulttest.testkit.real;

import java.time.Duration;
import java.time.Instant;
import java.util.function.Function;
import java.util.function.Predicate;
import java.util.function.Supplier;

/** The fixtures' one polling primitive: a named wait with a timeout that reports what it last saw. */
public final class Poll {

    private Poll() {
    }

    /**
     * Polls until the probe's answer is accepted.
     *
     * @param name what is awaited, for the failure message
     * @param timeout how long to poll
     * @param interval pause between probes
     * @param probe reads the current state; an exception counts as "not yet" and is described
     * @param done whether the state is the awaited one
     * @param describe renders a state for the failure message
     * @param <T> the state type
     * @return the accepted state
     * @throws IllegalStateException on timeout, naming the wait and the last state or exception
     */
    public static <T> T until(String name, Duration timeout, Duration interval, Supplier<T> probe, Predicate<T> done,
            Function<T, String> describe) {
        Instant deadline = Instant.now().plus(timeout);
        String last = "nothing yet";
        while (true) {
            try {
                T state = probe.get();
                if (done.test(state)) {
                    return state;
                }
                last = describe.apply(state);
            } catch (AbortedException e) {
                throw new IllegalStateException("Gave up waiting for " + name + ": " + e.getMessage(), e);
            } catch (RuntimeException e) {
                last = e.getClass().getSimpleName() + ": " + e.getMessage();
            }
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("Timed out after " + timeout.toMillis() + " ms waiting for " + name
                        + "; last seen: " + last);
            }
            pause(interval);
        }
    }

    private static void pause(Duration interval) {
        try {
            Thread.sleep(interval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AbortedException("interrupted");
        }
    }

    /** Thrown by a probe when waiting longer cannot help (the process died). */
    public static final class AbortedException extends RuntimeException {

        private static final long serialVersionUID = 1L;

        /**
         * Creates the exception.
         *
         * @param message why waiting cannot help
         */
        public AbortedException(String message) {
            super(message);
        }
    }
}
