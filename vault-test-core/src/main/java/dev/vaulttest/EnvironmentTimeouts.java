package dev.vaulttest;

import java.time.Duration;
import java.util.Objects;

/**
 * How long each bring-up phase may take, and how often waits poll.
 *
 * @param install Helm install or upgrade, until the release is deployed
 * @param podsRunning until every Vault pod is Running (images pulled, volumes bound)
 * @param ready from the first pod running to the ready gate holding (init, unseal, join included)
 * @param pollInterval the pause between two observations of a wait
 */
public record EnvironmentTimeouts(Duration install, Duration podsRunning, Duration ready, Duration pollInterval) {

    /**
     * Validates that every duration is positive.
     *
     * @param install Helm install or upgrade, until the release is deployed
     * @param podsRunning until every Vault pod is Running
     * @param ready until the ready gate holds
     * @param pollInterval the pause between two observations of a wait
     */
    public EnvironmentTimeouts {
        requirePositive(install, "install");
        requirePositive(podsRunning, "podsRunning");
        requirePositive(ready, "ready");
        requirePositive(pollInterval, "pollInterval");
    }

    /**
     * Defaults sized for a CI runner that pulls images cold: 3 minutes to install, 5 to get pods
     * running, 3 to reach the ready gate, polling every second.
     *
     * @return the default timeouts
     */
    public static EnvironmentTimeouts defaults() {
        return new EnvironmentTimeouts(Duration.ofMinutes(3), Duration.ofMinutes(5), Duration.ofMinutes(3),
                Duration.ofSeconds(1));
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("Timeout '" + name + "' must be positive, got " + value);
        }
    }
}
