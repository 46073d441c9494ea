package dev.vaulttest.base;

import java.time.Duration;

/** A named wait ran out of time; the message names the wait, the timeout, the time spent and the last state. */
public final class WaitTimeoutException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    /** The name of the wait. */
    private final String waitName;
    private final transient Duration timeout;
    private final transient Duration elapsed;
    /** The description of the last observed state. */
    private final String lastObserved;

    /**
     * Creates the exception.
     *
     * @param message names the wait, the timeout, the time spent and the last observed state
     * @param waitName what was waited for
     * @param timeout the timeout that ran out
     * @param elapsed how long the wait ran
     * @param lastObserved what the wait last saw (must not hold secrets)
     */
    public WaitTimeoutException(String message, String waitName, Duration timeout, Duration elapsed,
            String lastObserved) {
        super(message);
        this.waitName = waitName;
        this.timeout = timeout;
        this.elapsed = elapsed;
        this.lastObserved = lastObserved;
    }

    /**
     * The name of the wait that timed out.
     *
     * @return the wait's name
     */
    public String waitName() {
        return waitName;
    }

    /**
     * The configured timeout.
     *
     * @return the timeout
     */
    public Duration timeout() {
        return timeout;
    }

    /**
     * How long the wait actually took before giving up.
     *
     * @return the elapsed time
     */
    public Duration elapsed() {
        return elapsed;
    }

    /**
     * The description of the last observed state.
     *
     * @return the last state, as rendered by the wait's describer
     */
    public String lastObserved() {
        return lastObserved;
    }
}
