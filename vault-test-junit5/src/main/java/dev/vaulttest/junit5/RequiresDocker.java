package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the annotated class or method, with the reason, when no Docker engine is usable; with
 * {@code vaulttest.docker.required=true} it fails instead, for CI runs that must not skip silently.
 *
 * <p>Docker is probed once per test run. A class whose deployment needs no Docker (an
 * {@link ExistingCluster} without a KMS emulator) runs without it.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(DockerGateExtension.class)
public @interface RequiresDocker {
}
