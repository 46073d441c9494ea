package dev.vaulttest.chaos;

import dev.vaulttest.base.Versions;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Chaos} applies, verifies and times disruptions. Immutable; start from {@link #defaults()} or
 * {@link #builder()}.
 *
 * @param faultTimeout how long a fault may take to show (a deleted pod gone, a claim removed, a policy in force)
 *     before it counts as not effective
 * @param recoveryTimeout how long {@link Recovery#await(RecoveryProbe)} waits by default
 * @param pollInterval the pause between two observations
 * @param canaryImage the image of NetworkPolicy canary pods (a curl image)
 * @param canaryTimeout how long a canary pod may take, image pull included
 * @param verifyEachPolicy whether every blocking policy is also checked by a canary against its own
 *     destination, on top of the once-per-cluster enforcement check
 * @param snapshotDirectory where chart upgrades save the raft snapshot they take first
 * @param upgrader runs {@code helm upgrade} for the chart upgrades
 * @param policyEnforcement remembers the once-per-cluster enforcement check; share it between tests
 * @param measurementListener receives every recovery measurement as it is recorded (the report collector)
 * @param clock stamps {@code appliedAt}, {@code healedAt} and recovery times
 */
public record ChaosOptions(Duration faultTimeout, Duration recoveryTimeout, Duration pollInterval, String canaryImage,
        Duration canaryTimeout, boolean verifyEachPolicy, Path snapshotDirectory, ReleaseUpgrader upgrader,
        NetworkPolicyEnforcement policyEnforcement, Consumer<RecoveryMeasurement> measurementListener, Clock clock) {

    /**
     * Validates the options.
     *
     * @param faultTimeout how long a fault may take to show
     * @param recoveryTimeout the default recovery wait
     * @param pollInterval the pause between observations
     * @param canaryImage the canary image
     * @param canaryTimeout how long a canary may take
     * @param verifyEachPolicy whether each policy gets its own canary
     * @param snapshotDirectory where upgrade snapshots go
     * @param upgrader runs helm upgrade
     * @param policyEnforcement the enforcement record
     * @param measurementListener receives measurements
     * @param clock the clock
     */
    public ChaosOptions {
        requirePositive(faultTimeout, "faultTimeout");
        requirePositive(recoveryTimeout, "recoveryTimeout");
        requirePositive(pollInterval, "pollInterval");
        requirePositive(canaryTimeout, "canaryTimeout");
        Objects.requireNonNull(canaryImage, "canaryImage");
        if (canaryImage.isBlank()) {
            throw new IllegalArgumentException("canaryImage must name an image with curl, got a blank string");
        }
        Objects.requireNonNull(snapshotDirectory, "snapshotDirectory");
        Objects.requireNonNull(upgrader, "upgrader");
        Objects.requireNonNull(policyEnforcement, "policyEnforcement");
        Objects.requireNonNull(measurementListener, "measurementListener");
        Objects.requireNonNull(clock, "clock");
    }

    /**
     * The defaults: 2 minutes for a fault to show, 3 minutes to recover, polling every second, the pinned canary
     * image with 3 minutes to run, a canary per policy, snapshots under {@code target/vault-test/snapshots},
     * {@link ReleaseUpgrader#helm()}, a fresh enforcement record, no listener, the system clock.
     *
     * @return the default options
     */
    public static ChaosOptions defaults() {
        return builder().build();
    }

    /**
     * A builder with the defaults.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * A builder that starts from these options.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        return new Builder().faultTimeout(faultTimeout).recoveryTimeout(recoveryTimeout).pollInterval(pollInterval)
                .canaryImage(canaryImage).canaryTimeout(canaryTimeout).verifyEachPolicy(verifyEachPolicy)
                .snapshotDirectory(snapshotDirectory).upgrader(upgrader).policyEnforcement(policyEnforcement)
                .measurementListener(measurementListener).clock(clock);
    }

    private static void requirePositive(Duration value, String name) {
        Objects.requireNonNull(value, name);
        if (value.isZero() || value.isNegative()) {
            throw new IllegalArgumentException("Chaos option '" + name + "' must be positive, got " + value);
        }
    }

    /** Builds {@link ChaosOptions}. */
    public static final class Builder {

        private Duration faultTimeout = Duration.ofMinutes(2);
        private Duration recoveryTimeout = Duration.ofMinutes(3);
        private Duration pollInterval = Duration.ofSeconds(1);
        private String canaryImage = Versions.CANARY_IMAGE;
        private Duration canaryTimeout = Duration.ofMinutes(3);
        private boolean verifyEachPolicy = true;
        private Path snapshotDirectory = Path.of("target", "vault-test", "snapshots");
        private ReleaseUpgrader upgrader = ReleaseUpgrader.helm();
        private NetworkPolicyEnforcement policyEnforcement = new NetworkPolicyEnforcement();
        private Consumer<RecoveryMeasurement> measurementListener = measurement -> { };
        private Clock clock = Clock.systemUTC();

        private Builder() {
        }

        /**
         * How long a fault may take to show before it counts as not effective (default 2 minutes).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder faultTimeout(Duration timeout) {
            this.faultTimeout = timeout;
            return this;
        }

        /**
         * How long recoveries are awaited by default (default 3 minutes).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder recoveryTimeout(Duration timeout) {
            this.recoveryTimeout = timeout;
            return this;
        }

        /**
         * The pause between two observations (default 1 second).
         *
         * @param interval the interval
         * @return this builder
         */
        public Builder pollInterval(Duration interval) {
            this.pollInterval = interval;
            return this;
        }

        /**
         * The canary image (default {@link Versions#CANARY_IMAGE}; the JUnit extension's injected {@code Chaos}
         * takes the setting {@code vaulttest.canary.image}); it must have {@code sh} and {@code curl}.
         *
         * @param image the image
         * @return this builder
         */
        public Builder canaryImage(String image) {
            this.canaryImage = image;
            return this;
        }

        /**
         * How long a canary pod may take, image pull included (default 3 minutes).
         *
         * @param timeout the timeout
         * @return this builder
         */
        public Builder canaryTimeout(Duration timeout) {
            this.canaryTimeout = timeout;
            return this;
        }

        /**
         * Whether every blocking policy is also checked by a canary against its own destination (default on).
         *
         * @param verify whether to check each policy
         * @return this builder
         */
        public Builder verifyEachPolicy(boolean verify) {
            this.verifyEachPolicy = verify;
            return this;
        }

        /**
         * Where chart upgrades save their raft snapshot (default {@code target/vault-test/snapshots}).
         *
         * @param directory the directory
         * @return this builder
         */
        public Builder snapshotDirectory(Path directory) {
            this.snapshotDirectory = directory;
            return this;
        }

        /**
         * What runs {@code helm upgrade} for chart upgrades (default: {@link ReleaseUpgrader#helm()}).
         *
         * @param upgrader the upgrader
         * @return this builder
         */
        public Builder upgrader(ReleaseUpgrader upgrader) {
            this.upgrader = upgrader;
            return this;
        }

        /**
         * The record of once-per-cluster enforcement checks (default: a fresh one).
         *
         * @param enforcement the record to share
         * @return this builder
         */
        public Builder policyEnforcement(NetworkPolicyEnforcement enforcement) {
            this.policyEnforcement = enforcement;
            return this;
        }

        /**
         * Receives every recovery measurement as it is recorded (default: none).
         *
         * @param listener the listener
         * @return this builder
         */
        public Builder measurementListener(Consumer<RecoveryMeasurement> listener) {
            this.measurementListener = listener;
            return this;
        }

        /**
         * The clock for timestamps (default: the system UTC clock).
         *
         * @param clock the clock
         * @return this builder
         */
        public Builder clock(Clock clock) {
            this.clock = clock;
            return this;
        }

        /**
         * Builds the options.
         *
         * @return the options
         */
        public ChaosOptions build() {
            return new ChaosOptions(faultTimeout, recoveryTimeout, pollInterval, canaryImage, canaryTimeout,
                    verifyEachPolicy, snapshotDirectory, upgrader, policyEnforcement, measurementListener, clock);
        }
    }
}
