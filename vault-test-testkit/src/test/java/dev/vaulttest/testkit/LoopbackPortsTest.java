package dev.vaulttest.testkit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.BindException;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LoopbackPortsTest {

    /** Ports well away from the default range, so these tests do not hold ports other tests draw from. */
    private static final int NARROW_LOWEST = 19_000;

    @Test
    void ports_come_from_below_the_kernels_ephemeral_range() {
        for (int i = 0; i < 50; i++) {
            try (PortLease lease = LoopbackPorts.lease()) {
                assertThat(lease.port()).isBetween(20_000, LoopbackPorts.ephemeralStart() - 1);
            }
        }
    }

    @Test
    void a_leased_port_is_handed_to_no_one_else_until_the_lease_is_closed() {
        // Two ports in range: the second lease must take the other one, a third finds none.
        PortLease first = leaseIn(NARROW_LOWEST, NARROW_LOWEST + 2);
        PortLease second = leaseIn(NARROW_LOWEST, NARROW_LOWEST + 2);
        try {
            assertThat(second.port()).isNotEqualTo(first.port());
            assertThatThrownBy(() -> leaseIn(NARROW_LOWEST, NARROW_LOWEST + 2))
                    .isInstanceOf(UncheckedIOException.class)
                    .hasMessageContaining("No free loopback port in 19000-19001")
                    .hasMessageContaining("leased in this JVM");

            first.close();

            try (PortLease again = leaseIn(NARROW_LOWEST, NARROW_LOWEST + 2)) {
                assertThat(again.port()).isEqualTo(first.port());
            }
        } finally {
            first.close();
            second.close();
        }
    }

    @Test
    void a_lease_closed_twice_does_not_release_a_port_leased_again_meanwhile() {
        PortLease first = leaseIn(NARROW_LOWEST + 10, NARROW_LOWEST + 11);
        first.close();
        try (PortLease second = leaseIn(NARROW_LOWEST + 10, NARROW_LOWEST + 11)) {
            first.close();

            assertThat(LoopbackPorts.leased(second.port())).isTrue();
        }
    }

    @Test
    void a_bound_server_keeps_its_port_leased_and_a_failed_bind_releases_it() throws IOException {
        List<Integer> tried = new ArrayList<>();

        LoopbackPorts.Bound<ServerSocket> bound = LoopbackPorts.bind(port -> {
            tried.add(port);
            if (tried.size() < 3) {
                throw new BindException("Address already in use");
            }
            return new ServerSocket(port, 1, LoopbackPorts.address(port).getAddress());
        });

        try (ServerSocket socket = bound.server(); PortLease lease = bound.lease()) {
            assertThat(tried).hasSize(3);
            assertThat(socket.getLocalPort()).isEqualTo(tried.get(2)).isEqualTo(lease.port());
            assertThat(LoopbackPorts.leased(lease.port())).isTrue();
            tried.subList(0, 2).stream().filter(port -> !port.equals(lease.port()))
                    .forEach(port -> assertThat(LoopbackPorts.leased(port)).as("port %d", port).isFalse());
        }
        assertThat(LoopbackPorts.leased(tried.get(2))).isFalse();
    }

    @Test
    void a_fake_node_comes_back_on_its_port_after_a_restart_and_releases_it_when_closed() {
        int port;
        try (FakeVaultCluster cluster = FakeVaultCluster.builder().nodes(1).start()) {
            port = cluster.node(0).port();
            assertThat(LoopbackPorts.leased(port)).isTrue();

            cluster.restart(cluster.node(0).name());

            assertThat(cluster.node(0).port()).isEqualTo(port).isLessThan(LoopbackPorts.ephemeralStart());
        }
        assertThat(LoopbackPorts.leased(port)).isFalse();
    }

    @Test
    void other_failures_are_not_retried_and_release_the_port() {
        List<Integer> tried = new ArrayList<>();
        assertThatThrownBy(() -> LoopbackPorts.bind(port -> {
            tried.add(port);
            throw new IOException("disk on fire");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("Could not listen on 127.0.0.1:");
        assertThat(tried).hasSize(1);
        assertThat(LoopbackPorts.leased(tried.get(0))).isFalse();
    }

    private static PortLease leaseIn(int lowest, int upper) {
        return LoopbackPorts.bind(port -> port, lowest, upper).lease();
    }
}
