package dev.vaulttest.chaos;

import java.util.Objects;

/**
 * One TCP port of one address that a policy blocks while the address's other ports stay reachable: the API
 * server's port on a node that also serves, say, a KMS emulator stays apart from the emulator's port.
 *
 * @param ip the IPv4 address
 * @param port the TCP port, 1 to 65535
 */
record BlockedPort(String ip, int port) {

    BlockedPort {
        if (!ClusterAddresses.isIpv4(Objects.requireNonNull(ip, "ip"))) {
            throw new IllegalArgumentException("A blocked port needs an IPv4 address, not '" + ip + "'");
        }
        if (port < 1 || port > 65_535) {
            throw new IllegalArgumentException("Port " + port + " of " + ip + " is not between 1 and 65535");
        }
    }

    @Override
    public String toString() {
        return ip + ":" + port;
    }
}
