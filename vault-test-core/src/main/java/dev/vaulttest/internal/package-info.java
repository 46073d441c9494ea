/**
 * Helpers shared by the library's packages: the named wait and its duration format, the labels on what the
 * library creates, a container's Docker network address, nested-map navigation, redaction.
 *
 * <p>Not API: types here may change without notice. They are public only so that the library's own
 * packages can share them.
 */
package dev.vaulttest.internal;

