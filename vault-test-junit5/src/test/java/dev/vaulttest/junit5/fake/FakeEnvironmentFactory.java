package dev.vaulttest.junit5.fake;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.cluster.ClusterException;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.ExistingClusterSpec;
import dev.vaulttest.cluster.K3sClusterSpec;
import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.fixture.FakeEnvironment;
import dev.vaulttest.fixture.MockServerCluster;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An environment factory that starts nothing: clusters are fabric8 mock servers
 * ({@link MockServerCluster}), deployments are core's in-memory {@link FakeEnvironment}. Everything they do
 * goes to the {@link Journal}. Special values in specs make it fail:
 * <ul>
 *   <li>k3s image {@value #FAILING_IMAGE}: the cluster does not start;</li>
 *   <li>namespace {@value #FAILING_NAMESPACE}: the deployment does not come up;</li>
 *   <li>namespace {@value #FAILING_REBUILD_NAMESPACE}: the first deployment comes up, later ones do not.</li>
 * </ul>
 */
public final class FakeEnvironmentFactory implements EnvironmentFactory {

    /** A k3s image that fails to start. */
    public static final String FAILING_IMAGE = "fake/k3s:fails";
    /** A namespace whose deployment fails. */
    public static final String FAILING_NAMESPACE = "fail-deploy";
    /** A namespace whose redeployment fails. */
    public static final String FAILING_REBUILD_NAMESPACE = "fail-rebuild";

    private final AtomicInteger clusters = new AtomicInteger();
    private final AtomicInteger deployments = new AtomicInteger();

    /** Created by the extension. */
    public FakeEnvironmentFactory() {
        Journal.add("factory created");
    }

    @Override
    public KubernetesCluster openCluster(ClusterSpec spec) {
        String what = spec instanceof K3sClusterSpec k3s ? "k3s " + k3s.image()
                : "existing " + ((ExistingClusterSpec) spec).kubeconfig().getFileName()
                        + ((ExistingClusterSpec) spec).context().map(c -> " context " + c).orElse("");
        Journal.add("open cluster " + what);
        if (spec instanceof K3sClusterSpec k3s && k3s.image().equals(FAILING_IMAGE)) {
            throw new ClusterException("fake k3s " + FAILING_IMAGE + " failed to start");
        }
        return MockServerCluster.named("cluster #" + clusters.incrementAndGet() + " (" + what + ")", Journal::add);
    }

    /** Not used by the extension, which opens its clusters and deploys on them as separate steps. */
    @Override
    public VaultEnvironment start(VaultEnvironmentSpec spec) {
        throw new UnsupportedOperationException("the extension never starts an environment with its own cluster");
    }

    @Override
    public VaultEnvironment deploy(VaultEnvironmentSpec spec, KubernetesCluster cluster) {
        int number = deployments.incrementAndGet();
        Journal.add("deploy #" + number + " on " + cluster.description());
        String namespace = spec.namespace().orElse("");
        if (namespace.equals(FAILING_NAMESPACE)
                || namespace.equals(FAILING_REBUILD_NAMESPACE) && Journal.events("deploy").size() > 1) {
            throw new VaultTestException("fake deployment #" + number + " did not come up (root token "
                    + FakeEnvironment.ROOT_TOKEN + ")");
        }
        if (((MockServerCluster) cluster).isClosed()) {
            throw new IllegalStateException("deploying on a closed cluster");
        }
        return FakeEnvironment.builder().number(number).spec(spec).cluster(cluster).events(Journal::add).build();
    }
}
