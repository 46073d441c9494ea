package dev.vaulttest.junit5;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.ChaosOptions;
import dev.vaulttest.timing.RecoveryMeasurement;
import java.util.function.Consumer;

/**
 * What an {@link Injectable} may use: the test class's running deployment, the resources of the
 * context being resolved for (the test, or the class for {@code @BeforeAll} and constructors), which are
 * closed when that context ends and, after a {@code @Disruptive} test, before the recovery check, and
 * where recovery measurements of that context go (the run report).
 *
 * @param environment the running deployment
 * @param resources the per-context resources
 * @param recoveries receives the recovery measurements taken in this context
 * @param settings the run's settings
 * @param chaosOptions the chaos options of this context: the run's, with this context's measurement listener
 */
record InjectionScope(VaultEnvironment environment, ContextResources resources,
        Consumer<RecoveryMeasurement> recoveries, Settings settings, ChaosOptions chaosOptions) {
}
