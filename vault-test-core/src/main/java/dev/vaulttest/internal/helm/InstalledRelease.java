package dev.vaulttest.internal.helm;

import dev.vaulttest.chart.HelmException;
import dev.vaulttest.chart.ReleaseRevision;
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
     * The release's revisions, oldest first, like {@code helm history}.
     *
     * @return the revisions
     * @throws HelmException when Helm cannot read the history
     */
    List<ReleaseRevision> history();

    /** Uninstalls the release; does nothing when it is already gone. Never throws: failures are logged. */
    @Override
    void close();
}
