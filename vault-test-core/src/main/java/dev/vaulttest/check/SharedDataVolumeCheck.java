package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultServer;
import io.fabric8.kubernetes.api.model.PersistentVolumeClaim;
import io.fabric8.kubernetes.api.model.Volume;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Rule#SHARED_DATA_VOLUME}: the data volume is a ReadWriteMany claim template, or one named claim (or a
 * network file system) mounted by every replica of a multi-replica StatefulSet.
 */
final class SharedDataVolumeCheck implements RuleCheck {

    private static final String RWX = "ReadWriteMany";

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            DataStorage.of(server).flatMap(data -> problem(server, data)).ifPresent(findings::add);
        }
        return findings;
    }

    private static Optional<Finding> problem(VaultServer server, DataStorage data) {
        String subject = server.resource() + " keeps " + data.describe();
        if (data.claimTemplate().isPresent()) {
            PersistentVolumeClaim template = data.claimTemplate().get();
            List<String> modes = template.getSpec() == null || template.getSpec().getAccessModes() == null
                    ? List.of() : template.getSpec().getAccessModes();
            if (modes.contains(RWX)) {
                return Optional.of(Rule.SHARED_DATA_VOLUME.finding(server.resource(), subject
                        + " on volumeClaimTemplate '" + template.getMetadata().getName() + "' with access mode "
                        + RWX + ": such volumes are shared file systems that several pods can mount at once, and"
                        + " Vault's " + data.type() + " storage must have a single writer per volume.",
                        "Set server.dataStorage.accessMode=ReadWriteOnce (and a StorageClass with block or"
                                + " local semantics)."));
            }
            return Optional.empty();
        }
        if (server.replicas() < 2 || data.volume().isEmpty()) {
            return Optional.empty();
        }
        Volume volume = data.volume().get();
        String what;
        if (volume.getPersistentVolumeClaim() != null) {
            what = "the single PersistentVolumeClaim '" + volume.getPersistentVolumeClaim().getClaimName() + "'";
        } else if (volume.getNfs() != null) {
            what = "the NFS export " + volume.getNfs().getServer() + ":" + volume.getNfs().getPath();
        } else {
            return Optional.empty();
        }
        return Optional.of(Rule.SHARED_DATA_VOLUME.finding(server.resource(), subject + " on volume '"
                + volume.getName() + "', which is " + what + ": all " + server.replicas()
                + " replicas would mount the same data, so they overwrite each other or cannot start.",
                "Remove the shared volume from server.volumes/server.volumeMounts and use"
                        + " server.dataStorage.enabled=true, which gives every replica its own claim."));
    }
}
