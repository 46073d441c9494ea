package dev.vaulttest.chaos;

import dev.vaulttest.cluster.K3sCluster;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * One real k3s cluster for the test class that registers it (as an instance field of a
 * {@code PER_CLASS} test), started before its first test and closed after its last, so each Docker test
 * class does not repeat the same start and close.
 */
final class K3sForClass implements BeforeAllCallback, AfterAllCallback {

    private K3sCluster cluster;

    @Override
    public void beforeAll(ExtensionContext context) {
        cluster = RealClusters.startK3s();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (cluster != null) {
            cluster.close();
        }
    }

    /**
     * The cluster of this class.
     *
     * @return the running cluster
     */
    K3sCluster cluster() {
        if (cluster == null) {
            throw new IllegalStateException("k3s is not started: register K3sForClass on a PER_CLASS test class");
        }
        return cluster;
    }
}
