package dev.vaulttest.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.vaulttest.base.InvalidVaultConfigException;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.check.Finding.Severity;
import io.fabric8.kubernetes.api.model.storage.StorageClass;
import io.fabric8.kubernetes.api.model.storage.StorageClassBuilder;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/**
 * Every rule against the vault-shaped test chart: a values file that fires it and one that does not.
 */
class StaticChecksTest {

    private static final String SERVER = "StatefulSet/vault";
    private static final String INJECTOR = "Deployment/vault-agent-injector";

    static CheckReport check(String values) {
        return check(values, Map.of(), CheckOptions.defaults());
    }

    static CheckReport check(String values, CheckOptions options) {
        return check(values, Map.of(), options);
    }

    static CheckReport check(String values, Map<String, Object> sets, CheckOptions options) {
        return StaticChecks.evaluate(ShapedChart.render(values, sets), options);
    }

    /** The only finding of a rule; fails when there are none or several. */
    static Finding only(CheckReport report, Rule rule) {
        List<Finding> findings = report.withRule(rule.id());
        assertThat(findings).as("findings of %s in %s", rule, report.findings()).hasSize(1);
        return findings.get(0);
    }

    static StorageClass storageClass(String name, String reclaimPolicy, boolean isDefault) {
        StorageClassBuilder builder = new StorageClassBuilder()
                .withNewMetadata().withName(name).endMetadata()
                .withProvisioner("rancher.io/local-path")
                .withReclaimPolicy(reclaimPolicy);
        if (isDefault) {
            builder.editMetadata().addToAnnotations(ReclaimPolicyCheck.DEFAULT_CLASS_ANNOTATION, "true").endMetadata();
        }
        return builder.build();
    }

    /** The production-shaped values with the facts that make them complete: a Retain class and three nodes. */
    static CheckOptions productionCluster() {
        return CheckOptions.builder()
                .storageClass(storageClass("local-path", "Delete", true))
                .storageClass(storageClass("vault-retain", "Retain", false))
                .nodeCount(3)
                .build();
    }

    @Nested
    class ProductionShaped {

        @Test
        void production_values_only_report_the_ondelete_upgrade_procedure() {
            CheckReport report = check("production.yaml", productionCluster());

            assertThat(report.findings()).extracting(Finding::rule, Finding::severity, Finding::resource)
                    .containsExactly(tuple("ONDELETE_UPGRADES", Severity.INFO, SERVER));
            assertThat(report.hasFindingAtOrAbove(Severity.WARNING)).isFalse();
        }

        @Test
        void chart_defaults_report_missing_auto_unseal_tls_audit_and_the_unknown_storage_class() {
            CheckReport report = check("defaults.yaml");

            assertThat(report.findings()).extracting(Finding::rule).containsExactly(
                    "NO_AUTO_UNSEAL", "TLS_DISABLED", "NO_AUDIT_STORAGE", "ONDELETE_UPGRADES", "RECLAIM_POLICY_DELETE");
            assertThat(report.findings()).allMatch(f -> f.resource().equals(SERVER));
        }
    }

    @Nested
    class DevMode {

        @Test
        void fires_for_the_charts_dev_mode_and_names_the_flag_and_the_root_token_variable() {
            CheckReport report = check("dev.yaml");

            Finding finding = only(report, Rule.DEV_MODE);
            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("'-dev'", "in memory", "unsealed", "VAULT_DEV_ROOT_TOKEN_ID");
            assertThat(finding.remediation()).contains("server.dev.enabled=false");
        }

        @Test
        void reports_only_dev_mode_and_not_its_consequences_for_seal_storage_and_tls() {
            CheckReport report = check("dev.yaml");

            assertThat(report.findings()).extracting(Finding::rule).containsExactly("DEV_MODE", "ONDELETE_UPGRADES");
        }

        @Test
        void never_prints_the_dev_root_token() {
            CheckReport report = check("dev.yaml", Map.of("server.dev.devRootToken", "s3cr3t-t0ken"),
                    CheckOptions.defaults());

            assertThat(report.findings()).isNotEmpty().allSatisfy(f -> {
                assertThat(f.message()).doesNotContain("s3cr3t-t0ken");
                assertThat(f.remediation()).doesNotContain("s3cr3t-t0ken");
            });
        }

