package dev.vaulttest.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for servers that must come back on the same port, or that bind it later than the port is chosen:
 * a fake node after a simulated restart, or a real Vault process whose addresses are written into its
 * configuration before it starts.
 *
 * <p>Such a port cannot be bound once and kept: the server that owns it closes it (a restart) or is another
 * process, which may bind it long after it was chosen (Vault binds its cluster port only when it joins or
 * unseals, and if the port is taken then, it logs the error and goes on without a cluster listener, so the node
 * never replicates and stays sealed). Two things keep the port for its owner meanwhile:
 * <ul>
 *   <li>The ports come from below the ephemeral range ({@code /proc/sys/net/ipv4/ip_local_port_range}, 32768
 *       by default), which the kernel never hands out by itself: an outgoing connection cannot take them.</li>
 *   <li>Every port is {@linkplain PortLease leased}: this JVM hands it to no one else until the lease is
 *       closed, so concurrent tests cannot pick a port that another test's server has not bound yet. The leases
 *       are JVM-wide because ports are: two clusters in one JVM share the same range.</li>
 * </ul>
 * Only a listener outside the library that names the very same port can still take it.
 */
public final class LoopbackPorts {

    private static final int LOWEST = 20_000;
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 200;
    private static final Set<Integer> LEASED = ConcurrentHashMap.newKeySet();

    private LoopbackPorts() {
    }

    /**
     * Leases a port that was free a moment ago, for a server another process binds later. A listener that names
     * the port may still take it first, so such a caller retries with a new lease on a bind failure.
     *
     * @return the lease; closing it lets this JVM hand the port out again
     * @throws UncheckedIOException if no port in the range could be leased
     */
    public static PortLease lease() {
        return bind(port -> {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            return port;
        }).lease();
    }

    /**
     * Binds a server to a free port below the ephemeral range that no one in this JVM holds a lease on, trying
     * random ports until one binds, and leases that port to the caller.
     *
     * @param binder creates the server on the given loopback port, throwing {@link BindException} when taken
     * @param <T> the server type
     * @return the bound server and the lease on its port, to close once the server is gone for good
     * @throws UncheckedIOException if no port in the range could be bound, or on any other I/O failure
     */
    public static <T> Bound<T> bind(PortBinder<T> binder) {
        return bind(binder, LOWEST, ephemeralStart());
    }

    static <T> Bound<T> bind(PortBinder<T> binder, int lowest, int upper) {
        BindException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(lowest, upper);
            if (!LEASED.add(port)) {
                continue;
            }
            PortLease lease = new PortLease(port, LEASED);
            try {
                return new Bound<>(binder.bind(port), lease);
            } catch (BindException e) {
                lease.close();
                last = e;
            } catch (IOException e) {
                lease.close();
                throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port, e);
            } catch (RuntimeException e) {
                lease.close();
                throw e;
            }
        }
        throw new UncheckedIOException("No free loopback port in " + lowest + "-" + (upper - 1) + " after "
                + ATTEMPTS + " attempts (taken by other listeners or leased in this JVM)",
                last == null ? new BindException("every port tried was leased") : last);
    }

    /**
     * The socket address of a loopback port.
     *
     * @param port the port
     * @return {@code 127.0.0.1:port}
     */
    public static InetSocketAddress address(int port) {
        return new InetSocketAddress(InetAddress.getLoopbackAddress(), port);
    }

    static boolean leased(int port) {
        return LEASED.contains(port);
    }

    static int ephemeralStart() {
        Path range = Path.of("/proc/sys/net/ipv4/ip_local_port_range");
        try {
            if (Files.isReadable(range)) {
                int start = Integer.parseInt(Files.readString(range).trim().split("\\s+")[0]);
                return Math.max(start, LOWEST + 1_000);
            }
        } catch (IOException | RuntimeException e) {
            return DEFAULT_EPHEMERAL_START;
        }
        return DEFAULT_EPHEMERAL_START;
    }

    /**
     * A server bound by {@link #bind(PortBinder)} and the lease on its port.
     *
     * @param server the bound server
     * @param lease the lease, to close once the server will not come back on the port
     * @param <T> the server type
     */
    public record Bound<T>(T server, PortLease lease) {
    }

    /**
     * Creates a server on a given port.
     *
     * @param <T> the server type
     */
    @FunctionalInterface
    public interface PortBinder<T> {

        /**
         * Binds to the port.
         *
         * @param port the loopback port to bind
         * @return the bound server
         * @throws IOException {@link BindException} when the port is taken, or any other failure
         */
        T bind(int port) throws IOException;
    }
}
