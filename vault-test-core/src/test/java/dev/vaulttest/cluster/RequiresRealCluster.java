package dev.vaulttest.cluster;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks core's own real-cluster tests that run on any real cluster: on the existing cluster of
 * {@code -Dvaulttest.kubeconfig=<file>} when it is set (Docker is then not needed), else on a k3s container where
 * Docker exists; skipped with the reason when neither is there, unless {@code -Dvaulttest.docker.required=true}
 * asks for a failure instead. The test reaches its cluster through {@code dev.vaulttest.fixture.ClusterForClass}.
 */
@Target({ElementType.TYPE, ElementType.METHOD})
@Retention(RetentionPolicy.RUNTIME)
@Tag("docker")
@Tag("real-cluster")
@ExtendWith(RealClusterCondition.class)
public @interface RequiresRealCluster {
}
