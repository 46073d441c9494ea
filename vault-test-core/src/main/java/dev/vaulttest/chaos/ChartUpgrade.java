package dev.vaulttest.chaos;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.internal.Wait;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A Helm upgrade of the release to another chart and/or values, in one of two ways:
 * <ul>
 *   <li>{@link Procedure#ON_DELETE}, the documented procedure for the chart's OnDelete StatefulSet: a raft
 *   snapshot first (only with raft storage: file and standalone storage have none), then {@code helm upgrade}, then each standby deleted one at a time, each back, unsealed and
 *   past the ready gate before the next, and the active node last (no step-down). Verified when every pod was
 *   recreated on the StatefulSet's new template image.</li>
 *   <li>{@link Procedure#HELM_ONLY}, the naive way: {@code helm upgrade} and nothing else, so a test can show that
 *   no pod restarted and every pod still runs the old template. Verified when the StatefulSet's template changed
 *   (the pods are out of date).</li>
 * </ul>
 * The handle reports each pod's image before and after. Nothing is healed on close.
 */
public final class ChartUpgrade extends AbstractDisruption {

    /** How the upgrade is carried out. */
    public enum Procedure {
        /** The documented OnDelete procedure: snapshot, helm upgrade, standbys one by one, the active node last. */
        ON_DELETE,
        /** {@code helm upgrade} only; with OnDelete nothing restarts. */
        HELM_ONLY
    }

    private static final Logger LOG = LoggerFactory.getLogger(ChartUpgrade.class);
    private static final String REVISION_LABEL = "controller-revision-hash";

    private final UpgradeTarget upgradeTarget;
    private final Procedure procedure;
    private Optional<Path> snapshot = Optional.empty();
    private Map<String, PodImage> before = Map.of();
    private Map<String, PodImage> after = Map.of();
    private String templateImage = "";
    private final List<String> restartOrder = new ArrayList<>();

    private ChartUpgrade(VaultEnvironment env, ChaosOptions options, UpgradeTarget target, Procedure procedure) {
        super(env, options, procedure == Procedure.ON_DELETE ? "upgrade-ondelete" : "upgrade-helm-only",
                "release/" + env.releaseName() + " to " + target.describe());
        this.upgradeTarget = target;
        this.procedure = procedure;
    }

    static ChartUpgrade apply(VaultEnvironment env, ChaosOptions options, UpgradeTarget target, Procedure procedure) {
        ChartUpgrade upgrade = new ChartUpgrade(env, options, target, procedure);
        if (procedure == Procedure.ON_DELETE) {
            upgrade.onDelete();
        } else {
            upgrade.helmOnly();
        }
        return upgrade;
    }

    private void onDelete() {
        ReleaseObjects release = new ReleaseObjects(env);
        before = images(release);
        String storage = env.client().sealStatus().storageType();
        if ("raft".equals(storage)) {
            snapshot = Optional.of(takeSnapshot());
        } else {
            LOG.info("{} keeps its data in {} storage, which has no raft snapshot; back up its volume before"
                    + " upgrading a deployment you care about", env.releaseName(), storage);
        }
        markApplied(now());
        options.upgrader().upgrade(env, upgradeTarget);
        templateImage = templateImage(release.statefulSet());
        DeploymentSnapshot roles = env.snapshot();
        NodeSnapshot active = roles.active().orElseThrow(() -> new VaultTestException("The chart was upgraded, but"
                + " no single node is active, so the OnDelete procedure cannot tell which pod goes last. Pods"
                + " still run the old template. Deployment:\n" + roles.describe()));
        List<String> order = roles.nodes().stream().map(NodeSnapshot::name).filter(n -> !n.equals(active.name()))
                .collect(Collectors.toCollection(ArrayList::new));
        order.add(active.name());
        PodDeleter deleter = new PodDeleter(release);
        for (String node : order) {
            restart(release, deleter, node);
            restartOrder.add(node);
        }
        after = images(release);
        verifyWithin("every pod recreated (new UID) on the template image " + templateImage, options.faultTimeout(),
                () -> images(release), images -> before.keySet().stream().allMatch(name ->
                        Optional.ofNullable(images.get(name)).filter(i -> !i.uid().equals(before.get(name).uid()))
                                .filter(i -> i.specImage().equals(templateImage)).isPresent()),
                ChartUpgrade::describe, "A pod kept its old spec; was the StatefulSet's updateStrategy changed?");
    }

    /** One step of the procedure: delete the pod, wait until it is gone, unsealed and the gate holds again. */
    private void restart(ReleaseObjects release, PodDeleter deleter, String node) {
        String oldUid = release.podUid(node).orElseThrow(() -> new VaultTestException("Pod " + node + " vanished"
                + " during the upgrade; the procedure stops here."));
        LOG.debug("Upgrade of {}: deleting {} (UID {})", env.releaseName(), node, oldUid);
        deleter.delete(node, Grace.GRACEFUL);
        try {
            Wait.until("pod " + node + " replaced during the upgrade", options.faultTimeout(), options.pollInterval(),
                    () -> release.podUid(node), uid -> uid.isPresent() && !uid.get().equals(oldUid),
                    uid -> uid.map(u -> u.equals(oldUid) ? "old pod still there" : "new pod " + u)
                            .orElse("no pod yet"));
        } catch (WaitTimeoutException e) {
            throw new VaultTestException("Upgrade of " + env.releaseName() + " stopped at " + node + ": "
                    + e.getMessage() + ". Restarted so far: " + restartOrder, e);
        }
        env.unsealAll(env.spec().timeouts().podsRunning().plus(env.spec().timeouts().ready()));
        env.awaitReady(env.spec().timeouts().ready());
    }

    private void helmOnly() {
        ReleaseObjects release = new ReleaseObjects(env);
        before = images(release);
        markApplied(now());
        options.upgrader().upgrade(env, upgradeTarget);
        StatefulSet set = verifyWithin("the StatefulSet's pod template changed, leaving every pod out of date",
                options.faultTimeout(), release::statefulSet, this::templateChanged, this::describeTemplate,
                "The upgrade did not change the pod template, so nothing would restart in either procedure.");
        templateImage = templateImage(set);
        after = images(release);
    }

    private boolean templateChanged(StatefulSet set) {
        String image = templateImage(set);
        boolean imageChanged = before.values().stream().anyMatch(i -> !i.specImage().equals(image));
        Optional<String> updateRevision = Optional.ofNullable(set.getStatus()).map(s -> s.getUpdateRevision());
        boolean revisionChanged = updateRevision.isPresent() && before.values().stream()
                .anyMatch(i -> i.revision().isPresent() && !i.revision().equals(updateRevision));
        return imageChanged || revisionChanged;
    }

    private String describeTemplate(StatefulSet set) {
        return "template image " + templateImage(set) + ", update revision "
                + Optional.ofNullable(set.getStatus()).map(s -> s.getUpdateRevision()).orElse("?") + "; pods "
                + before.values().stream().map(i -> i.pod() + " " + i.specImage() + " rev " + i.revision().orElse("?"))
                .collect(Collectors.joining(", "));
    }

    private Path takeSnapshot() {
        Path file = options.snapshotDirectory().resolve(env.releaseName() + "-" + now().toEpochMilli() + ".snap");
        try {
            Files.createDirectories(options.snapshotDirectory());
            long bytes = env.client().saveSnapshot(file);
            LOG.debug("Saved a raft snapshot of {} before upgrading: {} ({} bytes)", env.releaseName(), file, bytes);
            return file;
        } catch (IOException | RuntimeException e) {
            throw new ChaosPreconditionException("Could not take a raft snapshot of " + env.releaseName()
                    + " before upgrading (" + e.getMessage() + "); the upgrade was not started. The documented"
                    + " procedure needs one: Vault does not promise that a newer version's data can be read by an"
                    + " older one.", e);
        }
    }

    private static Map<String, PodImage> images(ReleaseObjects release) {
        Map<String, PodImage> images = new LinkedHashMap<>();
        release.pods().forEach((name, pod) -> images.put(name, image(pod)));
        return images;
    }

    private static PodImage image(Pod pod) {
        Optional<ContainerStatus> status = ReleaseObjects.vaultStatus(pod);
        return new PodImage(pod.getMetadata().getName(), pod.getMetadata().getUid(),
                ReleaseObjects.specImage(pod.getSpec().getContainers()).orElse(""),
                status.map(ContainerStatus::getImage), status.map(ContainerStatus::getImageID)
                        .filter(id -> !id.isBlank()),
                Optional.ofNullable(pod.getMetadata().getLabels()).map(l -> l.get(REVISION_LABEL)));
    }

    private static String templateImage(StatefulSet set) {
        return ReleaseObjects.specImage(set.getSpec().getTemplate().getSpec().getContainers()).orElse("");
    }

    private static String describe(Map<String, PodImage> images) {
        return images.values().stream().map(i -> i.pod() + " UID " + i.uid() + " " + i.specImage())
                .collect(Collectors.joining(", "));
    }

    /**
     * How the upgrade was carried out.
     *
     * @return the procedure
     */
    public Procedure procedure() {
        return procedure;
    }

    /**
     * The raft snapshot taken before the upgrade.
     *
     * @return the file; empty for {@link Procedure#HELM_ONLY} and for storage other than raft
     */
    public Optional<Path> snapshot() {
        return snapshot;
    }

    /**
     * Each pod's image before the upgrade, by pod name.
     *
     * @return the images
     */
    public Map<String, PodImage> imagesBefore() {
        return before;
    }

    /**
     * Each pod's image after the upgrade, by pod name.
     *
     * @return the images
     */
    public Map<String, PodImage> imagesAfter() {
        return after;
    }

    /**
     * The Vault image of the StatefulSet's pod template after the upgrade.
     *
     * @return the image
     */
    public String templateImage() {
        return templateImage;
    }

    /**
     * The pods whose UID changed between before and after.
     *
     * @return the recreated pods, by name
     */
    public List<String> restartedPods() {
        return before.keySet().stream().filter(name -> Optional.ofNullable(after.get(name))
                .map(i -> !i.uid().equals(before.get(name).uid())).orElse(true)).toList();
    }

    /**
     * The order in which the OnDelete procedure restarted the pods (standbys first, the active node last).
     *
     * @return the pod names; empty for {@link Procedure#HELM_ONLY}
     */
    public List<String> restartOrder() {
        return List.copyOf(restartOrder);
    }

    /**
     * The Vault image of one pod at one moment.
     *
     * @param pod the pod name
     * @param uid the pod's UID
     * @param specImage the image the pod spec names
     * @param runningImage the image the kubelet reports running; empty before the container started
     * @param imageId the image digest the kubelet reports; empty before the container started
     * @param revision the StatefulSet revision the pod was created from ({@code controller-revision-hash}); empty when
     *     unlabelled
     */
    public record PodImage(String pod, String uid, String specImage, Optional<String> runningImage,
            Optional<String> imageId, Optional<String> revision) {

        /**
         * Validates the components.
         *
         * @param pod the pod name
         * @param uid the UID
         * @param specImage the spec image
         * @param runningImage the running image
         * @param imageId the image digest
         * @param revision the StatefulSet revision
         */
        public PodImage {
            Objects.requireNonNull(pod, "pod");
            Objects.requireNonNull(uid, "uid");
            Objects.requireNonNull(specImage, "specImage");
            Objects.requireNonNull(runningImage, "runningImage");
            Objects.requireNonNull(imageId, "imageId");
            Objects.requireNonNull(revision, "revision");
        }
    }

    /**
     * What a chart upgrade moves the release to: another chart (version), other values, or both. What is empty stays
     * as installed.
     *
     * @param chart the chart to upgrade to; empty to keep the installed chart
     * @param values the values to upgrade with; empty to keep the installed values
     */
    public record UpgradeTarget(Optional<ChartSource> chart, Optional<ChartValues> values) {

        /**
         * Validates that something changes.
         *
         * @param chart the chart, or empty
         * @param values the values, or empty
         */
        public UpgradeTarget {
            Objects.requireNonNull(chart, "chart");
            Objects.requireNonNull(values, "values");
            if (chart.isEmpty() && values.isEmpty()) {
                throw new IllegalArgumentException("An upgrade target needs a chart, values, or both; both were empty");
            }
        }

        /**
         * An upgrade to another chart with the installed values.
         *
         * @param chart the chart, for example {@code ChartSource.official("0.34.1")}
         * @return the target
         */
        public static UpgradeTarget chart(ChartSource chart) {
            return new UpgradeTarget(Optional.of(chart), Optional.empty());
        }

        /**
         * An upgrade of the installed chart to other values.
         *
         * @param values the values
         * @return the target
         */
        public static UpgradeTarget values(ChartValues values) {
            return new UpgradeTarget(Optional.empty(), Optional.of(values));
        }

        /**
         * An upgrade to another chart and other values.
         *
         * @param chart the chart
         * @param values the values
         * @return the target
         */
        public static UpgradeTarget of(ChartSource chart, ChartValues values) {
            return new UpgradeTarget(Optional.of(chart), Optional.of(values));
        }

        /**
         * A short description for messages.
         *
         * @return for example {@code chart vault 0.34.1 with new values}
         */
        public String describe() {
            return chart.map(c -> "chart " + c.describe()).orElse("the installed chart")
                    + values.map(v -> " with new values").orElse(" with the installed values");
        }
    }
}
