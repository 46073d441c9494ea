/**
 * Chaos for a running Vault deployment: the failures that break Vault on Kubernetes, each applied through
 * {@link dev.vaulttest.chaos.Chaos}, verified to have taken effect, and timed until a named condition holds again.
 *
 * <p>Every disruption returns a {@link dev.vaulttest.chaos.Disruption} handle: when it was applied, when it was
 * healed, what was verified, and the {@link dev.vaulttest.chaos.Disruption.Recovery} measurements taken against it. Closing
 * the handle heals what can be healed (deletes a blocking NetworkPolicy, makes the KMS reachable again, scales
 * back); closing twice does nothing. A disruption that did not take effect throws
 * {@link dev.vaulttest.chaos.FaultNotEffectiveException} instead of returning a handle, because a chaos test
 * that silently broke nothing proves nothing.
 */
package dev.vaulttest.chaos;

