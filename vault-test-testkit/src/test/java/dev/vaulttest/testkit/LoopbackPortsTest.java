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

    @Test
    void ports_come_from_below_the_kernels_ephemeral_range() {
        for (int i = 0; i < 50; i++) {
            assertThat(LoopbackPorts.reserve()).isBetween(20_000, LoopbackPorts.ephemeralStart() - 1);
        }
    }

    @Test
    void a_taken_port_is_skipped_for_another_one() throws IOException {
        List<Integer> tried = new ArrayList<>();

        ServerSocket socket = LoopbackPorts.bind(port -> {
            tried.add(port);
            if (tried.size() < 3) {
                throw new BindException("Address already in use");
            }
            return new ServerSocket(port, 1, LoopbackPorts.address(port).getAddress());
        });

        try (socket) {
            assertThat(tried).hasSize(3);
            assertThat(socket.getLocalPort()).isEqualTo(tried.get(2));
        }
    }

    @Test
    void a_fake_node_comes_back_on_its_port_after_a_restart() {
        try (FakeVaultCluster cluster = FakeVaultCluster.builder().nodes(1).start()) {
            int port = cluster.node(0).port();

            cluster.restart(cluster.node(0).name());

            assertThat(cluster.node(0).port()).isEqualTo(port).isLessThan(LoopbackPorts.ephemeralStart());
        }
    }

    @Test
    void other_failures_are_not_retried() {
        assertThatThrownBy(() -> LoopbackPorts.bind(port -> {
            throw new IOException("disk on fire");
        })).isInstanceOf(UncheckedIOException.class).hasMessageContaining("Could not listen on 127.0.0.1:");
    }
}
