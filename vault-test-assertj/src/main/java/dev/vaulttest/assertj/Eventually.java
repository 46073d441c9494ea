package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.error.ShouldEventuallySatisfy.shouldEventuallySatisfy;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironment;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.awaitility.Awaitility;
import org.awaitility.core.ConditionTimeoutException;

/**
 * Makes any assertion eventual: observe the subject, assert, and repeat until the assertion passes or time runs
 * out. Backed by Awaitility; immutable, so a configured instance can be kept and reused.
 *
 * <pre>{@code
 * DeploymentSnapshot healed = VaultAssertions.eventually(Duration.ofMinutes(2))
 *         .pollingEvery(Duration.ofSeconds(1))
 *         .untilAsserted(env, snapshot -> assertThat(snapshot).isUnsealed().hasExactlyOneActiveNode());
 * }</pre>
 *
 * <p>Each attempt observes the subject afresh (for a deployment, a new snapshot). An exception while observing or
 * asserting counts as a failed attempt. On timeout an {@link AssertionError} says what was waited for, the time
 * allowed, how many attempts were made and how long it took, followed by the message of the last failure (for a
 * deployment: the last snapshot's assertion message, with every node); that failure is also the cause:
 *
 * <pre>
 * Expecting deployment vault-test-7f3a/vault
 *   to satisfy the assertion within 120.0 s (polling every 1.00 s)
 * but it still failed after 118 attempts in 120.3 s; the last failure (attempt 118, at 119.8 s) was:
 * Expecting deployment vault-test-7f3a/vault
 *   to be unsealed on every node
 * but 1 of 3 nodes was not: vault-1 is SEALED (unseal progress 0/2)
 * ...
 * </pre>
 */
public final class Eventually {

    private final Duration timeout;
    private final Duration pollInterval;
    private final Optional<String> name;

    private Eventually(Duration timeout, Duration pollInterval, Optional<String> name) {
        this.timeout = timeout;
        this.pollInterval = pollInterval;
        this.name = name;
    }

    /**
     * Waits up to a time, polling every second (or, for shorter timeouts, a tenth of the timeout).
     *
     * @param timeout how long the assertion may take to pass
     * @return the wait
     * @throws IllegalArgumentException when {@code timeout} is null, zero or negative
     */
    static Eventually within(Duration timeout) {
        Arguments.requirePositive(timeout, "timeout");
        Duration tenth = timeout.dividedBy(10);
        Duration poll = tenth.compareTo(Duration.ofSeconds(1)) < 0 ? tenth : Duration.ofSeconds(1);
        return new Eventually(timeout, poll.isZero() ? timeout : poll, Optional.empty());
    }

    /**
     * Sets how often the subject is observed again.
     *
     * @param interval the time between the start of an attempt and the next one
     * @return a new wait with that interval
     * @throws IllegalArgumentException when {@code interval} is null, zero, negative or longer than the timeout
     */
    public Eventually pollingEvery(Duration interval) {
        Arguments.requirePositive(interval, "poll interval");
        Arguments.require(interval.compareTo(timeout) <= 0, "The poll interval " + interval
                + " must not be longer than the timeout " + timeout);
        return new Eventually(timeout, interval, name);
    }

    /**
     * Names what is waited for, in the timeout message (by default the subject: the deployment, or "the
     * subject").
     *
     * @param description for example {@code "new leader after killing vault-0"}
     * @return a new wait with that name
     * @throws IllegalArgumentException when {@code description} is blank
     */
    public Eventually named(String description) {
        return new Eventually(timeout, pollInterval, Optional.of(Arguments.requireText(description, "name")));
    }

    /**
     * The time the assertion may take.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * The time between attempts.
     *
     * @return the poll interval
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * Snapshots the deployment and asserts on the snapshot until the assertion passes.
     *
     * @param env the deployment
     * @param assertion assertions on one snapshot, for example {@code s -> assertThat(s).isUnsealed()}
     * @return the snapshot the assertion passed on
     * @throws AssertionError when it did not pass in time; the message ends with the last snapshot's failure
     * @throws IllegalArgumentException when an argument is null
     */
    public DeploymentSnapshot untilAsserted(VaultEnvironment env, Consumer<? super DeploymentSnapshot> assertion) {
        Arguments.requireNonNull(env, "environment");
        return await("deployment " + env.namespace() + "/" + env.releaseName(), env::snapshot, assertion);
    }

    /**
     * Observes a subject and asserts on it until the assertion passes.
     *
     * @param subject observes the subject, for example {@code () -> KvRead.of(client, "secret", "app")}
     * @param assertion assertions on one observation
     * @param <T> the subject's type
     * @return the observation the assertion passed on
     * @throws AssertionError when it did not pass in time; the message ends with the last failure
     * @throws IllegalArgumentException when an argument is null
     */
    public <T> T untilAsserted(Supplier<? extends T> subject, Consumer<? super T> assertion) {
        return await("the subject", subject, assertion);
    }

    /**
     * Runs an assertion until it passes.
     *
     * @param assertion an assertion that observes what it needs itself
     * @throws AssertionError when it did not pass in time; the message ends with the last failure
     * @throws IllegalArgumentException when {@code assertion} is null
     */
    public void untilAsserted(Runnable assertion) {
        Arguments.requireNonNull(assertion, "assertion");
        await("the assertion", () -> null, ignored -> assertion.run());
    }

    <T> T await(String subjectName, Supplier<? extends T> subject, Consumer<? super T> assertion) {
        Arguments.requireNonNull(subject, "subject");
        Arguments.requireNonNull(assertion, "assertion");
        String waitedFor = name.orElse(subjectName);
        AtomicInteger attempts = new AtomicInteger();
        AtomicReference<Throwable> lastFailure = new AtomicReference<>();
        AtomicReference<Long> lastFailureAt = new AtomicReference<>(0L);
        AtomicReference<T> passed = new AtomicReference<>();
        long start = System.nanoTime();
        try {
            Awaitility.await(waitedFor)
                    .atMost(timeout)
                    .pollDelay(Duration.ZERO)
                    .pollInterval(pollInterval)
                    .pollInSameThread()
                    .untilAsserted(() -> {
                        attempts.incrementAndGet();
                        try {
                            T observed = subject.get();
                            assertion.accept(observed);
                            passed.set(observed);
                        } catch (AssertionError | RuntimeException e) {
                            lastFailure.set(e);
                            lastFailureAt.set(System.nanoTime() - start);
                            throw e instanceof AssertionError error ? error : new AssertionError(e);
                        }
                    });
        } catch (ConditionTimeoutException e) {
            long elapsed = System.nanoTime() - start;
            Throwable last = lastFailure.get();
            String lastMessage = last == null ? "(no attempt finished)"
                    : last instanceof AssertionError ? String.valueOf(last.getMessage())
                    : last.getClass().getName() + ": " + last.getMessage();
            AssertionError timedOut = new AssertionError(shouldEventuallySatisfy(waitedFor, timeout, pollInterval,
                    attempts.get(), Duration.ofNanos(elapsed), Duration.ofNanos(lastFailureAt.get()), lastMessage)
                    .create(), last);
            throw timedOut;
        }
        return passed.get();
    }

    @Override
    public String toString() {
        return "Eventually[" + name.map(n -> n + ", ").orElse("") + "within " + timeout + ", polling every "
                + pollInterval + "]";
    }
}
