package dev.vaulttest.junit5.internal;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.VaultTestException;
import java.lang.reflect.InvocationTargetException;

/** The library's standard environment factory, used unless a test configures another one. */
final class StandardFactory {

    static final String CLASS_NAME = "dev.vaulttest.StandardEnvironmentFactory";

    private StandardFactory() {
    }

    static EnvironmentFactory create() {
        try {
            return (EnvironmentFactory) Class.forName(CLASS_NAME).getConstructor().newInstance();
        } catch (ClassNotFoundException e) {
            throw new VaultTestException("vault-test-core on the class path has no " + CLASS_NAME
                    + ": use a vault-test-core of the same version as vault-test-junit5", e);
        } catch (InvocationTargetException e) {
            throw new VaultTestException("The standard environment factory failed to start: " + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new VaultTestException("The standard environment factory cannot be created: " + e, e);
        }
    }
}
