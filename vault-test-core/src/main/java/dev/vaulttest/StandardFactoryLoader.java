package dev.vaulttest;

import java.util.ServiceLoader;

/**
 * Finds the library's own {@link EnvironmentFactory} through {@link ServiceLoader}, so that the user's types
 * here do not depend on the engine that implements them (the engine depends on them). Other factories a
 * classpath registers are left alone: the JUnit extension takes a replacement through its settings.
 */
final class StandardFactoryLoader {

    /** The engine's factory, as vault-test-core registers it in {@code META-INF/services}. */
    private static final String STANDARD = "dev.vaulttest.engine.StandardEnvironmentFactory";

    private StandardFactoryLoader() {
    }

    static EnvironmentFactory load() {
        return ServiceLoader.load(EnvironmentFactory.class, StandardFactoryLoader.class.getClassLoader()).stream()
                .filter(provider -> provider.type().getName().equals(STANDARD))
                .findFirst()
                .map(ServiceLoader.Provider::get)
                .orElseThrow(() -> new IllegalStateException("No " + STANDARD + " registered as an "
                        + EnvironmentFactory.class.getName() + " in META-INF/services. Is vault-test-core on the"
                        + " classpath, and if it was shaded, were its service files merged?"));
    }
}
