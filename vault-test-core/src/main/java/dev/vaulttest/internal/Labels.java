package dev.vaulttest.internal;

import java.util.Map;

/** The labels the library puts on every Kubernetes object it creates, so it can find and remove them. */
public final class Labels {

    /** Label key whose value is the identifier of the environment that created the object. */
    public static final String ENVIRONMENT = "vault-test.dev/environment";

    /** The standard managed-by label key. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    /** The value of {@link #MANAGED_BY} on objects the library creates. */
    public static final String MANAGED_BY_VALUE = "vault-test";

    private Labels() {
    }

    /**
     * The labels for an object owned by one environment.
     *
     * @param environment the owning environment's identifier
     * @return {@link #ENVIRONMENT} and {@link #MANAGED_BY} labels
     */
    public static Map<String, String> forEnvironment(String environment) {
        return Map.of(ENVIRONMENT, environment, MANAGED_BY, MANAGED_BY_VALUE);
    }
}
