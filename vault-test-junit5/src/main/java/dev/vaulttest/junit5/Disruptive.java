package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Marks a test that damages the deployment (kills pods, seals nodes, cuts the KMS off...).
 *
 * <p>The test takes the write lock on {@value #RESOURCE}, so under parallel execution it never runs
 * next to tests that only read (they hold the read lock through {@link VaultTest} or
 * {@link VaultDeployment}). JUnit applies a method's write lock to its whole class, so the class's tests
 * then run one after the other.
 *
 * <p>After the test, its per-test resources are closed (chaos is healed), then the deployment must pass
 * the ready gate again within {@code vaulttest.recovery.timeout} (default 1 minute); with Shamir the
 * nodes are unsealed first with the keys from init. When that fails the class's deployment is replaced
 * by a new one (new namespace and release), so the next test starts healthy.
 *
 * <p><b>Cost.</b> A deployment that recovers costs one unseal round and one ready-gate check: seconds.
 * One that does not costs up to the unseal wait plus the ready-gate wait (each at most the recovery
 * timeout), then a full uninstall and bring-up: on k3s typically one to three minutes for three
 * nodes. Both appear in the run report as phases of the disruptive test's bring-up ({@code recovery}
 * and, after a rebuild, the new deployment's phases).
 *
 * <p>A test that leaves the deployment beyond repair on purpose (a disaster recovery drill that deletes every
 * data volume, for example) says so with {@link #rebuild() rebuild = true}: the deployment is then replaced at
 * once, without waiting out the recovery timeout for a recovery that cannot come.
 */
@Target({ElementType.METHOD, ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ResourceLock(value = Disruptive.RESOURCE, mode = ResourceAccessMode.READ_WRITE)
public @interface Disruptive {

    /** The name of the JUnit resource lock that guards the deployments of a test run. */
    String RESOURCE = "vault-test:deployment";

    /**
     * Whether the test destroys the deployment by design, so that it is replaced afterwards without a recovery
     * check (default {@code false}: check, and replace only when it does not recover).
     *
     * @return {@code true} to replace the deployment after the test in any case
     */
    boolean rebuild() default false;
}
