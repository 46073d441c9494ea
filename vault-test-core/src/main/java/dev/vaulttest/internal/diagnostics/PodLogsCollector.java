package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.VaultEnvironment;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.util.ArrayList;
import java.util.List;

/**
 * Writes the logs of every container of every pod in the namespace, and of the previous container when it
 * restarted. A log that cannot be read is noted in its file, so the other logs are still written.
 */
final class PodLogsCollector implements Collector {

    @Override
    public String name() {
        return "pod-logs";
    }

    @Override
    public void collect(VaultEnvironment environment, Output out) {
        KubernetesClient client = environment.kubernetes();
        String namespace = environment.namespace();
        for (Pod pod : client.pods().inNamespace(namespace).list().getItems()) {
            String name = pod.getMetadata().getName();
            for (ContainerStatus container : statuses(pod)) {
                String file = "pods/" + name + "/" + container.getName();
                out.write(file + ".log", log(client, namespace, name, container.getName(), false));
                if (container.getRestartCount() != null && container.getRestartCount() > 0) {
                    out.write(file + ".previous.log", log(client, namespace, name, container.getName(), true));
                }
            }
        }
    }

    private static List<ContainerStatus> statuses(Pod pod) {
        List<ContainerStatus> statuses = new ArrayList<>();
        if (pod.getStatus() != null) {
            if (pod.getStatus().getInitContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getInitContainerStatuses());
            }
            if (pod.getStatus().getContainerStatuses() != null) {
                statuses.addAll(pod.getStatus().getContainerStatuses());
            }
        }
        return statuses;
    }

    private static String log(KubernetesClient client, String namespace, String pod, String container,
            boolean previous) {
        try {
            var logs = client.pods().inNamespace(namespace).withName(pod).inContainer(container);
            return previous ? logs.terminated().getLog() : logs.getLog();
        } catch (RuntimeException e) {
            return "(the " + (previous ? "previous " : "") + "log could not be read: " + e.getMessage() + ")\n";
        }
    }
}
