package dev.vaulttest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class CleanupCommandsTest {

    @Test
    void oneEnvironmentIsSelectedByEquality() {
        assertThat(CleanupCommands.deleteChartClusterObjects("kubectl", List.of("vault-env-a1")))
                .isEqualTo("kubectl delete clusterrolebinding,clusterrole,mutatingwebhookconfiguration"
                        + " -l app.kubernetes.io/instance=vault-env-a1");
        assertThat(CleanupCommands.deleteStorageClasses("kubectl --kubeconfig /tmp/k.yaml", List.of("env-a1")))
                .isEqualTo("kubectl --kubeconfig /tmp/k.yaml delete storageclass -l vault-test.dev/environment=env-a1");
    }

    @Test
    void severalAreSelectedBySetQuotedForTheShellAndNamespacesByName() {
        assertThat(CleanupCommands.deleteChartClusterObjects("kubectl", List.of("vault-env-a1", "vault-env-b2")))
                .endsWith(" -l 'app.kubernetes.io/instance in (vault-env-a1,vault-env-b2)'");
        assertThat(CleanupCommands.deleteNamespaces("kubectl", List.of("vault-test-env-a1", "team-vault")))
                .isEqualTo("kubectl delete namespace vault-test-env-a1 team-vault");
    }

    @Test
    void wholeEnvironmentsAreTheirNamespacesAndWhatWasMadeOutsideThem() {
        assertThat(CleanupCommands.removeEnvironments("kubectl", List.of("vault-test-env-a1"), List.of("env-a1")))
                .containsExactly("kubectl delete namespace vault-test-env-a1",
                        "kubectl delete clusterrolebinding,clusterrole,mutatingwebhookconfiguration"
                                + " -l app.kubernetes.io/instance=vault-env-a1",
                        "kubectl delete storageclass -l vault-test.dev/environment=env-a1");
        assertThat(CleanupCommands.removeEnvironments("kubectl", List.of("old-unlabelled"), List.of()))
                .as("without the environment nothing outside the namespace can be told apart")
                .containsExactly("kubectl delete namespace old-unlabelled");
    }

    @Test
    void nothingToDeleteIsRefusedRatherThanTurnedIntoACommandForEverything() {
        assertThatThrownBy(() -> CleanupCommands.deleteStorageClasses("kubectl", List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("no environments to delete");
        assertThatThrownBy(() -> CleanupCommands.deleteNamespaces("kubectl", List.of()))
                .hasMessage("no namespaces to delete");
    }
}
