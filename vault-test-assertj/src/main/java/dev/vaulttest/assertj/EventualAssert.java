package dev.vaulttest.assertj;

import java.time.Duration;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * An eventual assertion on a subject observed afresh for every attempt, started with
 * {@link VaultAssertions#assertThatEventually(Supplier)}:
 *
 * <pre>{@code
 * assertThatEventually(env::snapshot)
 *         .within(Duration.ofMinutes(2))
 *         .pollingEvery(Duration.ofSeconds(1))
 *         .satisfies(snapshot -> assertThat(snapshot).isUnsealed().hasLeaderOtherThan("vault-0"));
 * }</pre>
 *
 * <p>Without {@link #within(Duration)} it waits {@link #DEFAULT_TIMEOUT}. Immutable: every setter returns a new
 * object. The timeout message is described on {@link Eventually}.
 *
 * @param <T> the subject's type
 */
public class EventualAssert<T> {

    /** How long {@link #satisfies(Consumer)} waits unless {@link #within(Duration)} says otherwise. */
    public static final Duration DEFAULT_TIMEOUT = Duration.ofMinutes(1);

    private final Supplier<? extends T> subject;
    private final Eventually timing;
    private final String name;

    /**
     * Creates the assertion. Prefer {@link VaultAssertions#assertThatEventually(Supplier)}.
     *
     * @param subject observes the subject, once per attempt
     * @throws IllegalArgumentException when {@code subject} is null
     */
    public EventualAssert(Supplier<? extends T> subject) {
        this(Arguments.requireNonNull(subject, "subject"), Eventually.within(DEFAULT_TIMEOUT), "the subject");
    }

    private EventualAssert(Supplier<? extends T> subject, Eventually timing, String name) {
        this.subject = subject;
        this.timing = timing;
        this.name = name;
    }

    /**
     * Sets how long the assertion may take to pass; the poll interval becomes one second, or a tenth of a
     * shorter timeout, unless {@link #pollingEvery(Duration)} follows.
     *
     * @param timeout the timeout
     * @return a new eventual assertion
     * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
     */
    public EventualAssert<T> within(Duration timeout) {
        return new EventualAssert<>(subject, Eventually.within(timeout), name);
    }

    /**
     * Sets how often the subject is observed again.
     *
     * @param interval the poll interval
     * @return a new eventual assertion
     * @throws IllegalArgumentException when {@code interval} is null, zero, negative or longer than the timeout
     */
    public EventualAssert<T> pollingEvery(Duration interval) {
        return new EventualAssert<>(subject, timing.pollingEvery(interval), name);
    }

    /**
     * Names the subject in the timeout message.
     *
     * @param description for example {@code "deployment after killing the leader"}
     * @return a new eventual assertion
     * @throws IllegalArgumentException when {@code description} is blank
     */
    public EventualAssert<T> as(String description) {
        return new EventualAssert<>(subject, timing, Arguments.requireText(description, "description"));
    }

    /**
     * Observes the subject and runs the assertions until they pass.
     *
     * @param assertion assertions on one observation
     * @return the observation they passed on
     * @throws AssertionError when they did not pass in time; the message ends with the last failure
     * @throws IllegalArgumentException when {@code assertion} is null
     */
    public T satisfies(Consumer<? super T> assertion) {
        return timing.await(name, subject, assertion);
    }
}
