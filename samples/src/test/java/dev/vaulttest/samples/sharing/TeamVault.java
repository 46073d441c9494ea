package dev.vaulttest.samples.sharing;

// tag::shared-deployment[]
import dev.vaulttest.DeploymentMode;
import dev.vaulttest.junit5.SharedDeployment;
import dev.vaulttest.junit5.Shamir;
import dev.vaulttest.junit5.VaultDeployment;
import dev.vaulttest.junit5.VaultTest;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * The team's deployment, as one annotation. Every class that carries it uses the same running deployment:
 * the first class brings it up, each later one gets it after a ready-gate check, and it is removed when the
 * run ends.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@VaultTest
@Shamir
@VaultDeployment(values = "classpath:values/shamir-raft.yaml", mode = DeploymentMode.FROM_VALUES)
@SharedDeployment
@interface TeamVault {
}
// end::shared-deployment[]