        @Test
        void does_not_fire_for_a_server_started_with_a_config_file() {
            assertThat(check("defaults.yaml").withRule("DEV_MODE")).isEmpty();
        }

        @Test
        void fires_for_a_dev_implying_flag_passed_through_extra_args() {
            Finding finding = only(check("defaults.yaml", Map.of("server.extraArgs", "-dev-ha"),
                    CheckOptions.defaults()), Rule.DEV_MODE);

            assertThat(finding.message()).contains("'-dev-ha'");
        }
    }

    @Nested
    class NoAutoUnseal {

        @Test
        void fires_without_seal_stanza_or_seal_type_variable() {
            Finding finding = only(check("defaults.yaml"), Rule.NO_AUTO_UNSEAL);

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("ConfigMap/vault-config has no seal stanza",
                    "VAULT_SEAL_TYPE is not set");
            assertThat(finding.remediation()).contains("seal \"awskms\"", "server.extraEnvironmentVars");
        }

        @Test
        void fires_when_only_a_kms_key_id_is_in_the_environment_and_says_it_selects_no_seal() {
            Finding finding = only(check("seal-key-id-only.yaml"), Rule.NO_AUTO_UNSEAL);

            assertThat(finding.message()).contains("does not select a seal on its own");
        }

        @Test
        void fires_when_the_only_seal_stanza_is_disabled() {
            Finding finding = only(check("seal-disabled.yaml"), Rule.NO_AUTO_UNSEAL);

            assertThat(finding.message()).contains("seal \"awskms\" (disabled)");
        }

        @Test
        void fires_when_vault_seal_type_shamir_overrides_an_awskms_stanza() {
            Finding finding = only(check("production.yaml",
                    Map.of("server.extraEnvironmentVars.VAULT_SEAL_TYPE", "shamir"), productionCluster()),
                    Rule.NO_AUTO_UNSEAL);

            assertThat(finding.message()).contains("seal \"awskms\"", "VAULT_SEAL_TYPE=shamir");
        }

        @Test
        void does_not_fire_for_an_awskms_seal_stanza() {
            assertThat(check("production.yaml", productionCluster()).withRule("NO_AUTO_UNSEAL")).isEmpty();
        }

        @Test
        void does_not_fire_when_vault_seal_type_selects_the_seal() {
            assertThat(check("seal-by-env.yaml").withRule("NO_AUTO_UNSEAL")).isEmpty();
        }

        @Test
        void does_not_fire_when_vault_seal_type_comes_from_a_secret_it_cannot_read() {
            assertThat(check("seal-by-secret-env.yaml").withRule("NO_AUTO_UNSEAL")).isEmpty();
        }

        @Test
        void says_which_extra_config_files_it_could_not_see() {
            Finding finding = only(check("defaults.yaml",
                    Map.of("server.extraArgs", "-config=/vault/userconfig/seal/seal.hcl"), CheckOptions.defaults()),
                    Rule.NO_AUTO_UNSEAL);

            assertThat(finding.message()).contains("also reads /vault/userconfig/seal/seal.hcl", "cannot see");
        }
    }

    @Nested
    class EphemeralStorage {

        @Test
        void fires_when_no_volume_holds_the_storage_path() {
            Finding finding = only(check("storage-none.yaml"), Rule.EPHEMERAL_STORAGE);

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("file storage at /vault/data", "container filesystem");
            assertThat(finding.remediation()).contains("server.dataStorage.enabled=true", "server.dataStorage.mountPath");
        }

        @Test
        void fires_for_an_empty_dir_at_the_storage_path() {
            Finding finding = only(check("storage-emptydir.yaml"), Rule.EPHEMERAL_STORAGE);

            assertThat(finding.message()).contains("volume 'data' (/vault/data)", "emptyDir");
        }

        @Test
        void fires_when_the_raft_path_is_not_where_the_claim_is_mounted() {
            Finding finding = only(check("storage-path-mismatch.yaml"), Rule.EPHEMERAL_STORAGE);

            assertThat(finding.message()).contains("raft storage at /vault/raft", "no volume is mounted there");
        }

