package dev.vaulttest.engine;

import dev.vaulttest.cluster.KubernetesCluster;
import dev.vaulttest.internal.helm.ChartRenderer;
import dev.vaulttest.internal.helm.ReleaseInstaller;
import dev.vaulttest.kms.KmsStarter;
import dev.vaulttest.vault.VaultTimeouts;
import java.util.Objects;
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * The collaborators a bring-up uses, so tests can replace the ones that need a real cluster.
 *
 * @param renderer renders the chart with the effective values
 * @param installer installs the rendered chart
 * @param connectors opens connections to pods of a cluster
 * @param kmsStarter starts the KMS emulator
 * @param ids supplies the environment id (and thereby namespace and release name)
 * @param vaultTimeouts timeouts of the node clients
 * @param keepOnFailure whether a failed bring-up keeps what it created, for inspection
 */
record EnvironmentWiring(ChartRenderer renderer, ReleaseInstaller installer,
        Function<KubernetesCluster, NodeConnector> connectors, KmsStarter kmsStarter,
        Supplier<EnvironmentId> ids, VaultTimeouts vaultTimeouts, boolean keepOnFailure) {

    EnvironmentWiring {
        Objects.requireNonNull(renderer, "renderer");
        Objects.requireNonNull(installer, "installer");
        Objects.requireNonNull(connectors, "connectors");
        Objects.requireNonNull(kmsStarter, "kmsStarter");
        Objects.requireNonNull(ids, "ids");
        Objects.requireNonNull(vaultTimeouts, "vaultTimeouts");
    }
}
