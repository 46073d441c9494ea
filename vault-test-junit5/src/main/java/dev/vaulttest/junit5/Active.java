package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies a {@code VaultNode}, {@code VaultNodeClient} or vault-java-driver {@code Vault} parameter:
 * the node that is active (the raft leader) when the parameter is resolved, that is just before the
 * method runs. After a failover inside the test it is no longer the active node.
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Active {
}
