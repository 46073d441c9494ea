package dev.vaulttest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DurationsTest {

    @ParameterizedTest
    @CsvSource({
            "PT0.85S, 850ms",
            "PT12.34S, 12.3s",
            "PT59.99S, 60.0s",
            "PT2M5S, 2m05s",
            "PT59M59S, 59m59s",
            "PT1H, 1h00m",
            "PT26H3M59S, 26h03m",
            "PT24H, 24h00m"})
    void eachMagnitudeHasItsOwnCompactForm(Duration duration, String expected) {
        assertThat(Durations.format(duration)).isEqualTo(expected);
    }
}
