/**
 * The extensions behind the {@code dev.vaulttest.junit5} annotations, <strong>not API</strong>: names and
 * behaviour change without notice. Classes are public only where an annotation's {@code @ExtendWith}
 * must name them.
 *
 * <h2>Where state lives</h2>
 * Nothing is kept in extension fields; everything is in {@code ExtensionContext.Store} under one
 * namespace, in the scope that owns it:
 * <ul>
 *   <li>root store: the Docker probe result, the environment factory, one {@code ClusterResource} per
 *       cluster spec (closed when the run ends), the run report (written when the run ends);</li>
 *   <li>class store: one {@code DeploymentResource} per class and deployment spec (closed after the
 *       class; it borrows the cluster and never closes it), and what the report needs per test;</li>
 *   <li>method store: per-test resources, closed after the test.</li>
 * </ul>
 * Values that own something outside the JVM are {@link java.lang.AutoCloseable} and are closed by JUnit
 * (5.13 and later), in reverse order of insertion.
 */
package dev.vaulttest.junit5.internal;
