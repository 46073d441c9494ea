/**
 * Real programs for the library's own tests, <strong>not library API</strong>: a cluster of real
 * {@code vault server} processes on loopback ({@link dev.vaulttest.testkit.real.VaultProcessCluster}) and a real
 * KMS emulator ({@link dev.vaulttest.testkit.real.LocalKmsProcess}), built by the project's
 * {@code lab/build-binaries} and found with {@link dev.vaulttest.testkit.real.LabBinaries#locate()}.
 *
 * <p>They prove what the double only claims: the tests named {@code *RealVaultTest} run the library's Vault client
 * and bring-up against them, and the double's recorded bodies are captured from them. Every process is stopped by
 * its PID and every data directory deleted when the fixture closes, when the JVM exits, or, after a JVM was
 * killed, by the next fixture.
 */
package dev.vaulttest.testkit.real;

