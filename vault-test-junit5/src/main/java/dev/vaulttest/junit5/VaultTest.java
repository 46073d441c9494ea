package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Gives the test class a running, healthy Vault deployment: the composed default.
 *
 * <p>Without further annotations that is a k3s cluster in Docker, the official Vault chart at the
 * pinned version, HA with integrated storage (raft) on 3 nodes and Shamir unseal (3 shares, threshold
 * 2). Change one concern with {@link K3sCluster} or {@link ExistingCluster}, {@link VaultDeployment},
 * {@link Shamir} or {@link AutoUnseal}, and {@link VaultTls}. The class is skipped when Docker is missing
 * (see {@link RequiresDocker}), and failures leave diagnostics under {@code target/vault-test-reports/}.
 *
 * <p>Tests take a read lock on the deployment so they may run in parallel; {@link Disruptive} tests take
 * the write lock. Parameters of test, lifecycle and constructor methods are resolved by type:
 * {@code VaultEnvironment}, {@code VaultNode} (qualified with {@link Active}, {@link Standby} or
 * {@link Node} when the deployment has several nodes), {@code List<VaultNode>}, the fabric8
 * {@code KubernetesClient}, the {@code KubernetesCluster}, a vault-java-driver {@code Vault}, a
 * {@code VaultNodeClient}, the {@code KmsEmulator} (auto-unseal only) and a {@code DeploymentSnapshot}.
 *
 * <pre>{@code
 * @VaultTest
 * class RaftTest {
 *     @Test
 *     void hasThreeVoters(VaultEnvironment vault) { ... }
 * }
 * }</pre>
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@RequiresDocker
@ResourceLock(value = Disruptive.RESOURCE, mode = ResourceAccessMode.READ)
@ExtendWith({VaultEnvironmentExtension.class, FailureDiagnosticsExtension.class})
public @interface VaultTest {
}
