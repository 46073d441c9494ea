package dev.vaulttest.chaos;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.base.WaitAbortedException;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.internal.Labels;
import dev.vaulttest.internal.Wait;
import io.fabric8.kubernetes.api.model.ContainerStateTerminated;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A short-lived curl pod that tries to open connections to one destination and exits {@value #CONNECTED_EXIT} when
 * the last attempt connected or {@value #BLOCKED_EXIT} when it was blocked (curl exit 7, refused or rejected, or 28,
 * timed out). It retries a few times until it sees what it expects, because a new policy takes the policy
 * controller a moment to program.
 */
final class Canary {

    /** The label that ties a canary pod to the policy twin that selects it. */
    static final String CANARY_LABEL = "vault-test.dev/canary";
    static final int CONNECTED_EXIT = 0;
    static final int BLOCKED_EXIT = 100;
    private static final int ATTEMPTS = 6;
    private static final Set<String> HOPELESS = Set.of("ErrImagePull", "ImagePullBackOff", "InvalidImageName",
            "CreateContainerConfigError", "CreateContainerError");
    private static final Logger LOG = LoggerFactory.getLogger(Canary.class);

    /** What a canary expects to see, so it stops retrying as soon as it does. */
    enum Expect { CONNECTED, BLOCKED }

    /** What the canary saw. */
    record Result(boolean connected, String detail) {
    }

    private final Supplier<KubernetesClient> client;
    private final String namespace;
    private final ChaosOptions options;

    Canary(Supplier<KubernetesClient> client, String namespace, ChaosOptions options) {
        this.client = client;
        this.namespace = namespace;
        this.options = options;
    }

    /** A fresh id for a canary pod and the policy twin that selects it. */
    static String newId() {
        return UUID.randomUUID().toString().substring(0, 8);
    }

    static Map<String, String> labels(String id) {
        Map<String, String> labels = new LinkedHashMap<>();
        labels.put(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE);
        labels.put(CANARY_LABEL, id);
        return labels;
    }

    /**
     * Runs a canary pod labelled with the id, waits until it exits, and deletes it.
     *
     * @throws VaultTestException when the pod cannot run (image pull, timeout) or exits with another code
     */
    Result run(String id, URI destination, Expect expect) {
        String name = "vt-canary-" + id;
        Pod pod = pod(name, id, destination, expect);
        LOG.debug("Starting canary pod {}/{} towards {} (expects {})", namespace, name, destination, expect);
        client.get().pods().inNamespace(namespace).resource(pod).create();
        try {
            int exit = awaitExit(name);
            if (exit == CONNECTED_EXIT) {
                return new Result(true, "canary " + name + " connected to " + destination);
            }
            if (exit == BLOCKED_EXIT) {
                return new Result(false, "canary " + name + " could not connect to " + destination
                        + " (refused or timed out)");
            }
            throw new VaultTestException("Canary pod " + namespace + "/" + name + " exited with " + exit
                    + " instead of " + CONNECTED_EXIT + " or " + BLOCKED_EXIT + "; does the image "
                    + options.canaryImage() + " have sh and curl?");
        } finally {
            try {
                client.get().pods().inNamespace(namespace).withName(name).withGracePeriod(0).delete();
            } catch (RuntimeException e) {
                LOG.debug("Could not delete canary pod {}: {}", name, e.getMessage());
            }
        }
    }

    private int awaitExit(String name) {
        try {
            return Wait.until("canary pod " + namespace + "/" + name + " to exit", options.canaryTimeout(),
                    options.pollInterval(), () -> exitCode(name), Optional::isPresent,
                    code -> code.map(c -> "exited " + c).orElseGet(() -> describe(name))).orElseThrow();
        } catch (WaitTimeoutException | WaitAbortedException e) {
            throw new VaultTestException("Canary pod " + namespace + "/" + name + " did not run to completion: "
                    + e.getMessage() + ". The image " + options.canaryImage() + " must be pullable by the cluster (or"
                    + " preloaded); change it with ChaosOptions.canaryImage.", e);
        }
    }

    private Optional<Integer> exitCode(String name) {
        Pod pod = client.get().pods().inNamespace(namespace).withName(name).get();
        if (pod == null || pod.getStatus() == null || pod.getStatus().getContainerStatuses() == null) {
            return Optional.empty();
        }
        for (ContainerStatus status : pod.getStatus().getContainerStatuses()) {
            if (status.getState() == null) {
                continue;
            }
            ContainerStateTerminated terminated = status.getState().getTerminated();
            if (terminated != null && terminated.getExitCode() != null) {
                return Optional.of(terminated.getExitCode());
            }
            if (status.getState().getWaiting() != null
                    && HOPELESS.contains(status.getState().getWaiting().getReason())) {
                throw new Wait.Abort("container waiting: " + status.getState().getWaiting().getReason() + " "
                        + Optional.ofNullable(status.getState().getWaiting().getMessage()).orElse(""));
            }
        }
        return Optional.empty();
    }

    private String describe(String name) {
        Pod pod = client.get().pods().inNamespace(namespace).withName(name).get();
        if (pod == null) {
            return "no pod";
        }
        return "phase " + (pod.getStatus() == null ? "unknown" : pod.getStatus().getPhase());
    }

    private Pod pod(String name, String id, URI destination, Expect expect) {
        String script = script(destination, expect);
        return new PodBuilder()
                .withNewMetadata().withName(name).withNamespace(namespace).withLabels(labels(id)).endMetadata()
                .withNewSpec()
                .withRestartPolicy("Never")
                .withAutomountServiceAccountToken(false)
                .withActiveDeadlineSeconds(Math.max(60L, options.canaryTimeout().toSeconds()))
                .withTerminationGracePeriodSeconds(0L)
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(100L)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .addNewContainer()
                .withName("canary")
                .withImage(options.canaryImage())
                .withCommand("sh", "-c", script)
                .withNewSecurityContext().withAllowPrivilegeEscalation(false)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .withNewResources().addToRequests("cpu", new Quantity("10m"))
                .addToRequests("memory", new Quantity("16Mi")).endResources()
                .endContainer()
                .endSpec()
                .build();
    }

    /**
     * The canary's shell script: up to {@value #ATTEMPTS} attempts 3 s apart, stopping at the first one that shows
     * what is expected; the exit code is that of the last attempt's classification.
     */
    static String script(URI destination, Expect expect) {
        String url = destination.toString();
        if (!url.matches("[A-Za-z0-9:/._\\-\\[\\]]+")) {
            throw new IllegalArgumentException("Canary destination must be a plain http(s) URL, got " + url);
        }
        String wanted = expect == Expect.CONNECTED ? String.valueOf(CONNECTED_EXIT) : String.valueOf(BLOCKED_EXIT);
        return String.join("\n", List.of(
                "i=0; seen=" + CONNECTED_EXIT,
                "while [ $i -lt " + ATTEMPTS + " ]; do",
                "  curl -sk --connect-timeout 4 -m 8 -o /dev/null '" + url + "'; rc=$?",
                "  if [ $rc -eq 7 ] || [ $rc -eq 28 ]; then seen=" + BLOCKED_EXIT + "; else seen=" + CONNECTED_EXIT
                        + "; fi",
                "  echo \"attempt $i: curl exit $rc\"",
                "  if [ $seen -eq " + wanted + " ]; then exit $seen; fi",
                "  i=$((i+1)); sleep 3",
                "done",
                "exit $seen"));
    }
}
