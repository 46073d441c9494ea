package dev.vaulttest.chaos;

import dev.vaulttest.timing.RecoveryMeasurement;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A disruption that was applied and verified to have taken effect. {@link #close()} heals what can be healed
 * (a pod deletion heals itself; a NetworkPolicy is deleted; the KMS is made reachable) and is idempotent, so a
 * handle belongs in try-with-resources.
 */
public interface Disruption extends AutoCloseable {

    /**
     * The kind of disruption, a short stable id such as {@code delete-pod} or {@code block-apiserver}; reports
     * group recovery times by it.
     *
     * @return the kind
     */
    String kind();

    /**
     * What was disrupted, for example {@code pod/vault-0} or {@code networkpolicy/vt-block-apiserver}.
     *
     * @return the target
     */
    String target();

    /**
     * When the disruption was applied; recovery times count from here.
     *
     * @return the time
     */
    Instant appliedAt();

    /**
     * When the disruption was healed by {@link #close()}.
     *
     * @return the time; empty before closing, and for disruptions that heal by themselves or cannot be healed
     */
    Optional<Instant> healedAt();

    /**
     * What showed that the fault took effect.
     *
     * @return the verification
     */
    Verification verification();

    /**
     * Waits for and times recoveries from this disruption.
     *
     * @return the recovery helper, bound to this disruption
     */
    Recovery recovery();

    /**
     * Every recovery measurement recorded against this disruption, in order.
     *
     * @return the measurements
     */
    List<RecoveryMeasurement> measurements();

    /**
     * Heals what can be healed and records when. Idempotent; a second call does nothing.
     */
    @Override
    void close();

    /**
     * How a disruption showed that it took effect.
     *
     * @param expected what had to be seen, for example {@code pod vault-0 gone (no pod with UID 1234)}
     * @param observed what was seen
     * @param verifiedAt when it was seen
     */
    public record Verification(String expected, String observed, Instant verifiedAt) {

        /**
         * Validates the components.
         *
         * @param expected what had to be seen
         * @param observed what was seen
         * @param verifiedAt when it was seen
         */
        public Verification {
            Objects.requireNonNull(expected, "expected");
            Objects.requireNonNull(observed, "observed");
            Objects.requireNonNull(verifiedAt, "verifiedAt");
        }
    }
}
