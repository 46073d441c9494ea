package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Runs the class's deployment on an existing cluster (kind, minikube, a staging cluster) reached
 * through a kubeconfig. The library creates its own namespace there and deletes it afterwards; it never
 * changes other namespaces. No Docker is needed unless the seal uses a KMS emulator.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface ExistingCluster {

    /**
     * The kubeconfig file, relative to the working directory. Empty means {@code vaulttest.kubeconfig},
     * then the {@code KUBECONFIG} environment variable (its first file), then {@code ~/.kube/config}.
     *
     * @return the kubeconfig path, or empty
     */
    String kubeconfig() default "";

    /**
     * The kubeconfig context. Empty means {@code vaulttest.context}, then the file's current context.
     *
     * @return the context name, or empty
     */
    String context() default "";
}
