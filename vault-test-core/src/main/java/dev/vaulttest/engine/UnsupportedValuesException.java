package dev.vaulttest.engine;

import dev.vaulttest.base.VaultTestException;
import java.util.List;
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
}
