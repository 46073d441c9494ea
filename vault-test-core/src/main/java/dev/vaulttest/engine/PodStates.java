package dev.vaulttest.engine;

import dev.vaulttest.internal.Redactor;
import dev.vaulttest.internal.rendered.RenderedDeployment;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Event;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Reads the Vault pods of one release and describes them for waits and failure messages: phase, scheduling,
 * container waiting and termination reasons, restarts; the namespace's recent events; the last log lines of
 * each Vault container, redacted.
 */
final class PodStates {

    private static final int EVENT_LINES = 15;
    private static final int LOG_LINES = 10;
    private static final int LOG_LINE_LENGTH = 300;

    private final Supplier<KubernetesClient> client;
    private final String namespace;
    private final List<String> podNames;

    PodStates(Supplier<KubernetesClient> client, String namespace, List<String> podNames) {
        this.client = Objects.requireNonNull(client, "client");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.podNames = List.copyOf(podNames);
    }

    /** Every expected pod by name; a missing pod maps to {@code null}. */
    Map<String, Pod> read() {
        Map<String, Pod> pods = new LinkedHashMap<>();
        for (String name : podNames) {
            pods.put(name, client.get().pods().inNamespace(namespace).withName(name).get());
        }
        return pods;
    }

    /** Container waiting reasons that no amount of waiting fixes: the pod spec itself is wrong. */
    private static final java.util.Set<String> HOPELESS = java.util.Set.of("CreateContainerConfigError",
            "InvalidImageName", "ErrImageNeverPull", "CreateContainerError");

