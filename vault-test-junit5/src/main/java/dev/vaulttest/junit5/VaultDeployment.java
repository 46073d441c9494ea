package dev.vaulttest.junit5;

import dev.vaulttest.DeploymentMode;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.parallel.ResourceAccessMode;
import org.junit.jupiter.api.parallel.ResourceLock;

/**
 * Describes the Vault deployment of a test class: chart, values, topology, namespace.
 *
 * <p>It also brings the deployment up on its own (without {@link VaultTest}), but then without the
 * Docker gate: add {@link RequiresDocker} or use {@link VaultTest} for k3s. Each test class gets its own
 * deployment, in its own namespace and Helm release, removed after the class.
 *
 * <p>Paths in {@link #values()} and {@link #chartPath()} are either {@code classpath:} resources or file
 * paths relative to the working directory (the Maven module's directory under Maven).
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ResourceLock(value = Disruptive.RESOURCE, mode = ResourceAccessMode.READ)
@ExtendWith({VaultEnvironmentExtension.class, FailureDiagnosticsExtension.class})
public @interface VaultDeployment {

    /**
     * The exact version of the official HashiCorp {@code vault} chart, for example {@code 0.34.1}. Empty
     * means {@code vaulttest.chart.version}, or the pinned default
     * {@value dev.vaulttest.base.Versions#CHART_VERSION}. Not together with {@link #chartPath()}.
     *
     * @return the chart version, or empty
     */
    String chartVersion() default "";

    /**
     * A local chart: a directory holding {@code Chart.yaml}, or a packaged {@code .tgz}. Not together
     * with {@link #chartVersion()}.
     *
     * @return the chart path, or empty for the official chart
     */
    String chartPath() default "";

    /**
     * The team's values files, merged in order like {@code helm -f a.yaml -f b.yaml}; tested as they are.
     *
     * @return the values files, {@code classpath:} resources or file paths
     */
    String[] values() default {};

    /**
     * {@code --set} overrides applied after the values files, for example
     * {@code "server.logLevel=debug"}.
     *
     * @return the overrides
     */
    String[] set() default {};

    /**
     * The number of Vault nodes in {@link DeploymentMode#HA_RAFT}.
     *
     * @return the node count, at least 1
     */
    int replicas() default 3;

    /**
     * The topology the library sets. Use {@link DeploymentMode#FROM_VALUES} to test the topology your
     * values files describe.
     *
     * @return the mode
     */
    DeploymentMode mode() default DeploymentMode.HA_RAFT;

    /**
     * The namespace to install into. Empty means a generated namespace, unique per test class.
     *
     * @return the namespace, or empty
     */
    String namespace() default "";

    /**
     * Whether the agent injector stays enabled (it is not under test, so it is off by default).
     *
     * @return {@code true} to keep the injector
     */
    boolean injector() default false;
}
