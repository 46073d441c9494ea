package dev.vaulttest.chart;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The values given to a chart, as on a Helm command line: values layers ({@code -f/--values} files or
 * in-memory maps) merged in order, then {@code --set} expressions, then {@code --set-string} expressions.
 *
 * <p>The library hands them to Helm as they are and reads Helm's merge back ({@link EffectiveValues}, which a
 * running environment reports). Files are read when Helm is called, not when the spec is built.
 *
 * @param layers values files and in-memory layers, earliest first; later layers win
 * @param sets {@code --set} expressions, applied in order after every layer
 * @param stringSets {@code --set-string} expressions, applied in order after every {@code --set}, as Helm does
 */
public record ChartValues(List<ValuesLayer> layers, List<String> sets, List<String> stringSets) {

    /**
     * Copies the lists so the record stays immutable.
     *
     * @param layers values files and in-memory layers, earliest first; later layers win
     * @param sets {@code --set} expressions, applied in order after every layer
     * @param stringSets {@code --set-string} expressions, applied in order after every {@code --set}, as Helm does
     */
    public ChartValues {
        layers = List.copyOf(layers);
        sets = List.copyOf(sets);
        stringSets = List.copyOf(stringSets);
    }

    /**
     * No values at all: the chart's defaults.
     *
     * @return an empty values spec
     */
    public static ChartValues none() {
        return new ChartValues(List.of(), List.of(), List.of());
    }

    /**
     * Starts an empty builder.
     *
     * @return the builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * Starts a builder holding this spec's layers and expressions, to add more.
     *
     * @return the builder
     */
    public Builder toBuilder() {
        Builder builder = new Builder();
        builder.layers.addAll(layers);
        builder.sets.addAll(sets);
        builder.stringSets.addAll(stringSets);
        return builder;
    }

    /** Collects layers and expressions in the order Helm applies them. */
    public static final class Builder {
        private final List<ValuesLayer> layers = new ArrayList<>();
        private final List<String> sets = new ArrayList<>();
        private final List<String> stringSets = new ArrayList<>();

        private Builder() {
        }

        /**
         * Adds a values file, merged over the layers added before it (like {@code -f}).
         *
         * @param file the YAML file
         * @return this builder
         */
        public Builder file(Path file) {
            layers.add(new ValuesLayer.File(file));
            return this;
        }

        /**
         * Adds values held in memory, merged over the layers added before it.
         *
         * @param name what the layer is, for messages and reports
         * @param values the values (maps, lists, strings, booleans, numbers, null)
         * @return this builder
         */
        public Builder values(String name, Map<String, ?> values) {
            layers.add(new ValuesLayer.Inline(name, ValueTrees.castMap(values)));
            return this;
        }

        /**
         * Adds a {@code --set} expression such as {@code server.ha.replicas=3} or {@code a={x,y},b=1}.
         *
         * @param expression the text after {@code --set}
         * @return this builder
         */
        public Builder set(String expression) {
            sets.add(Objects.requireNonNull(expression, "expression"));
            return this;
        }

        /**
         * Adds a {@code --set-string} expression: like {@link #set(String)} but every value stays a string.
         *
         * @param expression the text after {@code --set-string}
         * @return this builder
         */
        public Builder setString(String expression) {
            stringSets.add(Objects.requireNonNull(expression, "expression"));
            return this;
        }

        /**
         * Builds the immutable spec.
         *
         * @return the values spec
         */
        public ChartValues build() {
            return new ChartValues(layers, sets, stringSets);
        }
    }

    /** One layer of chart values, merged over the layers before it: a values file or values held in memory. */
    public sealed interface ValuesLayer permits ValuesLayer.File, ValuesLayer.Inline {

        /**
         * Names the layer in messages and reports: the file path or the inline layer's name.
         *
         * @return the name
         */
        String describe();

        /**
         * A values file, handed to Helm as it is when the values are merged.
         *
         * @param path the YAML file
         */
        record File(Path path) implements ValuesLayer {

            /**
             * Requires the path.
             *
             * @param path the YAML file
             */
            public File {
                Objects.requireNonNull(path, "path");
            }

            @Override
            public String describe() {
                return path.toString();
            }
        }

        /**
         * Values held in memory, for example the overlay a test adds so the chart fits on k3s; handed to Helm as
         * one more values file.
         *
         * @param name what the layer is, shown in messages and reports
         * @param values the values; copied and frozen
         */
        record Inline(String name, Map<String, Object> values) implements ValuesLayer {

            /**
             * Copies the values deeply and freezes them; rejects values YAML cannot carry.
             *
             * @param name what the layer is, shown in messages and reports
             * @param values the values; copied and frozen
             */
            public Inline {
                Objects.requireNonNull(name, "name");
                Objects.requireNonNull(values, "values");
                values = ValueTrees.castMap(ValueTrees.frozenCopy(values, ""));
            }

            @Override
            public String describe() {
                return name;
            }
        }
    }
}
