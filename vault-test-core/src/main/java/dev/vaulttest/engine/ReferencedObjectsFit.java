package dev.vaulttest.engine;

import dev.vaulttest.engine.VaultValuesView.Mount;
import dev.vaulttest.internal.NestedMaps;
import java.util.List;
import java.util.Map;

/**
 * Reports Secrets and ConfigMaps the Vault pod would mount or read that nobody creates in the fresh test
 * namespace: the pod would hang in ContainerCreating or CreateContainerConfigError instead of failing early.
 */
final class ReferencedObjectsFit {

    private ReferencedObjectsFit() {
    }

    static void apply(VaultValuesView view, ClusterFit.Context in, OverlayBuilder out) {
        for (Mount mount : view.mounts()) {
            boolean secret = mount.kind().equals("Secret");
            boolean available = out.createsObject(mount.kind(), mount.name())
                    || (secret ? in.providedSecrets() : in.providedConfigMaps()).contains(mount.name());
            if (!available) {
                out.problem(mount.valuePath(), "mounts " + mount.kind() + " '" + mount.name() + "', which does not"
                                + " exist in the fresh test namespace and which the library cannot generate.",
                        "Remove the mount in a test values layer: the library creates the namespace, so nothing"
                                + " can exist in it before the install.");
            }
        }
        for (Object entry : secretEnvironment(view, out)) {
            if (entry instanceof Map<?, ?> e) {
                String secretName = String.valueOf(e.get("secretName"));
                if (!out.createsObject("Secret", secretName) && !in.providedSecrets().contains(secretName)) {
                    out.problem("server.extraSecretEnvironmentVars[" + e.get("envName") + "]", "reads Secret '"
                                    + secretName + "', which does not exist in the fresh test namespace.",
                            "Remove the entry in a test values layer: the library creates the namespace, so nothing"
                                    + " can exist in it before the install.");
                }
            }
        }
    }

    /** The entries as rendered: the overlay's list replaces the team's (Helm replaces lists). */
    private static List<Object> secretEnvironment(VaultValuesView view, OverlayBuilder out) {
        if (NestedMaps.contains(out.values, "server", "extraSecretEnvironmentVars")) {
            return NestedMaps.list(out.values, "server", "extraSecretEnvironmentVars");
        }
        return NestedMaps.list(view.raw(), "server", "extraSecretEnvironmentVars");
    }
}
