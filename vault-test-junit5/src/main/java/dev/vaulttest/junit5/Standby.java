package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies a {@code VaultNode}, {@code VaultNodeClient} or vault-java-driver {@code Vault} parameter:
 * an unsealed standby, chosen by its position among the standbys in pod-name order when the parameter is
 * resolved. On a {@code List<VaultNode>} parameter it selects every standby (the index is ignored).
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Standby {

    /**
     * Which standby, counting from 0 in pod-name order.
     *
     * @return the index
     */
    int value() default 0;
}
