package dev.vaulttest.check;

import dev.vaulttest.chart.RenderedManifests;
import dev.vaulttest.check.Finding.Severity;
import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultServer;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Production-readiness checks over a rendered chart, without a cluster.
 *
 * <p>Rules read the rendered objects, not the values: the Vault configuration comes from the ConfigMap the
 * server StatefulSet mounts (HCL or JSON), dev mode and seals from the container's args and environment,
 * storage from volumeClaimTemplates and mounts, and so on. See {@link Rule} for the catalogue.
 *
 * <pre>{@code
 * CheckReport report = StaticChecks.evaluate(manifests, CheckOptions.builder().nodeCount(3).build());
 * if (report.hasFindingAtOrAbove(Severity.ERROR)) { ... }
 * }</pre>
 */
public final class StaticChecks {

    private static final Logger LOG = LoggerFactory.getLogger(StaticChecks.class);

    private static final List<RuleCheck> CHECKS = List.of(
            new DevModeCheck(),
            new NoAutoUnsealCheck(),
            new EphemeralStorageCheck(),
            new SharedDataVolumeCheck(),
            new ReclaimPolicyCheck(),
            new UnpinnedImageCheck(),
            new HaQuorumCheck(),
            new TlsDisabledCheck(),
            new TlsInconsistentCheck(),
            new AntiAffinityCheck(),
            new NoRaftRetryJoinCheck(),
            new OnDeleteUpgradesCheck(),
            new NoAuditStorageCheck());

    private StaticChecks() {
    }

    /**
     * Evaluates every rule on rendered manifests.
     *
     * @param manifests the objects a chart rendered
     * @param options facts about the target cluster (StorageClasses, node count)
     * @return the findings, most severe first
     * @throws dev.vaulttest.base.InvalidVaultConfigException when the Vault configuration in a rendered ConfigMap
     *     is not valid HCL or JSON
     */
    public static CheckReport evaluate(RenderedManifests manifests, CheckOptions options) {
        Objects.requireNonNull(manifests, "manifests");
        Objects.requireNonNull(options, "options");
        RenderedDeployment deployment = RenderedDeployment.of(manifests);
        if (deployment.servers().isEmpty()) {
            LOG.warn("No Vault server StatefulSet (a container named 'vault') among {} rendered objects;"
                    + " only image rules apply", manifests.objects().size());
        }
        for (VaultServer server : deployment.servers()) {
            if (server.config().isEmpty() && server.devModeReason().isEmpty()) {
                LOG.warn("{} mounts no rendered ConfigMap with key {}; rules that read the Vault configuration"
                        + " (seal, storage, listeners) are skipped for it", server.resource(),
                        RenderedDeployment.CONFIG_KEY);
            }
        }
        List<Finding> findings = new ArrayList<>();
        for (RuleCheck check : CHECKS) {
            findings.addAll(check.check(deployment, options));
        }
        return new CheckReport(findings);
    }
}
