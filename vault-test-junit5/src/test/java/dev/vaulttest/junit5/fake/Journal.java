package dev.vaulttest.junit5.fake;

import java.util.ArrayList;
import java.util.List;

/**
 * What the fake factory did, in order, across one EngineTestKit run. The factory is created by the
 * extension from a class name, so this log is the only way back to the test: it is static, and every test
 * that reads it clears it first (tests of this module run one at a time).
 */
public final class Journal {

    private static final List<String> EVENTS = new ArrayList<>();

    private Journal() {
    }

    /** Forgets everything. */
    public static synchronized void clear() {
        EVENTS.clear();
    }

    static synchronized void add(String event) {
        EVENTS.add(event);
    }

    /**
     * Records something a fixture test saw.
     *
     * @param event what happened
     */
    public static synchronized void note(String event) {
        EVENTS.add(event);
    }

    /**
     * Everything recorded since the last {@link #clear()}.
     *
     * @return the events, in order
     */
    public static synchronized List<String> events() {
        return List.copyOf(EVENTS);
    }

    /**
     * The events that start with a prefix.
     *
     * @param prefix for example {@code "deploy"}
     * @return the matching events, in order
     */
    public static synchronized List<String> events(String prefix) {
        return EVENTS.stream().filter(event -> event.startsWith(prefix)).toList();
    }
}
