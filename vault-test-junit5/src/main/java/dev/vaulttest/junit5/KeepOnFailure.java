package dev.vaulttest.junit5;

import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.cluster.K3sCluster;
import dev.vaulttest.internal.CleanupCommands;
import dev.vaulttest.internal.KeptNamespace;
import dev.vaulttest.internal.Labels;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Keep-on-failure: what to do with a deployment whose test failed, and how to tell people how to reach
 * it. The kubeconfig is written to a file readable only by its owner; no token or key is ever printed.
 *
 * @param enabled whether failed deployments are left running ({@code vaulttest.keep-on-failure})
 * @param reportsDir the report directory; the kubeconfig goes to {@code <reportsDir>/<class>/kubeconfig.yaml}
 */
record KeepOnFailure(boolean enabled, Path reportsDir) {

    static final String KUBECONFIG_FILE = "kubeconfig.yaml";
    static final String INSTRUCTIONS_FILE = "how-to-reach.txt";

    /**
     * Leaves a deployment running: marks its namespace as kept, so later runs never remove it as a killed run's
     * leftover, and writes the kubeconfig and the instructions next to the class's diagnostics.
     *
     * @param owner the test class that owns the deployment: where the files go
     * @param whose the deployment in the text, for example {@code the Vault deployment of com.example.RaftTest}
     * @param environment the deployment left running
     * @return how to reach the deployment, without secrets
     */
    String keep(String owner, String whose, VaultEnvironment environment) {
        KeptNamespace.mark(environment.kubernetes(), environment.namespace(),
                "a test using " + whose + " failed (vaulttest.keep-on-failure)", Instant.now());
        return describe(owner, whose, environment);
    }

    private String describe(String owner, String whose, VaultEnvironment environment) {
        Path classDir = reportsDir.resolve(DiagnosticsPaths.segment(owner));
        Path kubeconfig = classDir.resolve(KUBECONFIG_FILE).toAbsolutePath();
        String kubeconfigNote;
        try {
            Files.createDirectories(classDir);
            writeOwnerOnly(kubeconfig, environment.cluster().kubeconfigYaml());
            kubeconfigNote = kubeconfig.toString();
        } catch (IOException | RuntimeException e) {
            kubeconfigNote = "<could not be written to " + kubeconfig + ": " + e + ">";
        }
        String pod = podToForward(environment);
        String scheme = environment.spec().tls() ? "https" : "http";
        String kubectl = "kubectl --kubeconfig " + kubeconfig;
        String text = "vault-test left " + whose + " running because a test failed"
                + " (vaulttest.keep-on-failure=true):\n"
                + "  cluster:    " + environment.cluster().description() + "\n"
                + "  kubeconfig: " + kubeconfigNote + "\n"
                + "  namespace:  " + environment.namespace() + " (Helm release " + environment.releaseName() + ")\n"
                + "  reach it:   " + kubectl + " -n " + environment.namespace()
                + " port-forward pod/" + pod + " 8200:8200\n"
                + "              then VAULT_ADDR=" + scheme + "://127.0.0.1:8200 vault status\n"
                + "  remove it:  " + CleanupCommands.deleteNamespaces(kubectl, List.of(environment.namespace())) + "\n"
                + "              " + CleanupCommands.deleteChartClusterObjects(kubectl,
                        List.of(environment.releaseName())) + "\n"
                + "              (what the chart installed outside the namespace, for example its"
                + " ClusterRoleBinding)\n"
                + lifetime(environment, kubeconfig)
                + "  The root token and unseal keys are not written anywhere.\n";
        try {
            Files.writeString(classDir.resolve(INSTRUCTIONS_FILE), text, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return text + "  (could not write " + classDir.resolve(INSTRUCTIONS_FILE) + ": " + e + ")\n";
        }
        return text;
    }

    /** k3s goes with the JVM; on a cluster that stays, so do the StorageClasses the library created. */
    private static String lifetime(VaultEnvironment environment, Path kubeconfig) {
        if (environment.cluster() instanceof K3sCluster) {
            return "  k3s runs only as long as this JVM unless Testcontainers' Ryuk is disabled"
                    + " (TESTCONTAINERS_RYUK_DISABLED=true); remove the container yourself then.\n";
        }
        return "  The cluster stays. StorageClasses vault-test created carry the label " + Labels.ENVIRONMENT
                + ":\n              kubectl --kubeconfig " + kubeconfig + " get storageclass -l "
                + Labels.ENVIRONMENT + "\n";
    }

    private static String podToForward(VaultEnvironment environment) {
        try {
            return environment.snapshot().active().map(NodeSnapshot::name)
                    .orElseGet(() -> environment.nodes().get(0).name());
        } catch (RuntimeException e) {
            return environment.nodes().isEmpty() ? "<vault pod>" : environment.nodes().get(0).name();
        }
    }

    private static void writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        if (file.getFileSystem().supportedFileAttributeViews().contains("posix")) {
            Files.createFile(file, PosixFilePermissions.asFileAttribute(
                    Set.of(java.nio.file.attribute.PosixFilePermission.OWNER_READ,
                            java.nio.file.attribute.PosixFilePermission.OWNER_WRITE)));
        }
        Files.writeString(file, content, StandardCharsets.UTF_8);
    }
}
