package dev.vaulttest.chaos;

import dev.vaulttest.base.Versions;
import dev.vaulttest.chaos.Disruption.Recovery;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Objects;
import java.util.function.Consumer;

/**
 * How {@link Chaos} applies, verifies and times disruptions. Immutable; start from {@link #defaults()} or
 * {@link #builder()}.
 */
public final class ChaosOptions {

    private final Duration faultTimeout;
    private final Duration recoveryTimeout;
    private final Duration pollInterval;
    private final String canaryImage;
    private final Duration canaryTimeout;
    private final boolean verifyEachPolicy;
    private final Path snapshotDirectory;
    private final ReleaseUpgrader upgrader;
    private final NetworkPolicyEnforcement policyEnforcement;
    private final Consumer<RecoveryMeasurement> measurementListener;
    private final Clock clock;

    private ChaosOptions(Builder b) {
        requirePositive(b.faultTimeout, "faultTimeout");
        requirePositive(b.recoveryTimeout, "recoveryTimeout");
        requirePositive(b.pollInterval, "pollInterval");
        requirePositive(b.canaryTimeout, "canaryTimeout");
        Objects.requireNonNull(b.canaryImage, "canaryImage");
        if (b.canaryImage.isBlank()) {
            throw new IllegalArgumentException("canaryImage must name an image with curl, got a blank string");
        }
        this.faultTimeout = b.faultTimeout;
        this.recoveryTimeout = b.recoveryTimeout;
        this.pollInterval = b.pollInterval;
        this.canaryImage = b.canaryImage;
        this.canaryTimeout = b.canaryTimeout;
        this.verifyEachPolicy = b.verifyEachPolicy;
        this.snapshotDirectory = Objects.requireNonNull(b.snapshotDirectory, "snapshotDirectory");
        this.upgrader = Objects.requireNonNull(b.upgrader, "upgrader");
        this.policyEnforcement = Objects.requireNonNull(b.policyEnforcement, "policyEnforcement");
        this.measurementListener = Objects.requireNonNull(b.measurementListener, "measurementListener");
        this.clock = Objects.requireNonNull(b.clock, "clock");
    }

    /**
     * How long a fault may take to show (a deleted pod gone, a claim removed, a policy in force) before it counts
     * as not effective.
     *
     * @return the timeout
     */
    public Duration faultTimeout() {
        return faultTimeout;
    }

    /**
     * How long {@link Recovery#await(RecoveryProbe)} waits by default.
     *
     * @return the timeout
     */
    public Duration recoveryTimeout() {
        return recoveryTimeout;
    }

    /**
     * The pause between two observations.
     *
     * @return the interval
     */
    public Duration pollInterval() {
        return pollInterval;
    }

    /**
     * The image of NetworkPolicy canary pods (a curl image).
     *
     * @return the image
     */
    public String canaryImage() {
        return canaryImage;
    }

    /**
     * How long a canary pod may take, image pull included.
     *
     * @return the timeout
     */
    public Duration canaryTimeout() {
        return canaryTimeout;
    }

    /**
     * Whether every blocking policy is also checked by a canary against its own destination, on top of the
     * once-per-cluster enforcement check.
     *
     * @return {@code true} to check each policy
     */
    public boolean verifyEachPolicy() {
        return verifyEachPolicy;
    }

    /**
     * Where chart upgrades save the raft snapshot they take first.
     *
     * @return the directory
     */
    public Path snapshotDirectory() {
        return snapshotDirectory;
    }

    /** What runs {@code helm upgrade} for the chart upgrades. */
    ReleaseUpgrader upgrader() {
        return upgrader;
    }

    /** Remembers the once-per-cluster enforcement check. */
    NetworkPolicyEnforcement policyEnforcement() {
        return policyEnforcement;
    }

    /**
     * Receives every recovery measurement as it is recorded (the report collector).
     *
     * @return the listener
     */
    public Consumer<RecoveryMeasurement> measurementListener() {
        return measurementListener;
    }

    /**
     * Stamps {@code appliedAt}, {@code healedAt} and recovery times.
     *
     * @return the clock
     */
    public Clock clock() {
        return clock;
    }

    /**
     * The defaults: 2 minutes for a fault to show, 3 minutes to recover, polling every second, the pinned canary
     * image with 3 minutes to run, a canary per policy, snapshots under {@code target/vault-test/snapshots},
     * Helm for chart upgrades, a fresh enforcement record, no listener, the system clock.
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

        /** What runs {@code helm upgrade} for chart upgrades (default: {@link ReleaseUpgrader#helm()}). */
        Builder upgrader(ReleaseUpgrader upgrader) {
            this.upgrader = upgrader;
            return this;
        }

        /** The record of once-per-cluster enforcement checks (default: a fresh one). */
        Builder policyEnforcement(NetworkPolicyEnforcement enforcement) {
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
            return new ChaosOptions(this);
        }
    }
}
