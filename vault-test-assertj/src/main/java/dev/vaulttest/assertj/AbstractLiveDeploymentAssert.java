package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.error.ShouldHaveOwnPersistentVolumeClaims.shouldHaveOwnClaims;
import static dev.vaulttest.assertj.error.ShouldHavePinnedImages.shouldHavePinnedImages;
import static dev.vaulttest.assertj.error.ShouldHaveReclaimPolicy.shouldHaveReclaimPolicy;
import static dev.vaulttest.assertj.error.ShouldHaveUpdateStrategy.shouldHaveUpdateStrategy;

import dev.vaulttest.chart.RenderedManifests;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.check.CheckOptions;
import dev.vaulttest.check.Finding;
import dev.vaulttest.check.LiveDeployment;
import dev.vaulttest.check.Rule;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.check.StaticChecks;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.PersistentVolume;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what runs in Kubernetes for a Vault release ({@link LiveDeployment}), the state the
 * pre-production checklist cares about: a claim per pod, the volumes' reclaim policy, pinned images, the
 * StatefulSet's update strategy, and the checklist itself applied to the live objects.
 *
 * @param <SELF> the concrete assertion type, for chaining from subclasses
 */
public abstract class AbstractLiveDeploymentAssert<SELF extends AbstractLiveDeploymentAssert<SELF>>
        extends AbstractAssert<SELF, LiveDeployment> {

    private static final String DEFAULT_CLASS = "storageclass.kubernetes.io/is-default-class";
    private static final String BETA_DEFAULT_CLASS = "storageclass.beta.kubernetes.io/is-default-class";

    /**
     * Creates the assertion.
     *
     * @param actual the live release to check
     * @param selfType the concrete assertion class
     */
    protected AbstractLiveDeploymentAssert(LiveDeployment actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that every Vault server pod mounts at least one PersistentVolumeClaim and that no claim is mounted
     * by two server pods.
     *
     * @return this assertion
     */
    public SELF eachPodHasItsOwnPersistentVolumeClaim() {
        isNotNull();
        Map<String, List<String>> claimsByPod = new LinkedHashMap<>();
        Map<String, List<String>> podsByClaim = new LinkedHashMap<>();
        for (Pod pod : actual.serverPods()) {
            String podName = pod.getMetadata().getName();
            List<String> claims = claimNames(pod);
            claimsByPod.put(podName, claims);
            claims.forEach(claim -> podsByClaim.computeIfAbsent(claim, c -> new ArrayList<>()).add(podName));
        }
        Map<String, List<String>> shared = new LinkedHashMap<>();
        podsByClaim.forEach((claim, pods) -> {
            if (pods.size() > 1) {
                shared.put(claim, pods);
            }
        });
        if (claimsByPod.isEmpty() || claimsByPod.containsValue(List.of()) || !shared.isEmpty()) {
            throwAssertionError(shouldHaveOwnClaims(actual, claimsByPod, shared));
        }
        return myself;
    }

    /**
     * Verifies the reclaim policy of the volumes behind the server pods' claims: the bound PersistentVolume's
     * policy, or for a claim not bound yet its StorageClass's (the cluster's default class when the claim names
     * none). An unknown policy fails.
     *
     * @param expected the policy, usually {@link StorageReclaimPolicy#RETAIN}
     * @return this assertion
     * @throws IllegalArgumentException when {@code expected} is null
     */
    public SELF hasStorageReclaimPolicy(StorageReclaimPolicy expected) {
        Arguments.requireNonNull(expected, "reclaim policy");
        isNotNull();
        List<String> offenders = new ArrayList<>();
        List<String> perClaim = new ArrayList<>();
        boolean deletes = false;
        List<String> seen = new ArrayList<>();
        for (Pod pod : actual.serverPods()) {
            for (String claimName : claimNames(pod)) {
                if (seen.contains(claimName)) {
                    continue;
                }
                seen.add(claimName);
                Policy policy = policyOf(claimName);
                perClaim.add(claimName + ": " + policy.describe());
                if (!policy.value().map(expected.kubernetesName()::equals).orElse(false)) {
                    offenders.add(claimName);
                    deletes |= policy.value().map("Delete"::equals).orElse(false);
                }
            }
        }
        if (perClaim.isEmpty() || !offenders.isEmpty()) {
            throwAssertionError(shouldHaveReclaimPolicy(actual, expected.kubernetesName(), offenders, perClaim, deletes));
        }
        return myself;
    }

    /**
     * Verifies that every image of the release's workloads and running pods (init, regular and ephemeral
     * containers, and the agent image the injector injects) is pinned to an exact version or a digest. Uses the
     * checklist's {@code UNPINNED_IMAGE} rule; the running pods are included because with {@code OnDelete} they
     * can run another image than their StatefulSet's template.
     *
     * @return this assertion
     */
    public SELF hasOnlyPinnedImages() {
        isNotNull();
        List<HasMetadata> objects = new ArrayList<>(actual.manifests().objects());
        objects.addAll(actual.pods());
        List<Finding> findings = StaticChecks.evaluate(new RenderedManifests(objects),
                new CheckOptions(actual.storageClasses(), actual.schedulableNodes())).withRule(Rule.UNPINNED_IMAGE.id());
        if (!findings.isEmpty()) {
            throwAssertionError(shouldHavePinnedImages(actual, findings));
        }
        return myself;
    }

    /**
     * Verifies the update strategy of every Vault server StatefulSet ({@code RollingUpdate} when unset, as in
     * Kubernetes).
     *
     * @param expected {@code OnDelete} or {@code RollingUpdate}
     * @return this assertion
     * @throws IllegalArgumentException when {@code expected} is not one of the two
     */
    public SELF hasUpdateStrategy(String expected) {
        Arguments.require("OnDelete".equals(expected) || "RollingUpdate".equals(expected),
                "A StatefulSet update strategy is OnDelete or RollingUpdate, not " + Arguments.quote(expected));
        isNotNull();
        Map<String, String> strategies = new LinkedHashMap<>();
        for (StatefulSet sts : actual.serverStatefulSets()) {
            String type = sts.getSpec().getUpdateStrategy() == null || sts.getSpec().getUpdateStrategy().getType() == null
                    ? "RollingUpdate" : sts.getSpec().getUpdateStrategy().getType();
            strategies.put(sts.getMetadata().getName(), type);
        }
        if (strategies.isEmpty() || strategies.values().stream().anyMatch(type -> !type.equals(expected))) {
            throwAssertionError(shouldHaveUpdateStrategy(actual, expected, strategies));
        }
        return myself;
    }

    /**
     * Verifies that the production-readiness checklist, applied to the live objects with the cluster's real
     * StorageClasses and node count, has no finding at or above a severity.
     *
     * @param threshold the least serious severity that fails
     * @return this assertion
     * @throws IllegalArgumentException when {@code threshold} is null
     */
    public SELF hasNoChecklistFindingAtOrAbove(Severity threshold) {
        checklist().hasNoFindingAtOrAbove(threshold);
        return myself;
    }

    /**
     * Navigates to the checklist's findings on the live objects, for any {@link AbstractCheckReportAssert}
     * assertion. The findings have the same rule ids and wording as the offline check.
     *
     * @return assertions on the live checklist, described as {@code live checklist of <namespace>/<release>}
     */
    public CheckReportAssert checklist() {
        isNotNull();
        return new CheckReportAssert(actual.checks())
                .describedAs("live checklist of %s/%s", actual.namespace(), actual.release());
    }

    private static List<String> claimNames(Pod pod) {
        List<Volume> volumes = pod.getSpec() == null || pod.getSpec().getVolumes() == null ? List.of()
                : pod.getSpec().getVolumes();
        return volumes.stream().filter(v -> v.getPersistentVolumeClaim() != null)
                .map(v -> v.getPersistentVolumeClaim().getClaimName()).distinct().toList();
    }

    private Policy policyOf(String claimName) {
        Optional<PersistentVolumeClaim> claim = actual.persistentVolumeClaims().stream()
                .filter(c -> claimName.equals(c.getMetadata().getName())).findFirst();
        if (claim.isEmpty()) {
            return new Policy(Optional.empty(), "the claim does not exist");
        }
        String volumeName = claim.get().getSpec() == null ? null : claim.get().getSpec().getVolumeName();
        if (volumeName != null && !volumeName.isBlank()) {
            Optional<PersistentVolume> volume = actual.persistentVolumes().stream()
                    .filter(v -> volumeName.equals(v.getMetadata().getName())).findFirst();
            if (volume.isPresent()) {
                String policy = volume.get().getSpec() == null ? null
                        : volume.get().getSpec().getPersistentVolumeReclaimPolicy();
                return new Policy(Optional.ofNullable(policy), "PersistentVolume " + volumeName + " has reclaimPolicy "
                        + (policy == null ? "(unset)" : policy));
            }
        }
        String className = claim.get().getSpec() == null ? null : claim.get().getSpec().getStorageClassName();
        Optional<StorageClass> storageClass = className == null
                ? actual.storageClasses().stream().filter(AbstractLiveDeploymentAssert::isDefault).findFirst()
                : actual.storageClasses().stream().filter(c -> className.equals(c.getMetadata().getName())).findFirst();
        String which = className == null ? "the default StorageClass" : "StorageClass '" + className + "'";
        if (storageClass.isEmpty()) {
            return new Policy(Optional.empty(), "not bound, and " + which + " is not in the cluster");
        }
        String policy = Optional.ofNullable(storageClass.get().getReclaimPolicy()).orElse("Delete");
        return new Policy(Optional.of(policy), "not bound yet; " + which
                + (className == null ? " ('" + storageClass.get().getMetadata().getName() + "')" : "")
                + " has reclaimPolicy " + policy
                + (storageClass.get().getReclaimPolicy() == null ? " (unset: Kubernetes' default)" : ""));
    }

    private static boolean isDefault(StorageClass storageClass) {
        Map<String, String> annotations = storageClass.getMetadata().getAnnotations();
        return annotations != null
                && ("true".equals(annotations.get(DEFAULT_CLASS)) || "true".equals(annotations.get(BETA_DEFAULT_CLASS)));
    }

    private record Policy(Optional<String> value, String describe) {
    }
}
