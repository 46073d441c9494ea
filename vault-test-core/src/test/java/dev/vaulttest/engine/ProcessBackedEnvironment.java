package dev.vaulttest.engine;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.fixture.FixtureCharts;
import dev.vaulttest.fixture.MockCluster;
import dev.vaulttest.fixture.PodDriver;
import dev.vaulttest.fixture.PodState;
import dev.vaulttest.testkit.real.VaultProcessCluster;
import dev.vaulttest.vault.VaultTimeouts;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.time.Duration;
import java.util.Objects;

/**
 * Test fixture: the library's own bring-up ({@link StandardEnvironmentFactory}: install, pods-running, init,
 * unseal, join, ready gate) over fabric8's mock API server, with each pod {@code <release>-<i>} reached at node
 * {@code i} of a real {@link VaultProcessCluster} instead of the double.
 *
 * <p>What is real: every Vault answer the bring-up waits on, the init, the unseal of the leader and of each
 * joiner, the raft membership and promotion the ready gate requires, the kv canary. What is simulated: the pods
 * (the {@link PodDriver} creates them Running), the Helm install (the {@link ManifestInstaller}). The processes
 * are configured with {@code retry_join} to node 0's loopback address, because the address the bring-up sends in
 * its own join ({@code <release>-0.<release>-internal}) only resolves inside a cluster.
 */
public final class ProcessBackedEnvironment implements AutoCloseable {

    private final VaultEnvironment environment;
    private final PodDriver pods;
    private final FixtureCharts.ChartDirectory chart;

    private ProcessBackedEnvironment(VaultEnvironment environment, PodDriver pods, FixtureCharts.ChartDirectory chart) {
        this.environment = environment;
        this.pods = pods;
        this.chart = chart;
    }

    /**
     * Brings an environment up on running, uninitialised Vault processes.
     *
     * @param mockClient a client of fabric8's mock server in CRUD mode
     * @param spec the deployment; its replicas must match the processes
     * @param vault started processes, one per replica, not initialised
     * @return the ready fixture; close it (the processes stay for the caller to close)
     */
    public static ProcessBackedEnvironment start(KubernetesClient mockClient, VaultEnvironmentSpec spec,
            VaultProcessCluster vault) {
        Objects.requireNonNull(vault, "vault");
        EnvironmentId id = EnvironmentId.random("real");
        PodDriver pods = new PodDriver(mockClient, name -> PodState.running(false), false);
        FixtureCharts.ChartDirectory chart = FixtureCharts.vaultEnv();
        try {
            VaultEnvironmentSpec effective = spec.toBuilder().chart(ChartSource.directory(chart.path())).build();
            StandardEnvironmentFactory factory = StandardEnvironmentFactory.builder()
                    .chartCache(new ChartCache(chart.path().resolve("target-unused-chart-cache")))
                    .installer(new ManifestInstaller(pods))
                    .nodeConnectors(cluster -> connector(vault, id.releaseName()))
                    .environmentIds(() -> id)
                    .vaultTimeouts(VaultTimeouts.defaults().withConnect(Duration.ofSeconds(2)))
                    .build();
            VaultEnvironment environment = factory.deploy(effective, MockCluster.singleNodeK3s(mockClient));
            return new ProcessBackedEnvironment(environment, pods, chart);
        } catch (RuntimeException e) {
            pods.close();
            chart.close();
            throw e;
        }
    }

    /**
     * The environment under test.
     *
     * @return the environment
     */
    public VaultEnvironment environment() {
        return environment;
    }

    @Override
    public void close() {
        try {
            environment.close();
        } finally {
            pods.close();
            chart.close();
        }
    }

    private static NodeConnector connector(VaultProcessCluster vault, String release) {
        return (namespace, pod, port) -> new FixedNodeConnection(
                vault.node(Integer.parseInt(pod.substring(release.length() + 1))).apiAddress(), "real Vault " + pod);
    }
}
