package dev.vaulttest.internal;

import java.time.Duration;
import java.util.Map;

/**
 * The labels the library puts on every Kubernetes object it creates, so it can find and remove them, and the
 * annotations on its namespaces that tell whether a run still uses them.
 */
public final class Labels {

    /** Label key whose value is the identifier of the environment that created the object. */
    public static final String ENVIRONMENT = "vault-test.dev/environment";

    /** The standard managed-by label key. */
    public static final String MANAGED_BY = "app.kubernetes.io/managed-by";

    /** The value of {@link #MANAGED_BY} on objects the library creates. */
    public static final String MANAGED_BY_VALUE = "vault-test";

    /**
     * Annotation on the library's namespaces: when the run that owns the namespace last said it is alive (an ISO-8601
     * instant), renewed every {@link #HEARTBEAT_INTERVAL} while the environment is open. A namespace whose heartbeat
     * is old belongs to a run that was killed before its teardown.
     */
    public static final String HEARTBEAT = "vault-test.dev/heartbeat";

    /** How often a run renews {@link #HEARTBEAT} on the namespaces it uses. */
    public static final Duration HEARTBEAT_INTERVAL = Duration.ofMinutes(1);

    /**
     * Annotation on a namespace that keep-on-failure left running on purpose: why and since when. Such a namespace
     * is never removed by a later run, whatever its heartbeat says.
     */
    public static final String KEPT = "vault-test.dev/kept";

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
