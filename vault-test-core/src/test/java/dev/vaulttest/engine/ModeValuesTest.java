package dev.vaulttest.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.InvalidValuesException;
import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ModeValuesTest {

    private static final Map<String, Object> NO_VALUES = Map.of();

    @Test
    void haRaftSetsHaRaftReplicasAndNodeIdsAndTurnsDevModeOff() {
        ModeValues mode = ModeValues.of(VaultEnvironmentSpec.builder().replicas(5).build(), NO_VALUES);

        assertThat(NestedMaps.get(mode.values(), "server", "ha", "enabled")).contains(true);
        assertThat(NestedMaps.get(mode.values(), "server", "ha", "replicas")).contains(5L);
        assertThat(NestedMaps.get(mode.values(), "server", "ha", "raft", "enabled")).contains(true);
        assertThat(NestedMaps.get(mode.values(), "server", "ha", "raft", "setNodeId")).contains(true);
        assertThat(NestedMaps.get(mode.values(), "server", "dev", "enabled")).contains(false);
        assertThat(mode.adjustments()).extracting(Adjustment::valuePath).contains("server.ha.replicas");
    }

    @Test
    void standaloneTurnsHaAndDevOff() {
        ModeValues mode = ModeValues.of(VaultEnvironmentSpec.builder().mode(DeploymentMode.STANDALONE).build(),
                NO_VALUES);

        assertThat(NestedMaps.get(mode.values(), "server", "ha", "enabled")).contains(false);
        assertThat(NestedMaps.get(mode.values(), "server", "standalone", "enabled")).contains(true);
    }

    @Test
    void fromValuesAddsNothing() {
        ModeValues mode = ModeValues.of(VaultEnvironmentSpec.builder().mode(DeploymentMode.FROM_VALUES).build(),
                Map.of("server", Map.of("dev", Map.of("enabled", true))));

        assertThat(mode.values()).isEmpty();
        assertThat(mode.adjustments()).isEmpty();
    }

    @Test
    void tlsInDevModeIsRefused() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().mode(DeploymentMode.DEV).tls(true).build();

        assertThatThrownBy(() -> ModeValues.of(spec, NO_VALUES)).isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("dev mode");
    }

    @Test
    void tlsOverTheTeamsOwnPlainConfigurationIsRefusedNamingTheValue() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().tls(true).build();
        Map<String, Object> team = Map.of("server", Map.of("ha", Map.of("raft", Map.of("config", "ui = true"))));

        assertThatThrownBy(() -> ModeValues.of(spec, team)).isInstanceOf(InvalidValuesException.class)
                .hasMessageContaining("server.ha.raft.config")
                .hasMessageContaining("global.tlsDisable");
    }

    @Test
    void tlsIsLeftToValuesThatAlreadyTurnedItOn() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().tls(true).build();
        Map<String, Object> team = Map.of("global", Map.of("tlsDisable", false));

        assertThat(NestedMaps.get(ModeValues.of(spec, team).values(), "global")).isEmpty();
    }

    @Test
    void anAwsKmsSpecAddsTheSealOnlyWhenTheValuesHaveNone() {
        VaultEnvironmentSpec spec = VaultEnvironmentSpec.builder().seal(SealSpec.awsKms(KmsProvider.LOCALSTACK)).build();
        ModeValues mode = ModeValues.of(spec, NO_VALUES);
        Map<String, Object> withStanza = Map.of("server", Map.of("ha", Map.of("enabled", true, "raft",
                Map.of("enabled", true, "config", "storage \"raft\" {\n  path = \"/vault/data\"\n}\n"
                        + "seal \"awskms\" {\n  kms_key_id = \"alias/team\"\n}\n"))));

        assertThat(NestedMaps.get(mode.withSeal(spec, NO_VALUES).values(), "server", "extraEnvironmentVars",
                "VAULT_SEAL_TYPE")).contains("awskms");
        assertThat(NestedMaps.get(mode.withSeal(spec, withStanza).values(), "server", "extraEnvironmentVars"))
                .isEmpty();
        assertThat(mode.withSeal(VaultEnvironmentSpec.builder().build(), NO_VALUES)).isSameAs(mode);
    }
}
