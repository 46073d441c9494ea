package dev.vaulttest.chart;

import java.util.Map;
import java.util.Objects;

/**
 * The values Helm made of every values layer and {@code --set} expression, read back from Helm itself:
 * exactly what the chart is rendered and installed with, so this is also what a report shows.
 *
 * <p>These are the user-supplied values; Helm still merges them over the chart's own
 * {@code values.yaml}. A {@code null} value is kept on purpose: Helm reads it as "remove this key
 * from the chart's defaults". The map is unmodifiable at every level. Values may hold secrets the
 * team put in their values files: redact before writing {@link #toYaml()} anywhere public;
 * {@link #toString()} shows only the top-level keys.
 */
public final class EffectiveValues {

    private final Map<String, Object> values;
    private final String yaml;

    /**
     * Wraps values Helm merged, with Helm's own YAML rendering of them.
     *
     * @param values the merged values (copied and frozen)
     * @param yaml Helm's {@code toYaml} of the same values
     */
    public EffectiveValues(Map<String, Object> values, String yaml) {
        this.values = ValueTrees.castMap(ValueTrees.frozenCopy(Objects.requireNonNull(values, "values"), ""));
        this.yaml = yaml.endsWith("\n") ? yaml : yaml + "\n";
    }

    /**
     * The merged values, unmodifiable at every level, keys in Helm's (alphabetical) order; scalars are
     * {@link String}, {@link Boolean}, {@link Long}, {@link java.math.BigInteger}, {@link Double} or
     * {@code null}. Helm reads the numbers of values files as 64-bit floating point, so a whole number there
     * comes back as a {@link Long} and one beyond 2<sup>53</sup> as Helm rounded it.
     *
     * @return the values
     */
    public Map<String, Object> asMap() {
        return values;
    }

    /**
     * The merged values as a YAML document, for people to read, as Helm's {@code toYaml} writes them; Helm
     * reads it back to the same values (strings such as {@code yes} that Helm's YAML 1.1 parser would take
     * for booleans or numbers are quoted). When Helm cannot write them as YAML (a string holds a control
     * character), they are written as indented JSON, which is YAML too.
     *
     * @return the YAML text, ending with a line break; {@code {}} when there are no values
     */
    public String toYaml() {
        return yaml;
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
