package dev.vaulttest.engine;

import dev.vaulttest.base.VaultTestException;
import java.util.List;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * The values ask for things the test cluster cannot provide; thrown before anything is installed. The message
 * lists every such value with what to do about it.
 */
public final class UnsupportedValuesException extends VaultTestException {

    private static final long serialVersionUID = 1L;

    private final transient List<UnsupportedValue> problems;

    UnsupportedValuesException(String cluster, List<UnsupportedValue> problems) {
        super("The values cannot run on " + cluster + " as they are (" + problems.size() + " problem"
                + (problems.size() == 1 ? "" : "s") + "):\n"
                + problems.stream().map(p -> "  - " + p).collect(Collectors.joining("\n")));
        this.problems = List.copyOf(problems);
    }

    /**
     * Every unsupported value.
     *
     * @return the problems, in the order they were found
     */
    public List<UnsupportedValue> problems() {
        return problems;
    }

    /**
     * A value that asks for something the test cluster cannot provide.
     *
     * @param valuePath the values path, for example {@code server.nodeSelector}
     * @param problem what the value asks for and why the cluster cannot provide it
     * @param remedy what to do, usually a test-only values layer that overrides it
     */
    public record UnsupportedValue(String valuePath, String problem, String remedy) {

        /**
         * Validates.
         *
         * @param valuePath the values path, for example {@code server.nodeSelector}
         * @param problem what the value asks for and why the cluster cannot provide it
         * @param remedy what to do, usually a test-only values layer that overrides it
         */
        public UnsupportedValue {
            Objects.requireNonNull(valuePath, "valuePath");
            Objects.requireNonNull(problem, "problem");
            Objects.requireNonNull(remedy, "remedy");
        }

        @Override
        public String toString() {
            return valuePath + ": " + problem + " " + remedy;
        }
    }
}
