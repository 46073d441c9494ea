package dev.vaulttest.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks core's own real-cluster tests: they run where Docker exists and are skipped with the reason
 * elsewhere, unless {@code -Dvaulttest.docker.required=true} asks for a failure instead.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker")
@ExtendWith(DockerCondition.class)
public @interface RequiresDocker {
}
