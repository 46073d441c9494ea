package dev.vaulttest.vault;

import java.util.Objects;
import java.util.Optional;

/**
 * How a new node joins an existing Raft cluster with {@code POST /v1/sys/storage/raft/join}.
 *
 * <p>Send it to the joining node, never to a member. Under Shamir the joiner must afterwards be unsealed
 * with the leader's unseal keys; under auto-unseal it unseals itself.
 *
 * @param leaderApiAddr the leader's API address as the joining node can reach it, for example
 *                      {@code https://vault-0.vault-internal:8200}
 * @param leaderCaCertPem the PEM CA certificate of the leader's listener, if it uses TLS
 * @param retry whether the node keeps retrying the join in the background
 */
public record RaftJoinRequest(String leaderApiAddr, Optional<String> leaderCaCertPem, boolean retry) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param leaderApiAddr the leader's API address as the joining node can reach it, for example
     *        {@code https://vault-0.vault-internal:8200}
     * @param leaderCaCertPem the PEM CA certificate of the leader's listener, if it uses TLS
     * @param retry whether the node keeps retrying the join in the background
     */
    public RaftJoinRequest {
        Objects.requireNonNull(leaderApiAddr, "leaderApiAddr");
        Objects.requireNonNull(leaderCaCertPem, "leaderCaCertPem");
        if (leaderApiAddr.isBlank()) {
            throw new IllegalArgumentException("leaderApiAddr must not be blank: give the leader's API address");
        }
    }

    /**
     * A plain join without TLS material and without retry.
     *
     * @param leaderApiAddr the leader's API address
     * @return the request
     */
    public static RaftJoinRequest to(String leaderApiAddr) {
        return new RaftJoinRequest(leaderApiAddr, Optional.empty(), false);
    }

    /**
     * Returns a copy that trusts the leader's CA certificate.
     *
     * @param pem the PEM certificate
     * @return the copy
     */
    public RaftJoinRequest withLeaderCaCert(String pem) {
        return new RaftJoinRequest(leaderApiAddr, Optional.of(pem), retry);
    }

    /**
     * Returns a copy that sets the retry flag.
     *
     * @param retryJoin whether to retry in the background
     * @return the copy
     */
    public RaftJoinRequest withRetry(boolean retryJoin) {
        return new RaftJoinRequest(leaderApiAddr, leaderCaCertPem, retryJoin);
    }

    /** Address and flags; the CA certificate only as set/unset. */
    @Override
    public String toString() {
        return "RaftJoinRequest[" + leaderApiAddr + (leaderCaCertPem.isPresent() ? " caCert=set" : "")
                + " retry=" + retry + "]";
    }
}
