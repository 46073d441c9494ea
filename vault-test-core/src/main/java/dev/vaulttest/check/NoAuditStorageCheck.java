package dev.vaulttest.check;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultServer;
import io.fabric8.kubernetes.api.model.Volume;
import io.fabric8.kubernetes.api.model.VolumeMount;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * {@link Rule#NO_AUDIT_STORAGE}: the Vault container mounts no persistent audit volume (a mount whose name or path
 * says {@code audit}, backed by a claim template or a PersistentVolumeClaim), so file audit logs cannot outlive
 * a pod.
 */
final class NoAuditStorageCheck implements RuleCheck {

    @Override
    public List<Finding> check(RenderedDeployment deployment, CheckOptions options) {
        List<Finding> findings = new ArrayList<>();
        for (VaultServer server : deployment.servers()) {
            if (server.devModeReason().isPresent()) {
                continue;
            }
            List<VolumeMount> auditMounts = Optional.ofNullable(server.container().getVolumeMounts())
                    .orElse(List.of()).stream()
                    .filter(m -> contains(m.getName()) || contains(m.getMountPath()))
                    .toList();
            if (auditMounts.stream().anyMatch(m -> persistent(server, m))) {
                continue;
            }
            String why = auditMounts.isEmpty()
                    ? "mounts no audit volume"
                    : "mounts " + String.join(", ", auditMounts.stream()
                            .map(m -> "'" + m.getName() + "' at " + m.getMountPath()).toList())
                            + ", which is not a persistent volume";
            findings.add(Rule.NO_AUDIT_STORAGE.finding(server.resource(), "Container '"
                    + server.container().getName() + "' of " + server.resource() + " " + why
                    + ": a file audit device would write to storage that is lost with the pod.",
                    "Set server.auditStorage.enabled=true and enable a file audit device under its mountPath"
                            + " (default /vault/audit), or send audit logs to a socket/syslog device."));
        }
        return findings;
    }

    private static boolean contains(String text) {
        return text != null && text.toLowerCase(Locale.ROOT).contains("audit");
    }

    private static boolean persistent(VaultServer server, VolumeMount mount) {
        if (DataStorage.claimTemplate(server, mount.getName()).isPresent()) {
            return true;
        }
        return DataStorage.podVolume(server, mount.getName()).map(Volume::getPersistentVolumeClaim).isPresent();
    }
}
