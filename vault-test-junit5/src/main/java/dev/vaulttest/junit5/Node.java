package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Qualifies a {@code VaultNode}, {@code VaultNodeClient} or vault-java-driver {@code Vault} parameter by
 * pod, whatever its role.
 *
 * <p>The value is the pod name, or its StatefulSet ordinal: {@code "1"} or a name ending in {@code -1}
 * such as {@code "vault-1"} selects the pod with ordinal 1 when no pod has exactly that name (generated
 * release names make pod names like {@code vault-myhatest-k3x9q2-1}).
 */
@Target({ElementType.PARAMETER, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Node {

    /**
     * The pod name or ordinal, for example {@code vault-1} or {@code 1}.
     *
     * @return the pod name or ordinal
     */
    String value();
}
