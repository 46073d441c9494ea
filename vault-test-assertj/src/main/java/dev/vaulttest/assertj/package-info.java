/**
 * Fluent AssertJ assertions over vault-test's snapshots, reads and findings.
 *
 * <p>Start from {@link dev.vaulttest.assertj.VaultAssertions} (import it statically next to AssertJ's
 * {@code Assertions}), collect failures with {@link dev.vaulttest.assertj.VaultSoftAssertions}, and make any
 * assertion eventual with {@link dev.vaulttest.assertj.VaultAssertions#eventually(java.time.Duration)}. Extend the
 * {@code Abstract...Assert} classes to add your own assertions; the concrete classes are not final so soft
 * assertions can proxy them.
 */
package dev.vaulttest.assertj;

