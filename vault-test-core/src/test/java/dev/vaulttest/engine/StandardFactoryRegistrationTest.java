package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.KubernetesCluster;
import java.util.ServiceLoader;
import org.junit.jupiter.api.Test;

/** The tests' classpath also registers {@link AnotherFactory} (src/test/resources/META-INF/services). */
class StandardFactoryRegistrationTest {

    @Test
    void theUserEntryPointFindsTheEngineThroughItsServiceFile() {
        assertThat(ServiceLoader.load(EnvironmentFactory.class).stream().map(ServiceLoader.Provider::type))
                .as("both registrations are visible").contains(StandardEnvironmentFactory.class, AnotherFactory.class);

        assertThat(EnvironmentFactory.standard()).isInstanceOf(StandardEnvironmentFactory.class);
    }

    /** Another factory a classpath may register; the standard entry point must not pick it. */
    public static final class AnotherFactory implements EnvironmentFactory {

        @Override
        public KubernetesCluster openCluster(ClusterSpec spec) {
            throw new UnsupportedOperationException("registered only to be passed over");
        }

        @Override
        public VaultEnvironment start(VaultEnvironmentSpec spec) {
            throw new UnsupportedOperationException("registered only to be passed over");
        }

        @Override
        public VaultEnvironment deploy(VaultEnvironmentSpec spec, KubernetesCluster cluster) {
            throw new UnsupportedOperationException("registered only to be passed over");
        }
    }
}
