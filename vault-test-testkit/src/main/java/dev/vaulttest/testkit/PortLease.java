package dev.vaulttest.testkit;

import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A loopback port that {@link LoopbackPorts} hands to no one else in this JVM until {@link #close()}: the owner
 * may bind it, close it and bind it again (a restart) without a concurrent test picking it in between.
 */
public final class PortLease implements AutoCloseable {

    private final int port;
    private final Set<Integer> leased;
    private final AtomicBoolean released = new AtomicBoolean();

    PortLease(int port, Set<Integer> leased) {
        this.port = port;
        this.leased = leased;
    }

    /**
     * The leased port.
     *
     * @return the port on 127.0.0.1
     */
    public int port() {
        return port;
    }

    /** Lets the port be handed out again; closing twice is harmless. */
    @Override
    public void close() {
        if (released.compareAndSet(false, true)) {
            leased.remove(port);
        }
    }

    @Override
    public String toString() {
        return "PortLease[" + port + (released.get() ? ", released" : "") + "]";
    }
}
