package dev.vaulttest.chart;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.snakeyaml.engine.v2.api.Dump;
import org.snakeyaml.engine.v2.api.DumpSettings;
import org.snakeyaml.engine.v2.common.FlowStyle;

/**
 * The values Helm is given after merging every values layer and {@code --set} expression: exactly
 * what the chart is rendered and installed with, so this is also what a report shows.
 *
 * <p>These are the user-supplied values; Helm still merges them over the chart's own
 * {@code values.yaml}. A {@code null} value is kept on purpose: Helm reads it as "remove this key
 * from the chart's defaults". The map is unmodifiable at every level. Values may hold secrets the
 * team put in their values files: redact before writing {@link #toYaml()} anywhere public;
 * {@link #toString()} shows only the top-level keys.
 */
public final class EffectiveValues {

    private final Map<String, Object> values;

    EffectiveValues(Map<String, Object> values) {
        this.values = ValueTrees.castMap(ValueTrees.frozenCopy(values));
    }

    /**
     * The merged values, unmodifiable at every level; scalars are {@link String}, {@link Boolean},
     * {@link Long}, {@link java.math.BigInteger}, {@link Double} or {@code null}.
     *
     * @return the values
     */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * The merged values as a YAML document, for people to read; Helm would read it back to the same values
     * (strings such as {@code yes} that Helm's YAML 1.1 parser would take for booleans or numbers are quoted).
     *
     * @return the YAML text; {@code {}} when there are no values
     */
    public String toYaml() {
        DumpSettings settings = DumpSettings.builder()
                .setDefaultFlowStyle(FlowStyle.BLOCK)
                .setSchema(HelmYaml.helmReadableSchema())
                .build();
        return new Dump(settings).dumpToString(values);
    }

    /**
     * Writes the values to a file Helm reads back to the same values: YAML in flow style with every
     * string quoted, so no string can be re-read as a boolean or number.
     *
     * @param file the file to write
     */
    void writeForHelm(Path file) {
        try {
            Files.writeString(file, HelmValuesWriter.write(values), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the effective values to " + file, e);
        }
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof EffectiveValues that && values.equals(that.values);
    }

    @Override
    public int hashCode() {
        return values.hashCode();
    }

    @Override
    public String toString() {
        return "EffectiveValues" + values.keySet();
    }
}
