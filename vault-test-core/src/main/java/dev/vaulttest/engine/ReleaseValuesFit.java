package dev.vaulttest.engine;

import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chart.ChartValues;
import java.util.Objects;

/**
 * The install's value layers, kept for later Helm calls on the same release: a team's values get the spec's
 * mode layer and the cluster fit with the install's own context (release, cluster facts, seal, KMS connection).
 * A chart upgrade that handed the team's new values file to Helm as it is would undo what the install fitted
 * whenever the file restates {@code server.affinity}, {@code injector.enabled} or the seal stanza.
 */
final class ReleaseValuesFit {

    private final VaultEnvironmentSpec spec;
    private final ClusterFit.Context context;

    ReleaseValuesFit(VaultEnvironmentSpec spec, ClusterFit.Context context) {
        this.spec = Objects.requireNonNull(spec, "spec");
        this.context = Objects.requireNonNull(context, "context");
    }

    /**
     * Layers and fits a team's values as the install did.
     *
     * @param teamValues the team's values (for an upgrade: the target's)
     * @return the values Helm gets, with the adjustments and the fit's objects and KMS key alias
     */
    ReleaseValues.Fitted fit(ChartValues teamValues) {
        VaultEnvironmentSpec withValues = spec.toBuilder().values(Objects.requireNonNull(teamValues, "teamValues"))
                .build();
        return ReleaseValues.fit(ReleaseValues.withMode(withValues), context);
    }
}
