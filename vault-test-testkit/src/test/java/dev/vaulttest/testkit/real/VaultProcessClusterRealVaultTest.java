package dev.vaulttest.testkit.real;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The process fixture itself: it starts real processes and leaves nothing behind. */
class VaultProcessClusterRealVaultTest {

    private static LabBinaries binaries() {
        return RealVaultBinaries.require();
    }

    @Test
    void close_stops_every_process_by_its_pid_and_deletes_the_data() {
        VaultProcessCluster vault = VaultProcessCluster.builder(binaries()).nodes(2).start();
        List<Long> pids = vault.nodes().stream().map(node -> node.pid().orElseThrow()).toList();
        Path directory = vault.node(0).directory().getParent();
        assertThat(pids).allMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(vault.node(0).apiAddress().getHost()).isEqualTo("127.0.0.1");

        vault.close();

        assertThat(pids).noneMatch(pid -> ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
        assertThat(directory).doesNotExist();
    }

    @Test
    void a_restarted_node_keeps_its_ports_and_its_data_directory() throws IOException {
        try (VaultProcessCluster vault = VaultProcessCluster.builder(binaries()).nodes(1).start()) {
            VaultProcess node = vault.node(0);
            long before = node.pid().orElseThrow();
            Path marker = Files.writeString(node.directory().resolve("raft").resolve("marker"), "kept");

            vault.restart(node);

            assertThat(node.pid()).isPresent().get().isNotEqualTo(before);
            assertThat(node.running()).isTrue();
            assertThat(marker).hasContent("kept");
        }
    }

    @Test
    void local_kms_listens_on_a_port_it_reports_and_stops_on_close() {
        LocalKmsProcess kms = LocalKmsProcess.start(binaries());
        long pid = kms.pid();
        assertThat(kms.endpoint().getPort()).isPositive();
        assertThat(kms.running()).isTrue();

        kms.close();

        assertThat(ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)).isFalse();
    }

    @Test
    void a_node_that_cannot_start_fails_with_its_log_and_leaves_nothing() {
        LabBinaries broken = new LabBinaries(Path.of("/bin/false"), "0", Path.of("/bin/false"), "0");

        assertThatThrownBy(() -> VaultProcessCluster.builder(broken).nodes(1).startTimeout(Duration.ofSeconds(5))
                .start()).isInstanceOf(IllegalStateException.class).hasMessageContaining("vault-0 exited with 1");
    }

    @Test
    void processes_of_a_killed_jvm_are_stopped_by_the_next_fixture() throws Exception {
        Path abandoned = Files.createTempDirectory(RunDirectory.PREFIX);
        Files.writeString(abandoned.resolve("owner"), "999999999 0\n");
        Process orphan = new ProcessBuilder("sleep", "300").start();
        Instant started = orphan.info().startInstant().orElseThrow();
        Files.writeString(abandoned.resolve("vault-0.pid"), orphan.pid() + " " + started.toEpochMilli() + "\n");

        RunDirectory.reapAbandoned();

        assertThat(orphan.waitFor(10, java.util.concurrent.TimeUnit.SECONDS)).as("orphan stopped").isTrue();
        assertThat(abandoned).doesNotExist();
    }

    @Test
    void a_reused_pid_is_never_touched() throws Exception {
        Path abandoned = Files.createTempDirectory(RunDirectory.PREFIX);
        Files.writeString(abandoned.resolve("owner"), "999999999 0\n");
        Process bystander = new ProcessBuilder("sleep", "300").start();
        try {
            long wrongStart = bystander.info().startInstant().orElseThrow().toEpochMilli() - 3_600_000;
            Files.writeString(abandoned.resolve("vault-0.pid"), bystander.pid() + " " + wrongStart + "\n");

            RunDirectory.reapAbandoned();

            assertThat(bystander.isAlive()).isTrue();
            assertThat(abandoned).doesNotExist();
        } finally {
            bystander.destroyForcibly();
        }
    }
}
