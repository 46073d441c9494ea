package dev.vaulttest.chart;

import java.util.List;

/**
 * A Helm release the library installed. Closing it uninstalls the release (idempotent); PVCs that the
 * StatefulSet created stay, as with {@code helm uninstall}, until their namespace is deleted.
 */
public interface InstalledRelease extends AutoCloseable {

    /**
     * The release name.
     *
     * @return the name
     */
    String name();

    /**
     * The release namespace.
     *
     * @return the namespace
     */
    String namespace();

    /**
     * Upgrades the release to a new render of a chart (another chart version, other values), like
     * {@code helm upgrade} without {@code --wait}. With the chart's OnDelete StatefulSet no pod restarts
     * until it is deleted.
     *
     * @param request the new render; its release name and namespace must be this release's
     * @throws ReleaseException when Helm refuses the upgrade, with Helm's message
     */
    void upgrade(ReleaseRequest request);

    /**
     * The release's revisions, oldest first, like {@code helm history}.
     *
     * @return the revisions
     * @throws ReleaseException when Helm cannot read the history
     */
    List<ReleaseRevision> history();

    /** Uninstalls the release; does nothing when it is already gone. Never throws: failures are logged. */
    @Override
    void close();
}
