package dev.vaulttest.engine;

import dev.vaulttest.internal.Labels;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.dsl.base.PatchContext;
import io.fabric8.kubernetes.client.dsl.base.PatchType;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renews the {@link Labels#HEARTBEAT} annotation on an environment's namespaces while the environment is open, on a
 * daemon thread of its own. A later run reads it to tell a namespace whose run was killed before its teardown (an
 * old heartbeat) from one that a run still uses. A renewal that fails (the API server restarting, a cluster reboot
 * under test) is logged and tried again at the next interval.
 */
final class NamespaceHeartbeat implements AutoCloseable {

    /** How often the heartbeat is renewed. */
    static final Duration INTERVAL = Labels.HEARTBEAT_INTERVAL;

    private static final Logger LOG = LoggerFactory.getLogger(NamespaceHeartbeat.class);
    private static final int HTTP_FORBIDDEN = 403;

    private final Supplier<KubernetesClient> client;
    private final Supplier<List<String>> namespaces;
    private final Clock clock;
    private final ScheduledExecutorService executor;
    private volatile boolean forbiddenReported;

    /**
     * Starts renewing; the first renewal comes one interval from now (the namespaces are created with a heartbeat).
     *
     * @param client supplies the cluster's current client
     * @param namespaces supplies the namespaces to renew, read at every renewal
     * @param environment the environment, for the thread's name
     * @param interval how often to renew
     * @param clock the time written
     */
    NamespaceHeartbeat(Supplier<KubernetesClient> client, Supplier<List<String>> namespaces, String environment,
            Duration interval, Clock clock) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespaces = Objects.requireNonNull(namespaces, "namespaces");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.executor = Executors.newSingleThreadScheduledExecutor(task -> {
            Thread thread = new Thread(task, "vault-test-heartbeat-" + environment);
            thread.setDaemon(true);
            return thread;
        });
        executor.scheduleWithFixedDelay(this::renew, interval.toMillis(), interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    /**
     * The annotations a namespace is created with: its first heartbeat.
     *
     * @param now the current time
     * @return the heartbeat annotation
     */
    static Map<String, String> firstBeat(Instant now) {
        return Map.of(Labels.HEARTBEAT, now.toString());
    }

    private void renew() {
        String now = clock.instant().toString();
        String patch = "{\"metadata\":{\"annotations\":{\"" + Labels.HEARTBEAT + "\":\"" + now + "\"}}}";
        for (String namespace : namespaces.get()) {
            try {
                client.get().namespaces().withName(namespace).patch(PatchContext.of(PatchType.JSON_MERGE), patch);
            } catch (KubernetesClientException e) {
                if (e.getCode() == HTTP_FORBIDDEN && !forbiddenReported) {
                    forbiddenReported = true;
                    LOG.warn("Cannot renew the heartbeat of namespace {}: the kubeconfig's user may not patch"
                            + " namespaces (HTTP 403). Other runs on this cluster will take it for a killed run's"
                            + " leftover once vaulttest.reap-after has passed, and remove it: grant 'patch' on"
                            + " namespaces, or give those runs vaulttest.reap-after=never", namespace);
                } else {
                    LOG.debug("Could not renew the heartbeat of namespace {}: {}; trying again in the next"
                            + " interval", namespace, e.getMessage());
                }
            } catch (RuntimeException e) {
                LOG.debug("Could not renew the heartbeat of namespace {}: {}; trying again in the next interval",
                        namespace, e.getMessage());
            }
        }
    }

    /** Stops renewing; the annotation stays as it was last written. */
    @Override
    public void close() {
        executor.shutdownNow();
    }
}
