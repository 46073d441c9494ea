package dev.vaulttest;

import dev.vaulttest.vault.HealthStatus;
import dev.vaulttest.vault.HealthStatus.HealthState;
import dev.vaulttest.vault.SealStatus;
import java.util.Objects;
import java.util.Optional;

/**
 * One Vault node as observed at one moment: its pod and what Vault answered.
 *
 * @param name the pod name, for example {@code vault-0}
 * @param podUid the pod's UID, which changes when the pod is recreated; empty when there is no pod
 * @param podPhase the pod phase ({@code Running}, {@code Pending}, ...); empty when there is no pod
 * @param podReady whether Kubernetes reports the pod Ready (for the chart: {@code vault status} succeeds)
 * @param restarts the Vault container's restart count
 * @param sealStatus what {@code sys/seal-status} answered; empty when Vault could not be reached
 * @param health what {@code sys/health} answered; empty when Vault could not be reached
 * @param unreachableReason why Vault could not be asked, when it could not
 */
public record NodeSnapshot(String name, Optional<String> podUid, Optional<String> podPhase, boolean podReady,
        int restarts, Optional<SealStatus> sealStatus, Optional<HealthStatus> health,
        Optional<String> unreachableReason) {

    /**
     * Validates the components.
     *
     * @param name the pod name
     * @param podUid the pod's UID
     * @param podPhase the pod phase
     * @param podReady whether the pod is Ready
     * @param restarts the container restart count
     * @param sealStatus the seal status, if Vault answered
     * @param health the health, if Vault answered
     * @param unreachableReason why Vault could not be asked
     */
    public NodeSnapshot {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(podUid, "podUid");
        Objects.requireNonNull(podPhase, "podPhase");
        Objects.requireNonNull(sealStatus, "sealStatus");
        Objects.requireNonNull(health, "health");
        Objects.requireNonNull(unreachableReason, "unreachableReason");
    }

    /**
     * The node's role, derived from its health answer.
     *
     * @return the role; {@link NodeRole#UNREACHABLE} when Vault did not answer
     */
    public NodeRole role() {
        if (health.isEmpty()) {
            return NodeRole.UNREACHABLE;
        }
        HealthState state = health.get().state();
        return switch (state) {
            case ACTIVE -> NodeRole.ACTIVE;
            case STANDBY, PERFORMANCE_STANDBY, STANDBY_HA_UNHEALTHY -> NodeRole.STANDBY;
            case SEALED -> NodeRole.SEALED;
            case NOT_INITIALIZED -> NodeRole.UNINITIALIZED;
            default -> NodeRole.OTHER;
        };
    }

    /**
     * Tells whether Vault answered that this node is unsealed.
     *
     * @return {@code true} when the seal status says unsealed
     */
    public boolean isUnsealed() {
        return sealStatus.map(SealStatus::isUnsealed).orElse(false);
    }

    /**
     * A one-line description for messages: name, role, pod phase and readiness, seal progress.
     *
     * @return the description; never contains secrets
     */
    public String describe() {
        StringBuilder text = new StringBuilder(name).append(": ").append(role());
        podPhase.ifPresentOrElse(phase -> text.append(", pod ").append(phase).append(podReady ? " ready" : " not ready"),
                () -> text.append(", no pod"));
        if (restarts > 0) {
            text.append(", ").append(restarts).append(" restarts");
        }
        sealStatus.filter(SealStatus::sealed).ifPresent(s -> text.append(", unseal progress ")
                .append(s.progress()).append('/').append(s.threshold()));
        unreachableReason.ifPresent(reason -> text.append(" (").append(reason).append(')'));
        return text.toString();
    }
}
