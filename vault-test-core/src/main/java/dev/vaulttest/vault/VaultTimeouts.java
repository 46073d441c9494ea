package dev.vaulttest.vault;

import java.time.Duration;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;

/**
 * How long {@link VaultNodeClient} waits for a node: to connect, and for the answer of each operation.
 *
 * <p>Defaults: connect 5 s, ordinary requests 30 s, Kubernetes-auth login 45 s, snapshot save and restore
 * 5 min. The login default is above 30 s on purpose: when a NetworkPolicy silently drops Vault's traffic to
 * the Kubernetes API server, Vault's TokenReview call only gives up after its 30 s dial timeout and then
 * answers {@code 403 permission denied}; a shorter client timeout would turn that answer into a timeout.
 * Any single operation can be overridden with {@link #withOperation(VaultOperation, Duration)}.
 *
 * @param connect how long to wait for a TCP (and TLS) connection
 * @param request the read timeout of ordinary requests
 * @param kubernetesLogin the read timeout of {@link VaultOperation#KUBERNETES_LOGIN}
 * @param snapshot the read timeout of {@link VaultOperation#SNAPSHOT_SAVE} and {@link VaultOperation#SNAPSHOT_RESTORE}
 * @param overrides per-operation read timeouts that win over the three above
 */
public record VaultTimeouts(
        Duration connect,
        Duration request,
        Duration kubernetesLogin,
        Duration snapshot,
        Map<VaultOperation, Duration> overrides) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param connect how long to wait for a TCP (and TLS) connection
     * @param request the read timeout of ordinary requests
     * @param kubernetesLogin the read timeout of {@link VaultOperation#KUBERNETES_LOGIN}
     * @param snapshot the read timeout of {@link VaultOperation#SNAPSHOT_SAVE} and {@link VaultOperation#SNAPSHOT_RESTORE}
     * @param overrides per-operation read timeouts that win over the three above
     */
    public VaultTimeouts {
        requirePositive(connect, "connect");
        requirePositive(request, "request");
        requirePositive(kubernetesLogin, "kubernetesLogin");
        requirePositive(snapshot, "snapshot");
        Objects.requireNonNull(overrides, "overrides");
        overrides.forEach((operation, timeout) -> requirePositive(timeout, "overrides[" + operation + "]"));
        overrides = Map.copyOf(overrides);
    }

    /**
     * The defaults described on this type.
     *
     * @return connect 5 s, request 30 s, Kubernetes login 45 s, snapshot 5 min, no overrides
     */
    public static VaultTimeouts defaults() {
        return new VaultTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30), Duration.ofSeconds(45),
                Duration.ofMinutes(5), Map.of());
    }

    /**
     * The read timeout that applies to one operation.
     *
     * @param operation the operation about to be sent
     * @return its override if one is set, otherwise the timeout of its kind
     */
    public Duration readTimeout(VaultOperation operation) {
        Duration override = overrides.get(operation);
        if (override != null) {
            return override;
        }
        return switch (operation) {
            case KUBERNETES_LOGIN -> kubernetesLogin;
            case SNAPSHOT_SAVE, SNAPSHOT_RESTORE -> snapshot;
            default -> request;
        };
    }

    /**
     * Returns a copy with another connect timeout.
     *
     * @param timeout the new connect timeout
     * @return the copy
     */
    public VaultTimeouts withConnect(Duration timeout) {
        return new VaultTimeouts(timeout, request, kubernetesLogin, snapshot, overrides);
    }

    /**
     * Returns a copy with another read timeout for ordinary requests.
     *
     * @param timeout the new timeout
     * @return the copy
     */
    public VaultTimeouts withRequest(Duration timeout) {
        return new VaultTimeouts(connect, timeout, kubernetesLogin, snapshot, overrides);
    }

    /**
     * Returns a copy with another read timeout for Kubernetes-auth logins.
     *
     * @param timeout the new timeout; keep it above 30 s to see Vault's own answer when the API server is unreachable
     * @return the copy
     */
    public VaultTimeouts withKubernetesLogin(Duration timeout) {
        return new VaultTimeouts(connect, request, timeout, snapshot, overrides);
    }

    /**
     * Returns a copy with another read timeout for snapshot save and restore.
     *
     * @param timeout the new timeout
     * @return the copy
     */
    public VaultTimeouts withSnapshot(Duration timeout) {
        return new VaultTimeouts(connect, request, kubernetesLogin, timeout, overrides);
    }

    /**
     * Returns a copy in which one operation has its own read timeout.
     *
     * @param operation the operation
     * @param timeout its read timeout
     * @return the copy
     */
    public VaultTimeouts withOperation(VaultOperation operation, Duration timeout) {
        Objects.requireNonNull(operation, "operation");
        Map<VaultOperation, Duration> copy = new EnumMap<>(VaultOperation.class);
        copy.putAll(overrides);
        copy.put(operation, timeout);
        return new VaultTimeouts(connect, request, kubernetesLogin, snapshot, copy);
    }

    private static void requirePositive(Duration timeout, String name) {
        Objects.requireNonNull(timeout, name);
        if (timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("Timeout '" + name + "' must be positive, got " + timeout);
        }
    }
}
