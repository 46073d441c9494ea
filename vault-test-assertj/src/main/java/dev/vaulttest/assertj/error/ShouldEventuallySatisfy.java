package dev.vaulttest.assertj.error;

import java.time.Duration;
import java.util.List;
import org.assertj.core.error.ErrorMessageFactory;

/** Creates the message of an eventual assertion that did not pass in time: the wait, then the last failure. */
public class ShouldEventuallySatisfy extends VaultErrorMessage {

    private ShouldEventuallySatisfy(String subject, String expectation, String problem) {
        super(subject, expectation, problem, "", List.of());
    }

    /**
     * The assertion still failed when time ran out.
     *
     * @param subject what was waited for, for example {@code deployment vault-test-7f3a/vault}
     * @param timeout the time allowed
     * @param pollInterval the time between attempts
     * @param attempts how many attempts were made
     * @param elapsed how long the wait took
     * @param lastFailureAt when, from the start, the last failure happened
     * @param lastFailure the last failure's message, shown in full (for a deployment, with every node)
     * @return the message factory
     */
    public static ErrorMessageFactory shouldEventuallySatisfy(String subject, Duration timeout, Duration pollInterval,
            int attempts, Duration elapsed, Duration lastFailureAt, String lastFailure) {
        return new ShouldEventuallySatisfy(subject, "to satisfy the assertion within " + Seconds.of(timeout)
                + " (polling every " + Seconds.of(pollInterval) + ")",
                "it still failed after " + attempts + (attempts == 1 ? " attempt" : " attempts") + " in "
                        + Seconds.of(elapsed) + "; the last failure (attempt " + attempts + ", at "
                        + Seconds.of(lastFailureAt) + ") was:" + System.lineSeparator() + lastFailure);
    }
}
