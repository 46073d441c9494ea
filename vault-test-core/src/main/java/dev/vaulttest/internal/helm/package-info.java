/**
 * Helm through helm-java: rendering a chart with a team's values ({@link dev.vaulttest.internal.helm.ChartRenderer}),
 * installing a release, and the values merge read back from Helm itself
 * ({@link dev.vaulttest.internal.helm.HelmValues}). The values a user gives are API, in
 * {@link dev.vaulttest.chart}.
 *
 * <p>Not API: types here may change without notice; they are public only so that the library's own packages
 * and modules can share them.
 */
package dev.vaulttest.internal.helm;