    /**
     * Reads the pods, and gives up at once when a container cannot start whatever happens (a missing Secret or
     * ConfigMap key, an invalid image name).
     *
     * @return the pods by name
     * @throws dev.vaulttest.internal.Wait.Abort naming the pod and the reason
     */
    Map<String, Pod> readOrAbort() {
        Map<String, Pod> pods = read();
        for (Map.Entry<String, Pod> entry : pods.entrySet()) {
            Pod pod = entry.getValue();
            if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
                continue;
            }
            for (ContainerStatus container : pod.getStatus().getContainerStatuses()) {
                var waiting = container.getState() == null ? null : container.getState().getWaiting();
                if (waiting != null && HOPELESS.contains(waiting.getReason())) {
                    throw new dev.vaulttest.internal.Wait.Abort(describe(entry.getKey(), pod)
                            + "; the pod spec cannot start as it is, so waiting longer cannot help");
                }
            }
        }
        return pods;
    }

    static boolean allRunning(Map<String, Pod> pods) {
        return pods.values().stream().allMatch(PodStates::running);
    }

    static boolean running(Pod pod) {
        return pod != null && pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase())
                && pod.getMetadata().getDeletionTimestamp() == null;
    }

    /** One line per pod, for wait messages. */
    static String describe(Map<String, Pod> pods) {
        return pods.entrySet().stream().map(e -> describe(e.getKey(), e.getValue()))
                .collect(Collectors.joining("; "));
    }

    static String describe(String name, Pod pod) {
        if (pod == null) {
            return name + ": no pod yet";
        }
        StringBuilder text = new StringBuilder(name).append(": ");
        var status = pod.getStatus();
        text.append(status == null || status.getPhase() == null ? "no status" : status.getPhase());
        if (pod.getMetadata().getDeletionTimestamp() != null) {
            text.append(" (terminating)");
        }
        if (status == null) {
            return text.toString();
        }
        if (status.getConditions() != null) {
            for (PodCondition condition : status.getConditions()) {
                if ("PodScheduled".equals(condition.getType()) && "False".equals(condition.getStatus())) {
                    text.append(", unschedulable: ").append(reason(condition.getReason(), condition.getMessage()));
                }
            }
        }
        List<ContainerStatus> containers = new ArrayList<>();
        if (status.getInitContainerStatuses() != null) {
            containers.addAll(status.getInitContainerStatuses());
        }
        if (status.getContainerStatuses() != null) {
            containers.addAll(status.getContainerStatuses());
        }
        for (ContainerStatus container : containers) {
            var state = container.getState();
            if (state != null && state.getWaiting() != null && state.getWaiting().getReason() != null) {
                text.append(", container ").append(container.getName()).append(" waiting: ")
                        .append(reason(state.getWaiting().getReason(), state.getWaiting().getMessage()));
            }
            if (state != null && state.getTerminated() != null) {
                text.append(", container ").append(container.getName()).append(" terminated: ")
                        .append(reason(state.getTerminated().getReason(), "exit code "
                                + state.getTerminated().getExitCode()));
            }
            var last = container.getLastState();
            if (last != null && last.getTerminated() != null) {
                text.append(", last termination of ").append(container.getName()).append(": ")
                        .append(reason(last.getTerminated().getReason(), "exit code "
                                + last.getTerminated().getExitCode()));
            }
            if (container.getRestartCount() != null && container.getRestartCount() > 0) {
                text.append(", ").append(container.getRestartCount()).append(" restart(s)");
            }
        }
        return text.toString();
    }

    private static String reason(String reason, String message) {
        String text = reason == null ? "" : reason;
        if (message != null && !message.isBlank()) {
            text += (text.isEmpty() ? "" : " (") + message.strip() + (text.isEmpty() ? "" : ")");
        }
        return Redactor.redact(text);
    }

    /** The namespace's most recent events, oldest first; never throws. */
    String recentEvents() {
        try {
            List<Event> events = new ArrayList<>(client.get().v1().events().inNamespace(namespace).list().getItems());
            events.sort(Comparator.comparing(PodStates::eventTime));
            List<Event> recent = events.subList(Math.max(0, events.size() - EVENT_LINES), events.size());
            if (recent.isEmpty()) {
                return "  (no events)";
            }
            return recent.stream().map(PodStates::describe).map(line -> "  " + line)
                    .collect(Collectors.joining("\n"));
        } catch (RuntimeException e) {
            return "  (events could not be read: " + e.getMessage() + ")";
        }
    }

    private static String eventTime(Event event) {
        if (event.getLastTimestamp() != null) {
            return event.getLastTimestamp();
        }
        if (event.getEventTime() != null && event.getEventTime().getTime() != null) {
            return event.getEventTime().getTime();
        }
        return event.getMetadata().getCreationTimestamp() == null ? "" : event.getMetadata().getCreationTimestamp();
    }

    private static String describe(Event event) {
        var involved = event.getInvolvedObject();
        String object = involved == null ? "?" : involved.getKind() + "/" + involved.getName();
        String count = event.getCount() != null && event.getCount() > 1 ? " (x" + event.getCount() + ")" : "";
        return Redactor.redact(eventTime(event) + " " + (event.getType() == null ? "" : event.getType()) + " "
                + object + " " + (event.getReason() == null ? "" : event.getReason()) + ": "
                + (event.getMessage() == null ? "" : event.getMessage().strip()) + count);
    }

    /** Whether the Vault container has ever started, so it has a log. */
    private static boolean hasStarted(Pod pod) {
        if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return false;
        }
        return pod.getStatus().getContainerStatuses().stream()
                .filter(c -> RenderedDeployment.VAULT_CONTAINER.equals(c.getName()))
                .anyMatch(c -> (c.getState() != null && (c.getState().getRunning() != null
                        || c.getState().getTerminated() != null))
                        || (c.getRestartCount() != null && c.getRestartCount() > 0));
    }

    private static String shorten(String line) {
        return line.length() <= LOG_LINE_LENGTH ? line : line.substring(0, LOG_LINE_LENGTH) + " [...]";
    }

    /** The last lines of each running or restarted Vault container's log, redacted; never throws. */
    String recentLogs() {
        StringBuilder text = new StringBuilder();
        for (String name : podNames) {
            try {
                Pod pod = client.get().pods().inNamespace(namespace).withName(name).get();
                if (!hasStarted(pod)) {
                    continue;
                }
                String log = client.get().pods().inNamespace(namespace).withName(name)
                        .inContainer(RenderedDeployment.VAULT_CONTAINER).tailingLines(LOG_LINES).getLog();
                text.append("  ").append(name).append(":\n");
                if (log == null || log.isBlank()) {
                    text.append("    (empty)\n");
                } else {
                    log.lines().map(PodStates::shorten)
                            .forEach(line -> text.append("    ").append(Redactor.redact(line)).append('\n'));
                }
            } catch (RuntimeException e) {
                text.append("  ").append(name).append(": (log could not be read: ").append(e.getMessage())
                        .append(")\n");
            }
        }
        return text.length() == 0 ? "  (no container has started)" : text.toString().stripTrailing();
    }
}
