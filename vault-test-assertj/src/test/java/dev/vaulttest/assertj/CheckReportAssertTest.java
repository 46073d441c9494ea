package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.VaultAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.Finding;
import dev.vaulttest.check.Finding.Severity;
import java.util.List;
import org.junit.jupiter.api.Test;

class CheckReportAssertTest {

    private static final String NL = System.lineSeparator();

    private static final Finding DEV_MODE = new Finding("DEV_MODE", Severity.ERROR, "StatefulSet/vault",
            "Container 'vault' starts 'vault server' with '-dev'.", "Set server.dev.enabled=false.");
    private static final Finding TLS = new Finding("TLS_DISABLED", Severity.WARNING, "StatefulSet/vault",
            "The listener sets tls_disable = 1.", "Set global.tlsDisable=false.");
    private static final Finding ONDELETE = new Finding("ONDELETE_UPGRADES", Severity.INFO, "StatefulSet/vault",
            "OnDelete: 100% manual.", "Follow the procedure.");

    private static final CheckReport PRODUCTION = new CheckReport(List.of(ONDELETE));
    private static final CheckReport BROKEN = new CheckReport(List.of(ONDELETE, TLS, DEV_MODE));

    @Test
    void passes_when_nothing_is_at_or_above_the_threshold() {
        assertThat(PRODUCTION).hasNoFindingAtOrAbove(Severity.WARNING)
                .hasFinding("ONDELETE_UPGRADES")
                .hasFinding("ONDELETE_UPGRADES", "StatefulSet/vault")
                .doesNotHaveFinding("DEV_MODE")
                .hasExactlyRules("ONDELETE_UPGRADES");
        assertThat(new CheckReport(List.of())).hasNoFindings().hasExactlyRules();
    }

    @Test
    void lists_the_offending_findings_when_something_is_at_or_above_the_threshold() {
        assertThatThrownBy(() -> assertThat(BROKEN).hasNoFindingAtOrAbove(Severity.WARNING))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting no finding at or above WARNING but found 2:" + NL
                        + "  - ERROR DEV_MODE on StatefulSet/vault: Container 'vault' starts 'vault server' with '-dev'."
                        + NL
                        + "  - WARNING TLS_DISABLED on StatefulSet/vault: The listener sets tls_disable = 1.");
    }

    @Test
    void has_no_findings_fails_with_every_finding_including_percent_signs() {
        assertThatThrownBy(() -> assertThat(PRODUCTION).hasNoFindings())
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting no findings but found 1:" + NL
                        + "  - INFO ONDELETE_UPGRADES on StatefulSet/vault: OnDelete: 100% manual.");
    }

    @Test
    void has_finding_fails_with_the_findings_that_were_there() {
        assertThatThrownBy(() -> assertThat(PRODUCTION).hasFinding("DEV_MODE"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting a DEV_MODE finding but found none; the findings were:" + NL
                        + "  - INFO ONDELETE_UPGRADES on StatefulSet/vault: OnDelete: 100% manual.");
        assertThatThrownBy(() -> assertThat(new CheckReport(List.of())).hasFinding("DEV_MODE"))
                .hasMessage("Expecting a DEV_MODE finding but found none; the findings were:" + NL + "  (none)");
    }

    @Test
    void has_finding_on_a_resource_fails_when_the_rule_fired_elsewhere() {
        assertThatThrownBy(() -> assertThat(BROKEN).hasFinding("DEV_MODE", "StatefulSet/other"))
                .isInstanceOf(AssertionError.class)
                .hasMessageStartingWith("Expecting a DEV_MODE finding on StatefulSet/other but found none")
                .hasMessageContaining("  - ERROR DEV_MODE on StatefulSet/vault");
    }

    @Test
    void does_not_have_finding_fails_with_the_findings_of_that_rule() {
        assertThatThrownBy(() -> assertThat(BROKEN).doesNotHaveFinding("DEV_MODE"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting no DEV_MODE finding but found 1:" + NL
                        + "  - ERROR DEV_MODE on StatefulSet/vault: Container 'vault' starts 'vault server' with '-dev'.");
    }

    @Test
    void has_exactly_rules_names_missing_rules_and_unexpected_findings() {
        assertThatThrownBy(() -> assertThat(BROKEN).hasExactlyRules("ONDELETE_UPGRADES", "HA_QUORUM"))
                .isInstanceOf(AssertionError.class)
                .hasMessage("Expecting exactly the rules [ONDELETE_UPGRADES, HA_QUORUM] to fire" + NL
                        + "but these did not fire: [HA_QUORUM]" + NL
                        + "and found these other findings:" + NL
                        + "  - ERROR DEV_MODE on StatefulSet/vault: Container 'vault' starts 'vault server' with '-dev'."
                        + NL
                        + "  - WARNING TLS_DISABLED on StatefulSet/vault: The listener sets tls_disable = 1.");
    }

    @Test
    void keeps_the_description_given_with_as() {
        assertThatThrownBy(() -> assertThat(BROKEN).as("prod values").doesNotHaveFinding("TLS_DISABLED"))
                .hasMessageStartingWith("[prod values] Expecting no TLS_DISABLED finding but found 1:");
    }

    @Test
    void navigates_to_the_findings_of_a_rule() {
        assertThat(BROKEN).findingsOf("TLS_DISABLED").singleElement()
                .extracting(Finding::remediation).isEqualTo("Set global.tlsDisable=false.");
        assertThatThrownBy(() -> assertThat(BROKEN).findingsOf("HA_QUORUM").isNotEmpty())
                .hasMessageContaining("[findings of HA_QUORUM]");
    }

    @Test
    void fails_on_a_null_report() {
        assertThatThrownBy(() -> assertThat((CheckReport) null).hasNoFindings())
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("Expecting actual not to be null");
    }

    @Test
    void rejects_unknown_blank_and_duplicate_rule_ids_and_a_null_severity() {
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(PRODUCTION).doesNotHaveFinding("DEV-MODE"))
                .withMessageStartingWith("Unknown rule id 'DEV-MODE'; known rules: DEV_MODE, NO_AUTO_UNSEAL,");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(PRODUCTION).hasFinding(" "))
                .withMessage("The rule id must not be blank but was ' '");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(PRODUCTION).hasFinding(null))
                .withMessage("The rule id must not be blank but was null");
        assertThatIllegalArgumentException()
                .isThrownBy(() -> assertThat(PRODUCTION).hasExactlyRules("DEV_MODE", "DEV_MODE"))
                .withMessage("The rule DEV_MODE is given twice");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(PRODUCTION).hasNoFindingAtOrAbove(null))
                .withMessage("The severity threshold must not be null");
        assertThatIllegalArgumentException().isThrownBy(() -> assertThat(PRODUCTION).hasFinding("DEV_MODE", ""))
                .withMessageContaining("Kind/name");
    }
}
