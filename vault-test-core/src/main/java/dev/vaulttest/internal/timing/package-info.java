/**
 * Records how long each phase of a bring-up or a test took, for the engine, the chaos helpers and the JUnit
 * extension.
 *
 * <p>Not API: types here may change without notice. The timings it produces are API, in
 * {@link dev.vaulttest.timing}.
 */
package dev.vaulttest.internal.timing;

