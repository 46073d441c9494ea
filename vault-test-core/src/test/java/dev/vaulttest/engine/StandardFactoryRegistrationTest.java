package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.EnvironmentFactory;
import org.junit.jupiter.api.Test;

class StandardFactoryRegistrationTest {

    @Test
    void theUserEntryPointFindsTheEngineThroughItsServiceFile() {
        assertThat(EnvironmentFactory.standard()).isInstanceOf(StandardEnvironmentFactory.class);
    }
}
