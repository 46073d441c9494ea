package dev.vaulttest.junit5;

import java.lang.reflect.Method;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.ExtensionContext.Store;

/** The one store namespace of the extensions, and how to find the context that owns a value. */
final class Stores {

    /** Every value of vault-test's extensions lives under this namespace. */
    static final Namespace NAMESPACE = Namespace.create("dev.vaulttest.junit5");

    private Stores() {
    }

    static Store root(ExtensionContext context) {
        return context.getRoot().getStore(NAMESPACE);
    }

    static Store own(ExtensionContext context) {
        return context.getStore(NAMESPACE);
    }

    /**
     * The context of the test class a context belongs to: the context itself for a class, the nearest
     * class context above a method or template invocation.
     *
     * @param context any context below the engine
     * @return the class context, empty for the engine's root context
     */
    static Optional<ExtensionContext> classContext(ExtensionContext context) {
        for (Optional<ExtensionContext> current = Optional.of(context); current.isPresent();
                current = current.get().getParent()) {
            ExtensionContext candidate = current.get();
            if (candidate.getElement().filter(Class.class::isInstance).isPresent()) {
                return Optional.of(candidate);
            }
        }
        return Optional.empty();
    }

    /**
     * Tells whether a context is a test method (or one invocation of a test template).
     *
     * @param context the context
     * @return {@code true} when the context has a test method
     */
    static boolean isTest(ExtensionContext context) {
        return context.getTestMethod().isPresent();
    }

    static String testName(ExtensionContext context) {
        return context.getTestMethod().map(Method::getName).orElse(context.getDisplayName());
    }
}
