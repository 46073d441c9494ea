package dev.vaulttest.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks core's own real-cluster tests that need Docker itself (a k3s container the library runs, or emulator
 * containers): they run where Docker exists and are skipped with the reason elsewhere, also when
 * {@code vaulttest.kubeconfig} names an existing cluster, unless {@code -Dvaulttest.docker.required=true} asks for a
 * failure instead. Tests that an existing cluster can serve use {@link RequiresRealCluster}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker")
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {

    /**
     * Why the test needs Docker, for the skip reason; it follows "this test", for example {@code "needs a k3s
     * container the library runs: reboot is refused on an existing cluster"}.
     *
     * @return the reason, or empty
     */
    String value() default "";
}
