package dev.vaulttest.internal.rendered;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.base.InvalidVaultConfigException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class VaultConfigTest {

    private static final String SOURCE = "ConfigMap/vault-config key extraconfig-from-values.hcl";

    @Test
    void reads_listeners_storage_retry_join_and_seals_from_hcl_with_the_charts_placeholders() {
        VaultConfig config = VaultConfig.parse("""
                ui = true
                listener "tcp" {
                  tls_disable = 1
                  address = "[::]:8200"
                }
                listener "tcp" {
                  address = "POD_IP:8300"
                  tls_cert_file = "/vault/tls/tls.crt"
                }
                storage "raft" {
                  path = "/vault/data"
                  node_id = "HOSTNAME"
                  retry_join {
                    leader_api_addr = "http://vault-0.vault-internal:8200"
                  }
                  retry_join {
                    leader_api_addr = "http://vault-1.vault-internal:8200"
                  }
                }
                seal "awskms" {
                  kms_key_id = "alias/HOST_IP-key"
                }
                service_registration "kubernetes" {}
                disable_mlock = true
                """, SOURCE);

        assertThat(config.listeners()).extracting(VaultConfig.Block::type).containsExactly("tcp", "tcp");
        assertThat(config.listeners().get(0).flag("tls_disable")).contains(true);
        assertThat(config.listeners().get(1).flag("tls_disable")).isEmpty();
        assertThat(config.listeners().get(1).string("address")).contains("POD_IP:8300");
        assertThat(config.storage()).hasValueSatisfying(s -> {
            assertThat(s.type()).isEqualTo("raft");
            assertThat(s.string("node_id")).contains("HOSTNAME");
            assertThat(s.nested("retry_join")).hasSize(2);
        });
        assertThat(config.seals()).extracting(VaultConfig.Block::type).containsExactly("awskms");
    }

    @Test
    void reads_a_single_retry_join_block_and_the_legacy_backend_name() {
        VaultConfig config = VaultConfig.parse("""
                backend "raft" {
                  path = "/vault/data"
                  retry_join { leader_api_addr = "http://vault-0:8200" }
                }
                """, SOURCE);

        assertThat(config.storage()).hasValueSatisfying(s -> assertThat(s.nested("retry_join")).hasSize(1));
    }

    @Test
    void reads_json_with_listener_lists_and_maps() {
        VaultConfig listed = VaultConfig.parse("""
                {"listener": [{"tcp": {"address": "[::]:8200", "tls_disable": "1"}}, {"tcp": {"address": ":8300"}}],
                 "storage": {"raft": {"path": "/vault/data", "retry_join": [{"leader_api_addr": "a"}]}},
                 "seal": {"awskms": {"disabled": "true"}}}
                """, SOURCE);
        VaultConfig mapped = VaultConfig.parse("{\"listener\": {\"tcp\": {\"tls_disable\": true}}}", SOURCE);

        assertThat(listed.listeners()).hasSize(2);
        assertThat(listed.listeners().get(0).flag("tls_disable")).contains(true);
        assertThat(listed.storage().orElseThrow().nested("retry_join")).hasSize(1);
        assertThat(listed.seals().get(0).flag("disabled")).contains(true);
        assertThat(mapped.listeners().get(0).flag("tls_disable")).contains(true);
    }

    @ParameterizedTest
    @CsvSource({"1,true", "0,false", "'\"true\"',true", "'\"false\"',false", "'\"t\"',true", "true,true",
            "false,false", "'\"maybe\"',"})
    void reads_booleans_the_way_vault_does(String hcl, Boolean expected) {
        VaultConfig config = VaultConfig.parse("listener \"tcp\" {\n  tls_disable = " + hcl + "\n}\n", SOURCE);

        assertThat(config.listeners().get(0).flag("tls_disable").orElse(null)).isEqualTo(expected);
    }

    @Test
    void accepts_comments_heredocs_lists_objects_interpolation_and_single_line_blocks() {
        VaultConfig config = VaultConfig.parse("""
                # comment with a { brace
                // another } comment
                /* block
                   comment { */
                plugin_directory = "/vault/plugins"
                telemetry { prometheus_retention_time = "30s", disable_hostname = true }
                listener "tcp" { tls_disable = "true" }
                license = <<EOT
                not { hcl }
                EOT
                cors = { allowed_origins = ["https://a", "https://b",] }
                note = "escaped \\" quote and ${var.thing} and %{ if true }x%{ endif }"
                max_lease_ttl = -1
                """, SOURCE);

        assertThat(config.listeners()).hasSize(1);
        assertThat(config.listeners().get(0).flag("tls_disable")).contains(true);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "storage \"file\" {\n  path = \"/vault/data\"\n",
        "listener \"tcp\" {\n  address =\n}\n",
        "foo bar baz\n",
        "listener \"tcp\" {\n  address = [::]:8200\n}\n",
        "storage \"raft\" {\n  path = \"/x\"\n}\n}\n",
        "listener \"tcp\" {\n  address = \"[::]:8200\n}\n",
        "storage \"raft\" path = \"/x\"\n",
        "a = [1, 2\n",
        "a = <<EOT\nnever closed\n",
        "/* never closed\n",
        "a = 'single'\n",
    })
    void rejects_what_hcl4j_would_silently_accept(String hcl) {
        assertThatThrownBy(() -> VaultConfig.parse(hcl, SOURCE))
                .isInstanceOf(InvalidVaultConfigException.class)
                .hasMessageContaining(SOURCE)
                .hasMessageContaining("HCL syntax error: line ");
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "a = \"${jsonencode(1)}\"\n",
        "data \"http\" \"x\" {\n  url = \"http://127.0.0.1:9/\"\n}\na = \"${data.http.x.body}\"\n",
    })
    void rejects_hcl4j_functions_and_data_lookups_which_vault_does_not_have(String hcl) {
        assertThatThrownBy(() -> VaultConfig.parse(hcl, SOURCE))
                .isInstanceOf(InvalidVaultConfigException.class)
                .hasMessageContaining("calls an HCL function or data lookup");
    }

    @Test
    void names_the_line_and_column_of_the_error() {
        assertThatThrownBy(() -> VaultConfig.parse("ui = true\nlistener \"tcp\" {\n  address = \n}\n", SOURCE))
                .hasMessageContaining("line 4, column 1: expected a value after '=' (line 3)");
        assertThatThrownBy(() -> VaultConfig.parse("ui = true\n}\n", SOURCE))
                .hasMessageContaining("line 2, column 1: '}' closes a block that was never opened");
    }

    @Test
    void exposes_the_source_on_the_exception() {
        assertThatThrownBy(() -> VaultConfig.parse("{\"a\": }", SOURCE))
                .isInstanceOfSatisfying(InvalidVaultConfigException.class,
                        e -> assertThat(e.source()).isEqualTo(SOURCE));
    }
}