        @Test
        void fires_when_vault_raft_path_moves_the_data_off_the_claim() {
            Finding finding = only(check("production.yaml",
                    Map.of("server.extraEnvironmentVars.VAULT_RAFT_PATH", "/tmp/raft"), productionCluster()),
                    Rule.EPHEMERAL_STORAGE);

            assertThat(finding.message()).contains("raft storage at /tmp/raft", "environment variable VAULT_RAFT_PATH");
        }

        @Test
        void fires_for_in_memory_storage_outside_dev_mode() {
            Finding finding = only(check("storage-inmem.yaml"), Rule.EPHEMERAL_STORAGE);

            assertThat(finding.message()).contains("storage \"inmem\"", "lost when a pod restarts");
        }

        @Test
        void does_not_fire_when_a_claim_template_is_mounted_at_the_storage_path() {
            assertThat(check("production.yaml", productionCluster()).withRule("EPHEMERAL_STORAGE")).isEmpty();
            assertThat(check("defaults.yaml").withRule("EPHEMERAL_STORAGE")).isEmpty();
        }
    }

    @Nested
    class SharedDataVolume {

        @Test
        void fires_for_a_read_write_many_claim_template() {
            Finding finding = only(check("storage-rwx.yaml"), Rule.SHARED_DATA_VOLUME);

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("volumeClaimTemplate 'data'", "ReadWriteMany");
            assertThat(finding.remediation()).contains("server.dataStorage.accessMode=ReadWriteOnce");
        }

        @Test
        void fires_when_every_replica_mounts_one_named_claim() {
            Finding finding = only(check("storage-shared-claim.yaml"), Rule.SHARED_DATA_VOLUME);

            assertThat(finding.message()).contains("PersistentVolumeClaim 'vault-data'", "all 3 replicas");
        }

        @Test
        void does_not_fire_for_one_named_claim_used_by_a_single_replica() {
            CheckReport report = check("storage-shared-claim.yaml", Map.of("server.ha.enabled", false),
                    CheckOptions.defaults());

            assertThat(report.withRule("SHARED_DATA_VOLUME")).isEmpty();
            assertThat(report.withRule("EPHEMERAL_STORAGE")).isEmpty();
        }

        @Test
        void does_not_fire_for_read_write_once_claim_templates() {
            assertThat(check("production.yaml", productionCluster()).withRule("SHARED_DATA_VOLUME")).isEmpty();
        }
    }

    @Nested
    class ReclaimPolicyDelete {

        @Test
        void warns_when_the_named_class_deletes_data() {
            CheckOptions options = CheckOptions.builder().storageClass(storageClass("vault-retain", "Delete", false))
                    .nodeCount(3).build();

            Finding finding = only(check("production.yaml", options), Rule.RECLAIM_POLICY_DELETE);

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("volumeClaimTemplate 'data'", "StorageClass 'vault-retain'",
                    "reclaimPolicy Delete");
            assertThat(finding.remediation()).contains("Retain", "server.dataStorage.storageClass");
        }

        @Test
        void warns_when_the_class_leaves_reclaim_policy_unset_because_kubernetes_defaults_to_delete() {
            CheckOptions options = CheckOptions.builder().storageClass(storageClass("vault-retain", null, false)).build();

            Finding finding = only(check("production.yaml", options), Rule.RECLAIM_POLICY_DELETE);

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.message()).contains("unset, which means Delete");
        }

