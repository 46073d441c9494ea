package dev.vaulttest.internal;

import java.util.List;
import java.util.Objects;

/**
 * The {@code kubectl} lines that remove, by hand, environments the library left on a cluster: kept on failure,
 * or from before heartbeats. Deleting the namespace is not enough: the chart also installs objects outside it (the
 * server's ClusterRoleBinding for token reviews; the injector's ClusterRole, ClusterRoleBinding and webhook), and
 * the library may have made StorageClasses for the environment. Those are found by label, per environment, so that
 * no other run's objects are touched.
 */
public final class CleanupCommands {

    /** The label the Vault chart puts on every object of a release, the cluster-wide ones included: its name. */
    private static final String RELEASE_INSTANCE = "app.kubernetes.io/instance";

    /** The kinds of cluster-wide objects the Vault chart can install for a release. */
    static final String CHART_CLUSTER_KINDS = "clusterrolebinding,clusterrole,mutatingwebhookconfiguration";

    private CleanupCommands() {
    }

    /**
     * The Helm release of an environment, by the rule of the library's environment ids: {@code vault-<environment>},
     * whatever its namespace is called.
     *
     * @param environment the environment's identifier (the value of {@link Labels#ENVIRONMENT})
     * @return the release name
     */
    public static String releaseOf(String environment) {
        return "vault-" + Objects.requireNonNull(environment, "environment");
    }

    /**
     * Deletes namespaces, named one by one (a label would take live runs' namespaces too).
     *
     * @param kubectl how to call kubectl, for example {@code kubectl --kubeconfig /tmp/kubeconfig.yaml}
     * @param namespaces the namespaces, at least one
     * @return the command
     */
    public static String deleteNamespaces(String kubectl, List<String> namespaces) {
        return kubectl + " delete namespace " + String.join(" ", nonEmpty(namespaces, "namespaces"));
    }

    /**
     * Deletes what the chart installed outside the namespaces of releases.
     *
     * @param kubectl how to call kubectl
     * @param releases the release names, at least one
     * @return the command
     */
    public static String deleteChartClusterObjects(String kubectl, List<String> releases) {
        return kubectl + " delete " + CHART_CLUSTER_KINDS + " -l "
                + selector(RELEASE_INSTANCE, nonEmpty(releases, "releases"));
    }

    /**
     * Deletes the StorageClasses the library made for environments.
     *
     * @param kubectl how to call kubectl
     * @param environments the environments' identifiers, at least one
     * @return the command
     */
    public static String deleteStorageClasses(String kubectl, List<String> environments) {
        return kubectl + " delete storageclass -l " + selector(Labels.ENVIRONMENT, nonEmpty(environments,
                "environments"));
    }

    /**
     * The lines that remove whole environments: their namespaces by name, then, where their identifiers are known,
     * what the chart installed outside them and the StorageClasses the library made for them.
     *
     * @param kubectl how to call kubectl
     * @param namespaces the namespaces, at least one
     * @param environments the environments' identifiers; none when they are not known
     * @return one command per element
     */
    public static List<String> removeEnvironments(String kubectl, List<String> namespaces, List<String> environments) {
        if (environments.isEmpty()) {
            return List.of(deleteNamespaces(kubectl, namespaces));
        }
        return List.of(deleteNamespaces(kubectl, namespaces),
                deleteChartClusterObjects(kubectl, environments.stream().map(CleanupCommands::releaseOf).toList()),
                deleteStorageClasses(kubectl, environments));
    }

    private static List<String> nonEmpty(List<String> values, String what) {
        if (values.isEmpty()) {
            throw new IllegalArgumentException("no " + what + " to delete");
        }
        return values;
    }

    /** {@code key=value} for one value, else the set form in single quotes for the shell. */
    private static String selector(String key, List<String> values) {
        return values.size() == 1 ? key + "=" + values.get(0) : "'" + key + " in (" + String.join(",", values) + ")'";
    }
}
