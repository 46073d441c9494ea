/**
 * The command-line checker ({@code vault-test-check}): argument parsing, the printed report, and the cached
 * copy of Helm's native library the checker's jar loads. The checks themselves are API, in
 * {@link dev.vaulttest.check}.
 *
 * <p>Not API: types here may change without notice; use the command line or {@link dev.vaulttest.check.OfflineCheck}.
 */
package dev.vaulttest.internal.cli;
