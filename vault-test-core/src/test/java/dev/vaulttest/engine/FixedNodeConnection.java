package dev.vaulttest.engine;

import java.net.URI;
import java.util.Objects;

/**
 * A connection to a Vault node that is already listening on this machine (a double node or a real process), so
 * nothing needs forwarding: the address is fixed, always alive, and closing it releases nothing.
 */
final class FixedNodeConnection implements NodeConnection {

    private final URI uri;
    private final String description;

    FixedNodeConnection(URI uri, String description) {
        this.uri = Objects.requireNonNull(uri, "uri");
        this.description = Objects.requireNonNull(description, "description");
    }

    @Override
    public URI uri(String scheme) {
        return uri;
    }

    @Override
    public boolean isAlive() {
        return true;
    }

    @Override
    public void close() {
        // The node keeps its port; whoever started it stops it.
    }

    @Override
    public String toString() {
        return description + " at " + uri;
    }
}
