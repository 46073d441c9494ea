package dev.vaulttest.internal.diagnostics;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class TimelineJsonTest {

    @TempDir
    Path dir;

    @Test
    void writesEveryPhaseInStartOrderWithItsDurationAndTheTotal() throws IOException {
        Instant start = Instant.parse("2026-08-20T10:00:00Z");
        PhaseTimeline timeline = new PhaseTimeline(List.of(
                new PhaseTiming(Phase.INSTALL, start.plusSeconds(40), Duration.ofMillis(5_500)),
                new PhaseTiming(Phase.CLUSTER, start, Duration.ofSeconds(40))));
        Path file = dir.resolve("nested/timeline.json");

        TimelineJson.write(timeline, file);

        JsonNode json = JsonMapper.builder().build().readTree(Files.readString(file));
        assertThat(json.get("schemaVersion").asInt()).isEqualTo(TimelineJson.SCHEMA_VERSION);
        assertThat(json.get("totalMillis").asLong()).isEqualTo(45_500);
        assertThat(json.get("phases").get(0).get("phase").asString()).isEqualTo("cluster");
        assertThat(json.get("phases").get(1).get("durationMillis").asLong()).isEqualTo(5_500);
        assertThat(json.get("phases").get(1).get("start").asString()).isEqualTo("2026-08-20T10:00:40Z");
    }

    @Test
    void anEmptyTimelineHasNoPhases() {
        assertThat(TimelineJson.render(PhaseTimeline.empty())).contains("\"phases\" : [ ]").contains("\"totalMillis\" : 0");
    }
}
