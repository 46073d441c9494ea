/**
 * Test support for vault-test, <strong>not library API</strong>: an in-process, stateful double of the
 * subset of Vault's HTTP API the library uses, so every module can test Vault interactions without a
 * container.
 *
 * <p>Start a cluster with {@link dev.vaulttest.testkit.FakeVaultCluster#builder()}; each node listens on its
 * own port on 127.0.0.1 and shares Raft storage with the others. Request and response shapes and
 * status codes follow Vault's documentation (see {@code shared/reference/vault.md}); the recorded bodies in
 * {@link dev.vaulttest.testkit.RecordedResponses} pin them, and contract tests check the double against them
 * field by field. What the double simplifies is listed on {@link dev.vaulttest.testkit.FakeVaultCluster}.
 *
 * <p>Nothing here is stable: names and behaviour change whenever the library's tests need them to.
 */
package dev.vaulttest.testkit;

