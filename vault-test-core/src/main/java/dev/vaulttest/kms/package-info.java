/**
 * How Vault is sealed in a test: Shamir keys, or {@code awskms} auto-unseal against a KMS emulator
 * (LocalStack or local-kms, in Docker on the cluster's network; or an external one that runs already, reached at
 * a URL) or real AWS KMS. Emulators expose outage controls for chaos: unreachable/reachable (only for the
 * containers the library runs), and key disable/enable.
 */
package dev.vaulttest.kms;

