/**
 * How Vault is sealed in a test: Shamir keys, or {@code awskms} auto-unseal against a KMS emulator
 * (LocalStack or local-kms, in Docker on the cluster's network) or real AWS KMS. Emulators expose outage
 * controls for chaos: unreachable/reachable, and key disable/enable.
 */
package dev.vaulttest.kms;
