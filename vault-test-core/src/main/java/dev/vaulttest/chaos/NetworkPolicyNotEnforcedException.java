package dev.vaulttest.chaos;

import dev.vaulttest.timing.RecoveryMeasurement;

/**
 * The cluster stores NetworkPolicies but does not enforce them: a canary pod that a deny policy selects still
 * connected. On k3s the embedded policy controller needs iptables and ipset support in the host kernel and is
 * skipped silently without it; other clusters need a CNI that implements NetworkPolicy.
 */
public final class NetworkPolicyNotEnforcedException extends FaultNotEffectiveException {

    private static final long serialVersionUID = 1L;

    /**
     * Creates the exception.
     *
     * @param measurement the {@code FAULT_NOT_EFFECTIVE} measurement recorded for it
     * @param expected what the canary should have seen
     * @param observed what the canary saw
     * @param advice what to do about it
     */
    public NetworkPolicyNotEnforcedException(RecoveryMeasurement measurement, String expected, String observed,
            String advice) {
        super(measurement, expected, observed, advice);
    }
}
