package dev.vaulttest.chart;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

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
