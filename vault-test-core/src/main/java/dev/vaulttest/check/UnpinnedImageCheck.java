package dev.vaulttest.check;

import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.EphemeralContainer;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Rule#UNPINNED_IMAGE}: every image of every container (init, regular and ephemeral) of every rendered
 * workload, plus the Vault Agent image the injector is told to inject, must carry a digest or an exact version tag.
 */
final class UnpinnedImageCheck implements RuleCheck {

    /** The injector's environment variable naming the agent image it injects into application pods. */
    private static final String AGENT_IMAGE_ENV = "AGENT_INJECT_VAULT_IMAGE";

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (Workload workload : Workload.of(deployment.manifests())) {
            for (Container c : nullSafe(workload.pod().getInitContainers())) {
                check(workload, c.getName(), "init container", c.getImage(), findings);
            }
            for (Container c : nullSafe(workload.pod().getContainers())) {
                check(workload, c.getName(), "container", c.getImage(), findings);
                for (EnvVar env : nullSafe(c.getEnv())) {
                    if (AGENT_IMAGE_ENV.equals(env.getName()) && env.getValue() != null) {
                        check(workload, c.getName(), "agent image (" + AGENT_IMAGE_ENV + ") of container",
                                env.getValue(), findings);
                    }
                }
            }
            for (EphemeralContainer c : nullSafe(workload.pod().getEphemeralContainers())) {
                check(workload, c.getName(), "ephemeral container", c.getImage(), findings);
            }
        }
        return findings;
    }

    private static void check(Workload workload, String container, String what, String image,
            List<Finding> findings) {
        String shown = image == null || image.isBlank() ? "" : image.strip();
        Optional<String> problem = shown.isEmpty()
                ? Optional.of("has no image")
                : ImageReference.parse(shown).whyNotPinned();
        problem.ifPresent(why -> findings.add(Rule.UNPINNED_IMAGE.finding(workload.resource(),
                "The " + what + " '" + container + "' of " + workload.resource() + " runs image '" + shown + "', which "
                        + why + "; a restart or a new node can pull a different image than the one tested.",
                "Pin it to an exact version or a digest: set " + valueFor(workload, container, what)
                        + " to a version such as 1.2.3 (or add @sha256:<digest>).")));
    }

    /** The chart value that sets an image, as far as the official chart's layout tells. */
    private static String valueFor(Workload workload, String container, String what) {
        String component = workload.podLabels().getOrDefault("component", "");
        String name = workload.podLabels().getOrDefault("app.kubernetes.io/name", "");
        if (what.startsWith("agent image")) {
            return "injector.agentImage.tag";
        }
        if (name.endsWith("agent-injector") || component.equals("webhook")) {
            return "injector.image.tag";
        }
        if (name.endsWith("csi-provider")) {
            return container.contains("agent") ? "csi.agent.image.tag" : "csi.image.tag";
        }
        if (component.equals("server") || "vault".equals(container)) {
            if (what.startsWith("init")) {
                return "the image in server.extraInitContainers";
            }
            return "vault".equals(container) ? "server.image.tag" : "the image in server.extraContainers";
        }
        if (workload.object().getMetadata().getAnnotations() != null
                && "test".equals(workload.object().getMetadata().getAnnotations().get("helm.sh/hook"))) {
            return "server.image.tag (the chart's test pod uses the server image)";
        }
        return "the values entry that sets this image";
    }

    private static <T> List<T> nullSafe(List<T> list) {
        return list == null ? List.of() : list;
    }
}
