package dev.vaulttest.engine;

import dev.vaulttest.cluster.PortForward;
import java.net.URI;

/**
 * A way from the JVM to one pod's port: on a real cluster a {@link PortForward}. Closing is idempotent.
 */
interface NodeConnection extends AutoCloseable {

    /**
     * The local URI for a scheme, for example {@code http://127.0.0.1:41234}.
     *
     * @param scheme {@code http} or {@code https}
     * @return the URI
     */
    URI uri(String scheme);

    /**
     * Tells whether the connection still works; a dead one is replaced by a new one.
     *
     * @return {@code true} while usable
     */
    boolean isAlive();

    /** Releases the connection. */
    @Override
    void close();
}