        @Test
        void uses_the_annotated_default_class_when_the_claim_names_none() {
            CheckOptions options = CheckOptions.builder()
                    .storageClass(storageClass("fast", "Retain", false))
                    .storageClass(storageClass("local-path", "Delete", true))
                    .build();

            Finding finding = only(check("defaults.yaml", options), Rule.RECLAIM_POLICY_DELETE);

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.message()).contains("the default StorageClass 'local-path'");
        }

        @Test
        void mentions_a_retention_policy_that_deletes_the_claims() {
            CheckOptions options = CheckOptions.builder().storageClass(storageClass("vault-retain", "Delete", false))
                    .build();

            Finding finding = only(check("production.yaml",
                    Map.of("server.persistentVolumeClaimRetentionPolicy.whenDeleted", "Delete"), options),
                    Rule.RECLAIM_POLICY_DELETE);

            assertThat(finding.message()).contains("persistentVolumeClaimRetentionPolicy", "StatefulSet is deleted");
        }

        @Test
        void says_so_in_an_info_finding_when_the_named_class_is_not_given() {
            Finding finding = only(check("production.yaml"), Rule.RECLAIM_POLICY_DELETE);

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.message()).contains("StorageClass 'vault-retain'", "not among the StorageClasses given",
                    "unknown");
            assertThat(finding.remediation()).contains("--storage-classes");
        }

        @Test
        void says_so_in_an_info_finding_when_no_given_class_is_the_default() {
            CheckOptions options = CheckOptions.builder().storageClass(storageClass("fast", "Delete", false)).build();

            Finding finding = only(check("defaults.yaml", options), Rule.RECLAIM_POLICY_DELETE);

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.message()).contains("cluster's default StorageClass", "(fast)", "unknown");
        }

        @Test
        void does_not_fire_for_a_retain_class() {
            assertThat(check("production.yaml", productionCluster()).withRule("RECLAIM_POLICY_DELETE")).isEmpty();
        }
    }

    @Nested
    class UnpinnedImage {

        @Test
        void fires_for_every_floating_image_of_every_workload_including_init_containers_and_the_agent() {
            CheckReport report = check("images-floating.yaml");

            List<Finding> findings = report.withRule("UNPINNED_IMAGE");
            assertThat(findings).extracting(Finding::severity).containsOnly(Severity.ERROR);
            assertThat(findings).extracting(f -> f.resource() + " -> " + f.remediation().split(" to a version")[0])
                    .containsExactlyInAnyOrder(
                            INJECTOR + " -> Pin it to an exact version or a digest: set injector.agentImage.tag",
                            INJECTOR + " -> Pin it to an exact version or a digest: set injector.image.tag",
                            SERVER + " -> Pin it to an exact version or a digest: set server.image.tag",
                            SERVER + " -> Pin it to an exact version or a digest: set the image in"
                                    + " server.extraInitContainers");
            assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                    .contains("container 'vault'", "'hashicorp/vault:latest'", "floating tag 'latest'"));
            assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                    .contains("init container 'fetch-plugins'", "'busybox'", "has no tag"));
            assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                    .contains("'hashicorp/vault-k8s:1.7'", "not an exact version"));
            assertThat(findings).extracting(Finding::message).anySatisfy(m -> assertThat(m)
                    .contains("AGENT_INJECT_VAULT_IMAGE", "'hashicorp/vault'"));
        }

        @Test
        void does_not_fire_for_digests_and_exact_versions_with_suffixes_and_registry_ports() {
            assertThat(check("images-digest.yaml").withRule("UNPINNED_IMAGE")).isEmpty();
        }
    }

    @Nested
    class HaQuorum {

        @Test
        void warns_for_two_voters() {
            Finding finding = only(check("production.yaml", Map.of("server.ha.replicas", 2), productionCluster()),
                    Rule.HA_QUORUM);

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("2 voters", "quorum 2", "fewer than 3 voters");
            assertThat(finding.remediation()).contains("server.ha.replicas");
        }

        @Test
        void warns_for_an_even_number_of_voters() {
            Finding finding = only(check("production.yaml", Map.of("server.ha.replicas", 4), productionCluster()),
                    Rule.HA_QUORUM);

            assertThat(finding.message()).contains("4 voters", "quorum 3", "no more failures (1) than 3 voters");
        }

        @Test
        void warns_for_a_single_voter_in_ha_mode_seen_through_its_disruption_budget() {
            Finding finding = only(check("production.yaml", Map.of("server.ha.replicas", 1), productionCluster()),
                    Rule.HA_QUORUM);

            assertThat(finding.message()).contains("PodDisruptionBudget/vault", "1 voter ");
        }

        @Test
        void does_not_fire_for_three_or_five_voters() {
            assertThat(check("production.yaml", productionCluster()).withRule("HA_QUORUM")).isEmpty();
            assertThat(check("production.yaml", Map.of("server.ha.replicas", 5), productionCluster())
                    .withRule("HA_QUORUM")).isEmpty();
        }

        @Test
        void does_not_fire_for_standalone_file_storage() {
            assertThat(check("defaults.yaml").withRule("HA_QUORUM")).isEmpty();
        }
    }

    @Nested
    class TlsDisabled {

        @Test
        void warns_for_a_listener_with_tls_disabled() {
            Finding finding = only(check("defaults.yaml"), Rule.TLS_DISABLED);

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("listener \"tcp\" at [::]:8200", "tls_disable = 1");
            assertThat(finding.remediation()).contains("tls_cert_file", "global.tlsDisable=false");
        }

        @Test
        void does_not_fire_for_a_tls_listener() {
            assertThat(check("production.yaml", productionCluster()).withRule("TLS_DISABLED")).isEmpty();
        }
    }

    @Nested
    class TlsInconsistent {

        @Test
        void fires_when_the_listener_serves_tls_but_the_chart_renders_http() {
            Finding finding = only(check("tls-listener-on-chart-http.yaml"), Rule.TLS_INCONSISTENT);

            assertThat(finding.severity()).isEqualTo(Severity.ERROR);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("serves TLS", "the chart renders http",
                    "VAULT_ADDR=http://127.0.0.1:8200", "container port 8200 named 'http'",
                    "readinessProbe httpGet scheme HTTP", "Service/vault port 8200 named 'http'");
            assertThat(finding.remediation()).contains("global.tlsDisable=false");
        }

        @Test
        void fires_when_the_chart_renders_https_but_the_listener_disables_tls() {
            Finding finding = only(check("tls-listener-off-chart-https.yaml"), Rule.TLS_INCONSISTENT);

            assertThat(finding.message()).contains("has TLS disabled (tls_disable = 1)", "the chart renders https",
                    "VAULT_ADDR=https://127.0.0.1:8200", "Service/vault-internal port 8200 named 'https'");
            assertThat(finding.remediation()).contains("global.tlsDisable=true");
        }

        @Test
        void does_not_fire_when_both_say_http_or_both_say_https() {
            assertThat(check("defaults.yaml").withRule("TLS_INCONSISTENT")).isEmpty();
            assertThat(check("production.yaml", productionCluster()).withRule("TLS_INCONSISTENT")).isEmpty();
        }
    }

    @Nested
    class UnsatisfiableAntiAffinity {

        @Test
        void warns_when_replicas_outnumber_nodes_under_required_hostname_anti_affinity() {
            CheckOptions oneNode = CheckOptions.builder().storageClass(storageClass("vault-retain", "Retain", false))
                    .nodeCount(1).build();

            Finding finding = only(check("production.yaml", oneNode), Rule.UNSATISFIABLE_ANTI_AFFINITY);

            assertThat(finding.severity()).isEqualTo(Severity.WARNING);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("3 replicas", "kubernetes.io/hostname", "1 node:",
                    "2 pods stay Pending");
            assertThat(finding.remediation()).contains("server.ha.replicas", "server.affinity");
        }

        @Test
        void warns_for_the_injector_deployment_too() {
            Finding finding = only(check("production.yaml", Map.of("injector.replicas", 3, "server.affinity", ""),
                    CheckOptions.builder().storageClass(storageClass("vault-retain", "Retain", false)).nodeCount(2)
                            .build()), Rule.UNSATISFIABLE_ANTI_AFFINITY);

            assertThat(finding.resource()).isEqualTo(INJECTOR);
            assertThat(finding.message()).contains("3 replicas", "2 nodes", "1 pod stays Pending");
            assertThat(finding.remediation()).contains("injector.replicas");
        }

        @Test
        void does_not_fire_when_there_are_enough_nodes() {
            assertThat(check("production.yaml", productionCluster()).withRule("UNSATISFIABLE_ANTI_AFFINITY")).isEmpty();
        }

        @Test
        void does_not_fire_without_a_node_count() {
            assertThat(check("production.yaml").withRule("UNSATISFIABLE_ANTI_AFFINITY")).isEmpty();
        }

        @Test
        void does_not_fire_when_the_affinity_is_removed() {
            CheckReport report = check("production.yaml", Map.of("server.affinity", ""),
                    CheckOptions.builder().nodeCount(1).build());

            assertThat(report.withRule("UNSATISFIABLE_ANTI_AFFINITY")).isEmpty();
        }
    }

    @Nested
    class NoRaftRetryJoin {

        @Test
        void informs_when_ha_raft_has_no_retry_join() {
            Finding finding = only(check("ha-raft-defaults.yaml"), Rule.NO_RAFT_RETRY_JOIN);

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("3 replicas", "no retry_join", "vault operator raft join");
            assertThat(finding.remediation()).contains("retry_join", "server.ha.raft.config");
        }

        @Test
        void does_not_fire_with_retry_join_blocks() {
            assertThat(check("production.yaml", productionCluster()).withRule("NO_RAFT_RETRY_JOIN")).isEmpty();
        }

        @Test
        void does_not_fire_for_file_storage() {
            assertThat(check("defaults.yaml").withRule("NO_RAFT_RETRY_JOIN")).isEmpty();
        }
    }

    @Nested
    class OnDeleteUpgrades {

        @Test
        void informs_about_the_upgrade_procedure_for_on_delete() {
            Finding finding = only(check("ha-raft-defaults.yaml"), Rule.ONDELETE_UPGRADES);

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("OnDelete", "3 pods", "standbys first and the active node last");
            assertThat(finding.remediation()).contains("server.updateStrategyType");
        }

        @Test
        void does_not_fire_for_rolling_update() {
            assertThat(check("rolling-update.yaml").withRule("ONDELETE_UPGRADES")).isEmpty();
        }
    }

    @Nested
    class NoAuditStorage {

        @Test
        void informs_when_no_audit_volume_is_mounted() {
            Finding finding = only(check("defaults.yaml"), Rule.NO_AUDIT_STORAGE);

            assertThat(finding.severity()).isEqualTo(Severity.INFO);
            assertThat(finding.resource()).isEqualTo(SERVER);
            assertThat(finding.message()).contains("mounts no audit volume");
            assertThat(finding.remediation()).contains("server.auditStorage.enabled=true");
        }

        @Test
        void informs_when_the_audit_mount_is_not_persistent() {
            Finding finding = only(check("audit-emptydir.yaml"), Rule.NO_AUDIT_STORAGE);

            assertThat(finding.message()).contains("'audit' at /vault/audit", "not a persistent volume");
        }

        @Test
        void does_not_fire_with_an_audit_claim_template() {
            assertThat(check("production.yaml", productionCluster()).withRule("NO_AUDIT_STORAGE")).isEmpty();
        }
    }

    @Nested
    class ConfigurationFormats {

        @Test
        void reads_a_json_configuration() {
            CheckReport report = check("json-config.yaml");

            assertThat(report.withRule("NO_AUTO_UNSEAL")).isEmpty();
            assertThat(only(report, Rule.TLS_DISABLED).message()).contains("tls_disable = true");
            assertThat(report.withRule("EPHEMERAL_STORAGE")).isEmpty();
        }

        @Test
        void malformed_hcl_fails_with_the_config_map_key_and_line() {
            assertThatThrownBy(() -> check("malformed-hcl.yaml"))
                    .isInstanceOf(InvalidVaultConfigException.class)
                    .isInstanceOf(VaultTestException.class)
                    .hasMessageContaining("ConfigMap/vault-config key extraconfig-from-values.hcl")
                    .hasMessageContaining("line 4")
                    .hasMessageContaining("never closed")
                    .hasMessageContaining("server.standalone.config");
        }

        @Test
        void malformed_json_fails_with_the_config_map_and_the_parse_error() {
            assertThatThrownBy(() -> check("malformed-json.yaml"))
                    .isInstanceOf(InvalidVaultConfigException.class)
                    .hasMessageContaining("ConfigMap/vault-config")
                    .hasMessageContaining("JSON parse error")
                    .hasMessageContaining("line 1");
        }
    }
}
