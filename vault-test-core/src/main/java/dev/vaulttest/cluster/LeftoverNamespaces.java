package dev.vaulttest.cluster;

import dev.vaulttest.internal.CleanupCommands;
import dev.vaulttest.internal.Durations;
import dev.vaulttest.internal.Labels;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The namespaces that earlier runs of the library left on an existing cluster, looked at once when the library
 * connects. Every namespace the library creates carries a heartbeat that its run renews every minute while it uses
 * the namespace ({@link Labels#HEARTBEAT}), so:
 * <ul>
 *   <li>a heartbeat older than the reap-after time means the run was killed before its teardown: the namespace is
 *       removed with what belongs to it ({@link NamespaceReaper}), and a warning says so;</li>
 *   <li>a namespace that keep-on-failure left running ({@link Labels#KEPT}) is never removed: a warning names it with
 *       the commands that remove it and what belongs to it;</li>
 *   <li>so is a namespace without a heartbeat (made by a version of the library before heartbeats), and, when
 *       removal is off, one whose heartbeat is older than {@link ExistingClusterSpec#MINIMUM_REAP_AFTER};</li>
 *   <li>a recent heartbeat is a run in progress: left alone, unmentioned.</li>
 * </ul>
 * The heartbeat is written with the clock of the machine that runs the owning test, and compared here with this
 * machine's clock: machines that test against the same cluster must agree on the time to well within the reap-after
 * time (NTP does).
 */
final class LeftoverNamespaces {

    private static final Logger LOG = LoggerFactory.getLogger(LeftoverNamespaces.class);
    private static final int LISTED = 10;
    private static final String KUBECTL = "kubectl";

    /**
     * What was found.
     *
     * @param removed the namespaces removed as leftovers of killed runs, each with its age
     * @param left the leftovers named in a warning and left in place, oldest first, each with why
     */
    record Outcome(List<String> removed, List<String> left) {

        Outcome {
            removed = List.copyOf(removed);
            left = List.copyOf(left);
        }
    }

    private LeftoverNamespaces() {
    }

    /**
     * Removes the namespaces of killed runs and warns about the other leftovers.
     *
     * @param client the cluster's client
     * @param cluster the cluster, for the messages
     * @param now the current time
     * @param reapAfter how old a heartbeat must be for its namespace to be removed; empty to remove nothing
     * @return what was removed and what was left; empty also when the user may not list namespaces
     */
    static Outcome tidy(KubernetesClient client, String cluster, Instant now, Optional<Duration> reapAfter) {
        List<Namespace> found;
        try {
            found = client.namespaces().withLabel(Labels.MANAGED_BY, Labels.MANAGED_BY_VALUE).list().getItems();
        } catch (KubernetesClientException e) {
            LOG.debug("Could not list namespaces on {} to look for earlier runs' leftovers: {}", cluster,
                    e.getMessage());
            return new Outcome(List.of(), List.of());
        }
        List<String> removed = new ArrayList<>();
        List<String> left = new ArrayList<>();
        List<String> leftNames = new ArrayList<>();
        List<String> leftEnvironments = new ArrayList<>();
        NamespaceReaper reaper = new NamespaceReaper(client);
        for (Namespace namespace : found.stream().sorted(Comparator.comparing(LeftoverNamespaces::created)).toList()) {
            String name = namespace.getMetadata().getName();
            Map<String, String> annotations = orEmpty(namespace.getMetadata().getAnnotations());
            Optional<String> environment = Optional.ofNullable(
                    orEmpty(namespace.getMetadata().getLabels()).get(Labels.ENVIRONMENT));
            Optional<Duration> silence = age(annotations.get(Labels.HEARTBEAT), now);
            String age = age(namespace.getMetadata().getCreationTimestamp(), now).map(Durations::format)
                    .map(text -> text + " old").orElse("age unknown");
            Optional<String> leftBecause = Optional.empty();
            if (annotations.containsKey(Labels.KEPT)) {
                leftBecause = Optional.of("kept on failure");
            } else if (silence.isEmpty()) {
                leftBecause = Optional.of("no heartbeat");
            } else if (reapAfter.isPresent() && silence.get().compareTo(reapAfter.get()) > 0) {
                List<String> objects = reaper.reap(name, environment);
                LOG.warn("Removed {} from {}: a vault-test run created it and was stopped before its teardown (no"
                        + " heartbeat for {}, more than {}); deleted {}", name, cluster,
                        Durations.format(silence.get()), Durations.format(reapAfter.get()), objects);
                removed.add(name + " (" + age + ", no heartbeat for " + Durations.format(silence.get()) + ")");
            } else if (reapAfter.isEmpty() && silence.get().compareTo(ExistingClusterSpec.MINIMUM_REAP_AFTER) > 0) {
                leftBecause = Optional.of("last heartbeat " + Durations.format(silence.get()) + " ago");
            }
            if (leftBecause.isPresent()) {
                left.add(name + " (" + age + ", " + leftBecause.get() + ")");
                leftNames.add(name);
                environment.ifPresent(leftEnvironments::add);
            }
        }
        if (!left.isEmpty()) {
            String listed = String.join(", ", left.subList(0, Math.min(LISTED, left.size())))
                    + (left.size() > LISTED ? " and " + (left.size() - LISTED) + " more" : "");
            LOG.warn("{} holds {} namespace(s) that earlier vault-test runs created and did not remove: {}. They are"
                    + " not removed automatically. If no run is using them, remove them with:\n  {}", cluster,
                    left.size(), listed, String.join("\n  ",
                    CleanupCommands.removeEnvironments(KUBECTL, leftNames, leftEnvironments)));
        }
        return new Outcome(removed, left);
    }

    private static String created(Namespace namespace) {
        return String.valueOf(namespace.getMetadata().getCreationTimestamp());
    }

    private static Optional<Duration> age(String timestamp, Instant now) {
        if (timestamp == null) {
            return Optional.empty();
        }
        try {
            Duration age = Duration.between(Instant.parse(timestamp), now);
            return Optional.of(age.isNegative() ? Duration.ZERO : age);
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> orEmpty(Map<String, String> map) {
        return map == null ? Map.of() : map;
    }
}
