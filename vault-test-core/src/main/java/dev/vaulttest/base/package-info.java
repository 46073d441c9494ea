/**
 * What every other package of the library builds on, and which depends on none of them: the library's
 * exception type {@link dev.vaulttest.base.VaultTestException} and the general failures under it, the
 * named, timed wait with its timeout and abort exceptions, and the pinned default versions.
 *
 * <p>Catch {@link dev.vaulttest.base.VaultTestException} to handle anything the library reports; a
 * {@link dev.vaulttest.base.WaitTimeoutException} says what was awaited, for how long, and what was last seen.
 */
package dev.vaulttest.base;

