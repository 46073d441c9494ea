package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.internal.rendered.VaultServer;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * Where a server keeps its data: the storage type and path from the Vault configuration, and what backs that
 * path in the pod.
 *
 * @param type the storage type, {@code raft} or {@code file}
 * @param path the storage path ({@code VAULT_RAFT_PATH} beats the stanza's {@code path} for raft)
 * @param pathOrigin where the path was read, for messages
 * @param mount the volume mount of the Vault container that holds the path, if any
 * @param claimTemplate the volumeClaimTemplate behind that mount, if it is one
 * @param volume the pod volume behind that mount, if it is not a claim template
 */
record DataStorage(String type, String path, String pathOrigin, Optional<VolumeMount> mount,
        Optional<PersistentVolumeClaim> claimTemplate, Optional<Volume> volume) {

    /** The raft path environment variable, which Vault reads before the stanza's {@code path}. */
    static final String RAFT_PATH_ENV = "VAULT_RAFT_PATH";

    /**
     * The data storage of a server whose configuration uses file or raft storage with a path.
     *
     * @param server a server not in dev mode
     * @return the storage, or empty when the configuration has no file/raft storage or no path
     */
    static Optional<DataStorage> of(VaultServer server) {
        Optional<VaultConfig.Block> storage = server.effectiveConfig().flatMap(VaultConfig::storage);
        if (storage.isEmpty()) {
            return Optional.empty();
        }
        String type = storage.get().type();
        if (!type.equals("raft") && !type.equals("file")) {
            return Optional.empty();
        }
        Optional<String> envPath = type.equals("raft")
                ? server.envValue(RAFT_PATH_ENV).filter(p -> !p.isBlank()) : Optional.empty();
        String path;
        String origin;
        if (envPath.isPresent()) {
            path = envPath.get();
            origin = "environment variable " + RAFT_PATH_ENV;
        } else {
            Optional<String> stanzaPath = storage.get().string("path").filter(p -> !p.isBlank());
            if (stanzaPath.isEmpty()) {
                return Optional.empty();
            }
            path = stanzaPath.get();
            origin = "storage \"" + type + "\" path in " + server.configSource();
        }
        Optional<VolumeMount> mount = mountHolding(server, path);
        Optional<PersistentVolumeClaim> template = mount.flatMap(m -> claimTemplate(server, m.getName()));
        Optional<Volume> volume = template.isPresent() ? Optional.empty()
                : mount.flatMap(m -> podVolume(server, m.getName()));
        return Optional.of(new DataStorage(type, path, origin, mount, template, volume));
    }

    /** The mount of the Vault container with the longest mount path that contains {@code path}. */
    static Optional<VolumeMount> mountHolding(VaultServer server, String path) {
        List<VolumeMount> mounts = server.container().getVolumeMounts() == null ? List.of()
                : server.container().getVolumeMounts();
        String normalized = trimSlash(path);
        return mounts.stream()
                .filter(m -> m.getMountPath() != null)
                .filter(m -> {
                    String mp = trimSlash(m.getMountPath());
                    return normalized.equals(mp) || normalized.startsWith(mp.equals("") ? "/" : mp + "/");
                })
                .max(Comparator.comparingInt(m -> trimSlash(m.getMountPath()).length()));
    }

    static Optional<PersistentVolumeClaim> claimTemplate(VaultServer server, String name) {
        List<PersistentVolumeClaim> templates = server.statefulSet().getSpec().getVolumeClaimTemplates();
        if (templates == null) {
            return Optional.empty();
        }
        return templates.stream()
                .filter(t -> t.getMetadata() != null && name.equals(t.getMetadata().getName()))
                .findFirst();
    }

    static Optional<Volume> podVolume(VaultServer server, String name) {
        List<Volume> volumes = server.pod().getVolumes();
        if (volumes == null) {
            return Optional.empty();
        }
        return volumes.stream().filter(v -> name.equals(v.getName())).findFirst();
    }

    private static String trimSlash(String path) {
        String p = path.strip();
        while (p.endsWith("/")) {
            p = p.substring(0, p.length() - 1);
        }
        return p;
    }

    /** A description such as {@code raft storage at /vault/data}, for messages. */
    String describe() {
        return type + " storage at " + path + " (" + pathOrigin + ")";
    }
}
