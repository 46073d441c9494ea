package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Lets the test class use one Vault deployment with every other {@code @SharedDeployment} class of the run
 * that asks for the same deployment (equal chart, values, topology, seal, TLS, namespace and cluster), instead
 * of bringing up its own: the first such class pays for the bring-up, later ones start at once.
 *
 * <p>Before a later class gets the deployment, it is handed over: Shamir-sealed nodes are unsealed with the
 * keys from init, and the ready gate must hold within {@code vaulttest.recovery.timeout}. A deployment that
 * fails that check is replaced by a new one first. The check appears in the run report as the phase
 * {@code hand-over} of the class's first test, and as the report entry {@value #REPORT_ENTRY}.
 *
 * <p>What a shared deployment means for the tests:
 * <ul>
 *   <li>the classes see each other's data, mounts, policies and auth methods: write under paths of your own
 *       and do not assert that something is absent unless your class created the path;</li>
 *   <li>a {@link Disruptive} test still recovers or rebuilds the deployment after itself, so the next test,
 *       of any class, starts healthy; a rebuilt deployment is a new one (new namespace and release, new root
 *       token), and every class that uses it afterwards gets the new one;</li>
 *   <li>the deployment is removed when the run ends, not after each class; with
 *       {@code vaulttest.keep-on-failure=true} it is left running when a test of any class that used it
 *       failed, and the kubeconfig and instructions to reach it go to the report directory of the class that
 *       brought it up;</li>
 *   <li>a deployment that failed to come up, or could not be rebuilt, is brought up again for the next class;</li>
 *   <li>under parallel execution, classes that share a deployment may run at the same time (they hold the read
 *       lock); a hand-over that finds the deployment broken replaces it even while another class's test uses it,
 *       so run sharing classes one after the other when a test may leave the deployment broken without being
 *       {@link Disruptive}.</li>
 * </ul>
 * A class without this annotation keeps a deployment of its own, even when another class shares one with
 * the same description. It may be placed on a composed annotation of the team's, next to {@link VaultTest}.
 *
 * <pre>{@code
 * @VaultTest
 * @SharedDeployment
 * class SecretsEngineTest {
 *     @Test
 *     void writesAndReads(VaultEnvironment vault) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface SharedDeployment {

    /** The report entry that says how a shared deployment was handed to the class. */
    String REPORT_ENTRY = "vault-test.hand-over";
}
