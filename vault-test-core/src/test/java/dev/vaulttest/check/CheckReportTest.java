package dev.vaulttest.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.check.Finding.Severity;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportTest {

    private static Finding finding(String rule, Severity severity, String resource) {
        return new Finding(rule, severity, resource, "message", "remediation");
    }

    private final CheckReport report = new CheckReport(List.of(
            finding("NO_AUDIT_STORAGE", Severity.INFO, "StatefulSet/vault"),
            finding("UNPINNED_IMAGE", Severity.ERROR, "StatefulSet/vault"),
            finding("TLS_DISABLED", Severity.WARNING, "StatefulSet/vault"),
            finding("UNPINNED_IMAGE", Severity.ERROR, "Deployment/vault-agent-injector"),
            finding("DEV_MODE", Severity.ERROR, "StatefulSet/vault")));

    @Test
    void sorts_by_severity_then_rule_then_resource() {
        assertThat(report.findings()).extracting(f -> f.severity() + " " + f.rule() + " " + f.resource())
                .containsExactly(
                        "ERROR DEV_MODE StatefulSet/vault",
                        "ERROR UNPINNED_IMAGE Deployment/vault-agent-injector",
                        "ERROR UNPINNED_IMAGE StatefulSet/vault",
                        "WARNING TLS_DISABLED StatefulSet/vault",
                        "INFO NO_AUDIT_STORAGE StatefulSet/vault");
    }

    @Test
    void selects_findings_at_or_above_a_severity() {
        assertThat(report.atOrAbove(Severity.WARNING)).extracting(Finding::rule)
                .containsExactly("DEV_MODE", "UNPINNED_IMAGE", "UNPINNED_IMAGE", "TLS_DISABLED");
        assertThat(report.hasFindingAtOrAbove(Severity.ERROR)).isTrue();
        assertThat(new CheckReport(List.of(finding("NO_AUDIT_STORAGE", Severity.INFO, "x")))
                .hasFindingAtOrAbove(Severity.WARNING)).isFalse();
    }

    @Test
    void selects_findings_by_rule() {
        assertThat(report.withRule("UNPINNED_IMAGE")).hasSize(2);
        assertThat(report.withRule("HA_QUORUM")).isEmpty();
    }

    @Test
    void does_not_change_when_the_input_list_changes() {
        List<Finding> input = new ArrayList<>(List.of(finding("DEV_MODE", Severity.ERROR, "a")));
        CheckReport copy = new CheckReport(input);
        input.clear();

        assertThat(copy.findings()).hasSize(1);
        assertThatThrownBy(() -> copy.findings().clear()).isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    void options_reject_a_node_count_below_one() {
        assertThatThrownBy(() -> CheckOptions.builder().nodeCount(0))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least 1 but was 0");
        assertThat(CheckOptions.defaults().nodeCount()).isEmpty();
        assertThat(CheckOptions.defaults().storageClasses()).isEmpty();
    }

    @Test
    void every_rule_id_is_its_enum_name_and_can_be_looked_up() {
        for (Rule rule : Rule.values()) {
            assertThat(Rule.byId(rule.id())).contains(rule);
        }
        assertThat(Rule.byId("DEV-MODE")).isEmpty();
        assertThat(Rule.values()).hasSize(13);
    }
}
