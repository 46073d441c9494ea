package dev.vaulttest.junit5.internal;

import dev.vaulttest.VaultEnvironment;

/**
 * What an {@link Injectable} may use: the test class's running deployment, and the resources of the
 * context being resolved for (the test, or the class for {@code @BeforeAll} and constructors), which are
 * closed when that context ends and, after a {@code @Disruptive} test, before the recovery check.
 *
 * @param environment the running deployment
 * @param resources the per-context resources
 */
record InjectionScope(VaultEnvironment environment, ContextResources resources) {
}
