package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the class's deployment on a single-node k3s cluster in Docker (the default when no cluster
 * annotation is present and {@code vaulttest.kubeconfig} is not set).
 *
 * <p>Every class that asks for the same cluster (same image and settings) shares one k3s container for
 * the whole test run; it is removed when the run ends.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface K3sCluster {

    /**
     * The k3s image, compatible with {@code rancher/k3s}. Empty means {@code vaulttest.k3s.image}, or
     * the pinned default {@value dev.vaulttest.base.Versions#K3S_IMAGE}.
     *
     * @return the image, or empty
     */
    String image() default "";
}
