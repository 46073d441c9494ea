package dev.vaulttest.chaos;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Vault pods deleted by role or by name. The handle is returned once every deleted pod is gone (no pod of its
 * name with its old UID), not once it is back: waiting for that is what {@link #recovery()} is for. The
 * StatefulSet recreates the pods, so closing heals nothing.
 */
public final class PodDeletion extends AbstractDisruption {

    private final PodTarget podTarget;
    private final Grace grace;
    private DeploymentSnapshot before;
    private List<DeletedPod> deleted = List.of();

    private PodDeletion(VaultEnvironment env, ChaosOptions options, PodTarget podTarget, Grace grace) {
        super(env, options, "delete-pod", "pod/" + podTarget.describe());
        this.podTarget = podTarget;
        this.grace = grace;
    }

    static PodDeletion apply(VaultEnvironment env, ChaosOptions options, PodTarget target, Grace grace) {
        PodDeletion deletion = new PodDeletion(env, options, target, grace);
        deletion.run();
        return deletion;
    }

    private void run() {
        ReleaseObjects release = new ReleaseObjects(env);
        PodDeleter deleter = new PodDeleter(release);
        before = env.snapshot();
        List<NodeSnapshot> victims = select(before);
        Map<String, String> oldUids = new LinkedHashMap<>();
        for (NodeSnapshot victim : victims) {
            String uid = release.podUid(victim.name()).orElseThrow(() -> new ChaosPreconditionException(
                    "Cannot delete pod " + victim.name() + " in " + release.namespace() + ": it does not exist now."
                            + " Deployment:\n" + before.describe()));
            oldUids.put(victim.name(), uid);
        }
        markApplied(now());
        for (String name : oldUids.keySet()) {
            deleter.delete(name, grace);
        }
        Map<String, Optional<String>> gone = verifyWithin(
                "pod(s) " + oldUids.keySet() + " gone (no pod of that name with the old UID)",
                options.faultTimeout(), () -> deleter.currentUids(oldUids.keySet()),
                now -> PodDeleter.allGone(oldUids, now), now -> deleter.describe(oldUids, now),
                "A finalizer or a stuck kubelet keeps the pod; check its events and finalizers.");
        List<DeletedPod> result = new ArrayList<>();
        for (NodeSnapshot victim : victims) {
            result.add(new DeletedPod(victim.name(), victim.role(), oldUids.get(victim.name()),
                    gone.getOrDefault(victim.name(), Optional.empty())));
        }
        deleted = List.copyOf(result);
    }

    private List<NodeSnapshot> select(DeploymentSnapshot snapshot) {
        List<NodeSnapshot> standbys = snapshot.nodesIn(NodeRole.STANDBY);
        List<NodeSnapshot> chosen = switch (podTarget.selection()) {
            case ACTIVE -> snapshot.active().map(List::of).orElse(List.of());
            case A_STANDBY -> standbys.isEmpty() ? List.of() : List.of(standbys.get(0));
            case ALL_STANDBYS -> standbys;
            case ALL -> snapshot.nodes().stream().filter(n -> n.podUid().isPresent()).toList();
            case NAMED -> podTarget.names().stream().map(name -> snapshot.node(name)
                    .orElseThrow(() -> new ChaosPreconditionException("No Vault node named '" + name
                            + "' in this deployment; nodes are "
                            + snapshot.nodes().stream().map(NodeSnapshot::name).toList()))).toList();
        };
        if (chosen.isEmpty()) {
            throw new ChaosPreconditionException("No pod matches '" + podTarget.describe() + "' to delete now:\n"
                    + snapshot.describe());
        }
        return chosen;
    }

    /**
     * The deployment as observed just before the deletion (roles, pod UIDs).
     *
     * @return the snapshot
     */
    public DeploymentSnapshot before() {
        return before;
    }

    /**
     * The pods that were deleted.
     *
     * @return the pods, in deletion order
     */
    public List<DeletedPod> deletedPods() {
        return deleted;
    }

    /**
     * How the pods were deleted.
     *
     * @return the grace
     */
    public Grace grace() {
        return grace;
    }

    /**
     * A probe for "a new leader holds office" after deleting the active node: one active node that is not the
     * deleted pod (another name, or the same name recreated).
     *
     * @return the probe
     * @throws IllegalStateException when the active node was not among the deleted pods
     */
    public RecoveryProbe newLeader() {
        DeletedPod leader = deleted.stream().filter(p -> p.roleBefore() == NodeRole.ACTIVE).findFirst()
                .orElseThrow(() -> new IllegalStateException("The active node was not deleted ("
                        + podTarget.describe() + "), so there is no 'new leader' to wait for"));
        return RecoveryProbe.newLeader(leader.name(), leader.oldUid());
    }

    /**
     * One pod that a disruption deleted.
     *
     * @param name the pod name
     * @param roleBefore the node's role just before the deletion
     * @param oldUid the deleted pod's UID
     * @param newUid the UID of the pod that replaced it, if one existed when the old one was seen gone
     */
    public record DeletedPod(String name, NodeRole roleBefore, String oldUid, Optional<String> newUid) {

        /**
         * Validates the components.
         *
         * @param name the pod name
         * @param roleBefore the role before
         * @param oldUid the old UID
         * @param newUid the new UID, if seen
         */
        public DeletedPod {
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(roleBefore, "roleBefore");
            Objects.requireNonNull(oldUid, "oldUid");
            Objects.requireNonNull(newUid, "newUid");
        }
    }
}
