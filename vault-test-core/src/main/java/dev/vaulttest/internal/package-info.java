/**
 * Helpers shared by the library's packages: nested-map navigation, Vault config parsing, redaction.
 *
 * <p>Not API: types here may change without notice. They are public only so that the library's own
 * packages can share them.
 */
package dev.vaulttest.internal;

