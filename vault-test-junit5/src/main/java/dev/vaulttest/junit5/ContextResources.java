package dev.vaulttest.junit5;

import java.util.ArrayDeque;
import java.util.Deque;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Resources that live as long as one context (a test, or a class for its lifecycle methods), closed in
 * reverse order of registration. JUnit closes them with the context's store; the extension closes a
 * disruptive test's resources earlier, before it checks that the deployment recovered. Closing twice does
 * nothing.
 */
final class ContextResources implements AutoCloseable {

    private final Deque<AutoCloseable> resources = new ArrayDeque<>();

    /**
     * The resources of a context, created on first use.
     *
     * @param context the context
     * @return its resources
     */
    static ContextResources of(ExtensionContext context) {
        return Stores.own(context).getOrComputeIfAbsent(ContextResources.class, key -> new ContextResources(),
                ContextResources.class);
    }

    /**
     * Registers a resource to close when the context ends.
     *
     * @param resource the resource
     * @param <T> its type
     * @return the resource
     */
    synchronized <T extends AutoCloseable> T register(T resource) {
        resources.push(resource);
        return resource;
    }

    @Override
    public void close() throws Exception {
        Exception failure = null;
        while (true) {
            AutoCloseable next;
            synchronized (this) {
                next = resources.poll();
            }
            if (next == null) {
                break;
            }
            try {
                next.close();
            } catch (Exception e) {
                if (failure == null) {
                    failure = e;
                } else {
                    failure.addSuppressed(e);
                }
            }
        }
        if (failure != null) {
            throw failure;
        }
    }
}
