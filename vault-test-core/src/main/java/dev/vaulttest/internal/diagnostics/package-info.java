/**
 * What to keep when a test against a Vault environment fails: pod logs (current and previous containers),
 * events, StatefulSet, pod and PVC state, each node's seal status and the raft peers, the Helm history, the
 * effective values and the library's adjustments, the phase timeline. Secrets are redacted in every file.
 *
 * <p>Start at {@link dev.vaulttest.internal.diagnostics.Diagnostics#collect}.
 *
 * <p>Not API: types here may change without notice; they are public only so that the library's own packages
 * and modules can share them.
 */
package dev.vaulttest.internal.diagnostics;

