package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.ImageReference;
import dev.vaulttest.internal.rendered.RenderedDeployment;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * {@link Rule#UNPINNED_IMAGE}: every image of every container (init, regular and ephemeral) of every rendered
 * workload, plus the Vault Agent image the injector is told to inject, must carry a digest or an exact version tag.
 */
final class UnpinnedImageCheck implements RuleCheck {

    /** The injector's environment variable naming the agent image it injects into application pods. */
    static final String AGENT_IMAGE_ENV = "AGENT_INJECT_VAULT_IMAGE";

    /** Where in a pod an image reference sits. */
    private enum Slot {
        INIT("init container"),
        MAIN("container"),
        EPHEMERAL("ephemeral container"),
        AGENT("agent image (" + AGENT_IMAGE_ENV + ") of container");

        private final String label;

        Slot(String label) {
            this.label = label;
        }
    }

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.of(deployment.manifests())) {
            for (Container c : nullSafe(workload.pod().getInitContainers())) {
                check(workload, c.getName(), Slot.INIT, c.getImage()).ifPresent(findings::add);
            }
            for (Container c : nullSafe(workload.pod().getContainers())) {
                check(workload, c.getName(), Slot.MAIN, c.getImage()).ifPresent(findings::add);
                for (EnvVar env : nullSafe(c.getEnv())) {
                    if (AGENT_IMAGE_ENV.equals(env.getName()) && env.getValue() != null) {
                        check(workload, c.getName(), Slot.AGENT, env.getValue()).ifPresent(findings::add);
                    }
                }
            }
            for (EphemeralContainer c : nullSafe(workload.pod().getEphemeralContainers())) {
                check(workload, c.getName(), Slot.EPHEMERAL, c.getImage()).ifPresent(findings::add);
            }
        }
        return findings;
    }

    private static Optional<Finding> check(Workload workload, String container, Slot slot, String image) {
        String shown = image == null ? "" : image.strip();
        Optional<String> problem = shown.isEmpty()
                ? Optional.of("is empty")
                : ImageReference.parse(shown).whyNotPinned();
        return problem.map(why -> Rule.UNPINNED_IMAGE.finding(workload.resource(),
                "The " + slot.label + " '" + container + "' of " + workload.resource() + " runs image '" + shown
                        + "', which " + why + "; a restart or a new node can pull a different image than the one tested.",
                "Pin it to an exact version or a digest: set " + valueFor(workload, container, slot)
                        + " to a version such as 1.2.3 (or add @sha256:<digest>)."));
    }

    /** The chart value that sets an image, as far as the official chart's layout tells. */
    private static String valueFor(Workload workload, String container, Slot slot) {
        Map<String, String> labels = workload.podLabels();
        String component = labels.getOrDefault("component", "");
        String name = labels.getOrDefault("app.kubernetes.io/name", "");
        if (slot == Slot.AGENT) {
            return "injector.agentImage.tag";
        }
        if (name.endsWith("agent-injector") || component.equals("webhook")) {
            return "injector.image.tag";
        }
        if (name.endsWith("csi-provider")) {
            return container.contains("agent") ? "csi.agent.image.tag" : "csi.image.tag";
        }
        if (component.equals("server")) {
            if (slot == Slot.INIT) {
                return "the image in server.extraInitContainers";
            }
            return "vault".equals(container) ? "server.image.tag" : "the image in server.extraContainers";
        }
        Map<String, String> annotations = workload.object().getMetadata().getAnnotations();
        if (annotations != null && "test".equals(annotations.get("helm.sh/hook"))) {
            return "server.image.tag (the chart's test pod uses the server image)";
        }
        return "the values entry that sets this image";
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
