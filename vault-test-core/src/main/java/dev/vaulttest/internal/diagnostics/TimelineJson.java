package dev.vaulttest.internal.diagnostics;

import dev.vaulttest.timing.PhaseTimeline;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Writes a {@link PhaseTimeline} as {@code timeline.json}:
 * <pre>{@code
 * {"schemaVersion": 1, "totalMillis": 93512,
 *  "phases": [{"phase": "cluster", "start": "2026-08-20T10:00:00Z", "durationMillis": 41200}, ...]}
 * }</pre>
 * Phases appear in start order; a phase recorded twice appears twice.
 */
final class TimelineJson {

    /** Bumped when a field is renamed or removed; adding fields keeps the version. */
    public static final int SCHEMA_VERSION = 1;

    private TimelineJson() {
    }

    /**
     * Renders the timeline.
     *
     * @param timeline the phases
     * @return the JSON document, pretty-printed, ending with a newline
     */
    public static String render(PhaseTimeline timeline) {
        Objects.requireNonNull(timeline, "timeline");
        JsonMapper mapper = JsonMapper.builder().build();
        ObjectNode root = mapper.createObjectNode();
        root.put("schemaVersion", SCHEMA_VERSION);
        root.put("totalMillis", timeline.total().toMillis());
        ArrayNode phases = root.putArray("phases");
        for (PhaseTiming timing : timeline.phases()) {
            phases.addObject().put("phase", timing.phase().label()).put("start", timing.start().toString())
                    .put("durationMillis", timing.duration().toMillis());
        }
        return mapper.writerWithDefaultPrettyPrinter().writeValueAsString(root) + "\n";
    }

    /**
     * Writes the timeline to a file, creating its directory.
     *
     * @param timeline the phases
     * @param file the file to write, usually {@code timeline.json}
     * @throws UncheckedIOException when the file cannot be written
     */
    public static void write(PhaseTimeline timeline, Path file) {
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            Files.writeString(file, render(timeline), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the phase timeline to " + file, e);
        }
    }
}
