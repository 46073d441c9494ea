package dev.vaulttest.cluster;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.fixture.RealClusterSettings;
import java.util.Map;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

/** Where real-cluster tests run ({@link RequiresRealCluster}, {@link RequiresDocker}), with or without kubeconfig. */
class RealClusterConditionTest {

    private static final DockerStatus DOCKER = new DockerStatus(true, "Docker at unix:///var/run/docker.sock");
    private static final DockerStatus NO_DOCKER = new DockerStatus(false,
            "Docker is not available: DOCKER_HOST is not set and there is no /var/run/docker.sock");
    private static final RealClusterSettings K3S = RealClusterSettings.of(name -> null);
    private static final RealClusterSettings LAB = RealClusterSettings.of(Map.of(RealClusterSettings.KUBECONFIG,
            "/var/tmp/vault-test-lab/kubeconfig")::get);
    private static final String REBOOT = "needs a k3s container the library runs: reboot is refused on an existing"
            + " cluster";

    private static Supplier<DockerStatus> notAsked() {
        return () -> {
            throw new AssertionError("Docker was probed although an existing cluster is configured");
        };
    }

    @Test
    void withAKubeconfigARealClusterTestRunsThereWithoutAskingDocker() {
        ConditionEvaluationResult result = RealClusterCondition.decide(LAB, notAsked(), true);

        assertThat(result.isDisabled()).isFalse();
        assertThat(result.getReason().orElseThrow()).contains("runs on the existing cluster of"
                + " vaulttest.kubeconfig=/var/tmp/vault-test-lab/kubeconfig");
    }

    @Test
    void withoutAKubeconfigARealClusterTestRunsOnK3sWhereDockerIs() {
        ConditionEvaluationResult result = RealClusterCondition.decide(K3S, () -> DOCKER, false);

        assertThat(result.isDisabled()).isFalse();
        assertThat(result.getReason().orElseThrow()).contains("k3s", DOCKER.description());
    }

    @Test
    void withNeitherARealClusterTestIsSkippedNamingBothWaysToRunIt() {
        ConditionEvaluationResult result = RealClusterCondition.decide(K3S, () -> NO_DOCKER, false);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason().orElseThrow()).contains(NO_DOCKER.description(),
                "vaulttest.kubeconfig is not set", "-Dvaulttest.kubeconfig=<kubeconfig file>", "skipped");
    }

    @Test
    void withNeitherARealClusterTestFailsWhenDockerIsRequired() {
        assertThatThrownBy(() -> RealClusterCondition.decide(K3S, () -> NO_DOCKER, true))
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("vaulttest.kubeconfig is not set")
                .hasMessageContaining("vaulttest.docker.required=true");
    }

    @Test
    void aK3sOnlyTestRunsWhereDockerIsAlsoWithAKubeconfig() {
        assertThat(DockerCondition.decide(DOCKER, false, REBOOT, LAB).isDisabled()).isFalse();
        assertThat(DockerCondition.decide(DOCKER, false, REBOOT, K3S).isDisabled()).isFalse();
    }

    @Test
    void aK3sOnlyTestIsSkippedWithoutDockerAlsoWithAKubeconfigAndSaysWhy() {
        ConditionEvaluationResult result = DockerCondition.decide(NO_DOCKER, false, REBOOT, LAB);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason().orElseThrow()).contains(NO_DOCKER.description(), "this test " + REBOOT,
                "vaulttest.kubeconfig is set, but the existing cluster of"
                        + " vaulttest.kubeconfig=/var/tmp/vault-test-lab/kubeconfig cannot stand in for Docker",
                "skipped");
    }

    @Test
    void aK3sOnlyTestWithoutAReasonKeepsTheProbesReason() {
        ConditionEvaluationResult result = DockerCondition.decide(NO_DOCKER, false, "", K3S);

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason().orElseThrow()).contains(NO_DOCKER.description() + "; real-cluster test skipped");
    }

    @Test
    void aK3sOnlyTestFailsWithoutDockerWhenDockerIsRequiredEvenWithAKubeconfig() {
        assertThatThrownBy(() -> DockerCondition.decide(NO_DOCKER, true, REBOOT, LAB))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining(REBOOT)
                .hasMessageContaining("vaulttest.docker.required=true");
    }
}
