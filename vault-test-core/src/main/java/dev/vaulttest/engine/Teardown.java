package dev.vaulttest.engine;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What an environment has to undo, in reverse order of creation: each step runs once, a failing step is
 * logged and the others still run. Idempotent.
 */
final class Teardown {

    private static final Logger LOG = LoggerFactory.getLogger(Teardown.class);

    private final Deque<Step> steps = new ArrayDeque<>();
    private boolean done;

    private record Step(String description, AutoCloseable action) {
    }

    /**
     * Registers an undo step; it runs before the steps registered earlier.
     *
     * @param description what the step undoes, for logs
     * @param action the undo
     */
    synchronized void add(String description, AutoCloseable action) {
        if (done) {
            throw new IllegalStateException("Teardown already ran; cannot register '" + description + "'");
        }
        steps.push(new Step(description, action));
    }

    /** Runs every step once, newest first. */
    synchronized void run() {
        if (done) {
            return;
        }
        done = true;
        while (!steps.isEmpty()) {
            Step step = steps.pop();
            try {
                LOG.debug("Teardown: {}", step.description());
                step.action().close();
            } catch (Exception e) {
                LOG.warn("Teardown step '{}' failed: {}", step.description(), e.getMessage());
            }
        }
    }

    synchronized boolean done() {
        return done;
    }
}
