package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.internal.rendered.VaultServer;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Rule#EPHEMERAL_STORAGE}: Vault's raft or file storage path is not on a per-pod persistent volume: no
 * mount holds it (the container filesystem), or the mount is an emptyDir, a generic ephemeral volume, a hostPath
 * or a read-only source; also in-memory storage.
 */
final class EphemeralStorageCheck implements RuleCheck {

    private static final String REMEDIATION = "Keep server.dataStorage.enabled=true and set"
            + " server.dataStorage.mountPath to the storage path in the Vault configuration, so each pod gets its"
            + " own PersistentVolumeClaim from the StatefulSet's volumeClaimTemplates.";

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            Optional<VaultConfig.Block> storage = server.effectiveConfig().flatMap(VaultConfig::storage);
            if (storage.isPresent() && storage.get().type().startsWith("inmem")) {
                findings.add(Rule.EPHEMERAL_STORAGE.finding(server.resource(), server.resource() + " uses storage \""
                        + storage.get().type() + "\" (" + server.configSource() + "): every secret lives in memory"
                        + " and is lost when a pod restarts.",
                        "Use storage \"raft\" with a path on the data volume (server.ha.raft.config or"
                                + " server.standalone.config). " + REMEDIATION));
                continue;
            }
            DataStorage.of(server).flatMap(data -> problem(server, data)).ifPresent(problem ->
                    findings.add(Rule.EPHEMERAL_STORAGE.finding(server.resource(), problem, REMEDIATION)));
        }
        return findings;
    }

    private static Optional<String> problem(VaultServer server, DataStorage data) {
        String subject = server.resource() + " keeps " + data.describe();
        if (data.mount().isEmpty()) {
            return Optional.of(subject + ", but no volume is mounted there in container '"
                    + server.container().getName() + "': the data is written to the container filesystem and lost"
                    + " whenever the container restarts.");
        }
        if (data.claimTemplate().isPresent()) {
            return Optional.empty();
        }
        String mountName = data.mount().get().getName();
        String mountPath = data.mount().get().getMountPath();
        if (data.volume().isEmpty()) {
            return Optional.of(subject + " on volume mount '" + mountName + "' (" + mountPath + "), but neither a"
                    + " volumeClaimTemplate nor a pod volume of that name exists, so the pod cannot start.");
        }
        Volume volume = data.volume().get();
        String what;
        if (volume.getEmptyDir() != null) {
            what = "an emptyDir, deleted with the pod";
        } else if (volume.getEphemeral() != null) {
            what = "a generic ephemeral volume, whose claim goes with the pod";
        } else if (volume.getHostPath() != null) {
            what = "the hostPath " + volume.getHostPath().getPath() + ", left behind on one node when the pod is"
                    + " scheduled elsewhere";
        } else if (volume.getConfigMap() != null || volume.getSecret() != null || volume.getProjected() != null
                || volume.getDownwardAPI() != null) {
            what = "a read-only ConfigMap/Secret/projected volume";
        } else {
            return Optional.empty();
        }
        return Optional.of(subject + " on volume '" + mountName + "' (" + mountPath + "), which is " + what + ".");
    }
}
