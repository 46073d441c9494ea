package dev.vaulttest.junit5;

import java.lang.reflect.InvocationTargetException;

/** Creates the objects settings name by class: a public class with a public no-argument constructor. */
final class Instances {

    private Instances() {
    }

    /**
     * Loads and instantiates a class named by a setting.
     *
     * @param key the setting, for messages
     * @param className the fully qualified class name
     * @param type what the class must implement
     * @param <T> the expected type
     * @return a new instance
     * @throws VaultTestConfigurationException naming the key and the class when it cannot be used
     */
    static <T> T create(String key, String className, Class<T> type) {
        Class<?> loaded;
        try {
            ClassLoader loader = Thread.currentThread().getContextClassLoader();
            loaded = Class.forName(className, true, loader != null ? loader : Instances.class.getClassLoader());
        } catch (ClassNotFoundException | LinkageError e) {
            throw new VaultTestConfigurationException(key + "=" + className
                    + " cannot be loaded: " + e + ". Check the name and that the class is on the test class path", e);
        }
        if (!type.isAssignableFrom(loaded)) {
            throw new VaultTestConfigurationException(key + "=" + className + " does not implement " + type.getName());
        }
        try {
            return type.cast(loaded.getConstructor().newInstance());
        } catch (NoSuchMethodException e) {
            throw new VaultTestConfigurationException(key + "=" + className
                    + " has no public no-argument constructor", e);
        } catch (InvocationTargetException e) {
            throw new VaultTestConfigurationException(key + "=" + className + " failed in its constructor: "
                    + e.getCause(), e.getCause());
        } catch (ReflectiveOperationException e) {
            throw new VaultTestConfigurationException(key + "=" + className + " cannot be instantiated: " + e
                    + ". Make the class and its constructor public", e);
        }
    }
}
