package dev.vaulttest.samples.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;

class ChartImagesConditionTest {

    @Test
    void anImageOverrideDisablesAndNamesTheSetting() {
        ConditionEvaluationResult result = ChartImagesCondition.evaluate(Optional.of("hashicorp/vault:1.21.1"));

        assertThat(result.isDisabled()).isTrue();
        assertThat(result.getReason()).hasValueSatisfying(reason -> assertThat(reason)
                .startsWith("vaulttest.vault.image=hashicorp/vault:1.21.1 replaces the chart's own Vault images"));
    }

    @Test
    void withoutAnOverrideOrWithABlankOneTheTestRuns() {
        assertThat(ChartImagesCondition.evaluate(Optional.empty()).isDisabled()).isFalse();
        assertThat(ChartImagesCondition.evaluate(Optional.of(" ")).isDisabled()).isFalse();
    }
}
