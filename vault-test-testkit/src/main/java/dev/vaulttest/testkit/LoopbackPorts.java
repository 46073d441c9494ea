package dev.vaulttest.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.ThreadLocalRandom;

/**
 * Loopback ports for servers that must come back on the same port: a fake node after a simulated restart, or a
 * real Vault process whose address is written into its configuration before it starts.
 *
 * <p>Such a port cannot be bound once and kept: the server that owns it closes it (a restart) or is another
 * process. A port from the kernel's ephemeral range would be at risk in between, because every outgoing
 * connection on the machine takes one from that range. So the ports come from below the ephemeral range
 * ({@code /proc/sys/net/ipv4/ip_local_port_range}, 32768 by default), which the kernel never hands out by
 * itself: only a listener that names the very same port can take it.
 */
public final class LoopbackPorts {

    private static final int LOWEST = 20_000;
    private static final int DEFAULT_EPHEMERAL_START = 32_768;
    private static final int ATTEMPTS = 200;

    private LoopbackPorts() {
    }

    /**
     * A port on the loopback address that was free a moment ago and that the kernel does not hand out on its
     * own. Bind it directly where you can ({@link #bind(PortBinder)}); a port handed to another process may
     * still be taken by a listener that names it, so such a caller retries on a bind failure.
     *
     * @return the port
     * @throws UncheckedIOException if no port in the range could be bound
     */
    public static int reserve() {
        return bind(port -> {
            new ServerSocket(port, 1, InetAddress.getLoopbackAddress()).close();
            return port;
        });
    }

    /**
     * Binds a server to the first free port below the ephemeral range, trying random ports until one binds.
     *
     * @param binder creates the server on the given loopback port, throwing {@link BindException} when taken
     * @param <T> the server type
     * @return the bound server
     * @throws UncheckedIOException if no port in the range could be bound, or on any other I/O failure
     */
    public static <T> T bind(PortBinder<T> binder) {
        int upper = ephemeralStart();
        BindException last = null;
        for (int attempt = 0; attempt < ATTEMPTS; attempt++) {
            int port = ThreadLocalRandom.current().nextInt(LOWEST, upper);
            try {
                return binder.bind(port);
            } catch (BindException e) {
                last = e;
            } catch (IOException e) {
                throw new UncheckedIOException("Could not listen on 127.0.0.1:" + port, e);
            }
        }
        throw new UncheckedIOException("No free loopback port in " + LOWEST + "-" + (upper - 1) + " after "
                + ATTEMPTS + " attempts", last);
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
