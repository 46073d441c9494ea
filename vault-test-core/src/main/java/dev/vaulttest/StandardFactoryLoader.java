package dev.vaulttest;

import java.util.List;
import java.util.ServiceLoader;
import java.util.stream.Collectors;

/**
 * Finds the library's own {@link EnvironmentFactory} through {@link ServiceLoader}, so that the user's types
 * here do not depend on the engine that implements them (the engine depends on them).
 */
final class StandardFactoryLoader {

    private StandardFactoryLoader() {
    }

    static EnvironmentFactory load() {
        List<EnvironmentFactory> found = ServiceLoader.load(EnvironmentFactory.class, StandardFactoryLoader.class.getClassLoader())
                .stream().map(ServiceLoader.Provider::get).collect(Collectors.toList());
        if (found.size() != 1) {
            throw new IllegalStateException("Expected exactly one " + EnvironmentFactory.class.getName()
                    + " registered in META-INF/services by vault-test-core, found " + found.size() + ": "
                    + found.stream().map(f -> f.getClass().getName()).collect(Collectors.joining(", "))
                    + ". Is vault-test-core on the classpath once, and unshaded or shaded with its service files merged?");
        }
        return found.get(0);
    }
}
