/**
 * Operations on one Vault node over its HTTP API, and immutable records of what Vault answered.
 *
 * <p>Entry point: {@link dev.vaulttest.vault.VaultNodeClient#create(dev.vaulttest.vault.VaultEndpoint)}.
 * Records ({@link dev.vaulttest.vault.SealStatus}, {@link dev.vaulttest.vault.HealthStatus},
 * {@link dev.vaulttest.vault.VaultNodeClient.LeaderStatus}, {@link dev.vaulttest.vault.RaftConfiguration},
 * {@link dev.vaulttest.vault.AutopilotState}, {@link dev.vaulttest.vault.VaultNodeClient.InitResult},
 * {@link dev.vaulttest.vault.LoginResult}, {@link dev.vaulttest.vault.KvSecret}) are snapshots for assertions;
 * parsing ignores fields it does not know, so newer Vault versions do not break it.
 *
 * <p>Secrets are {@link dev.vaulttest.vault.Sensitive} values: redacted in {@code toString}, reachable only through
 * {@link dev.vaulttest.vault.Sensitive#reveal()}. Failures are {@link dev.vaulttest.vault.VaultApiException}s with
 * secrets scrubbed from their texts, even when Vault echoes them.
 */
package dev.vaulttest.vault;

