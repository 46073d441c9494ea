package dev.vaulttest.chaos;

import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.client.dsl.PodResource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Deletes pods and tells whether a deleted pod is gone (no pod of that name with the old UID). */
final class PodDeleter {

    private final ReleaseObjects release;

    PodDeleter(ReleaseObjects release) {
        this.release = release;
    }

    void delete(String name, Grace grace) {
        PodResource pod = release.client().pods().inNamespace(release.namespace()).withName(name);
        if (grace == Grace.IMMEDIATE) {
            pod.withGracePeriod(0).delete();
        } else {
            pod.delete();
        }
    }

    /** What stands under each name now: empty when no pod, else the current UID. */
    Map<String, Optional<String>> currentUids(Iterable<String> names) {
        Map<String, Optional<String>> uids = new LinkedHashMap<>();
        for (String name : names) {
            uids.put(name, release.podUid(name));
        }
        return uids;
    }

    static boolean allGone(Map<String, String> oldUids, Map<String, Optional<String>> now) {
        return oldUids.entrySet().stream().allMatch(old -> now.getOrDefault(old.getKey(), Optional.empty())
                .map(uid -> !uid.equals(old.getValue())).orElse(true));
    }

    String describe(Map<String, String> oldUids, Map<String, Optional<String>> now) {
        return oldUids.entrySet().stream().map(old -> {
            Optional<String> uid = now.getOrDefault(old.getKey(), Optional.empty());
            String state = uid.isEmpty() ? "gone" : uid.get().equals(old.getValue())
                    ? "still there (UID " + old.getValue() + terminating(old.getKey()) + ")"
                    : "replaced (UID " + uid.get() + ")";
            return old.getKey() + " " + state;
        }).collect(Collectors.joining(", "));
    }

    private String terminating(String name) {
        return release.pod(name).map(Pod::getMetadata)
                .filter(m -> m.getDeletionTimestamp() != null)
                .map(m -> ", terminating since " + m.getDeletionTimestamp()
                        + (m.getFinalizers() == null || m.getFinalizers().isEmpty() ? ""
                        : ", finalizers " + m.getFinalizers()))
                .orElse("");
    }
}
