package dev.vaulttest.junit5;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Where a test's diagnostics go: {@code <reports dir>/<test class>/<test>/}, with names reduced to
 * characters every file system accepts.
 */
final class DiagnosticsPaths {

    private static final int MAX_SEGMENT = 120;

    private DiagnosticsPaths() {
    }

    /**
     * The diagnostics directory of a context.
     *
     * @param reportsDir the report directory
     * @param context a test or class context
     * @param phase the lifecycle phase that failed outside a test method, for example {@code beforeAll}
     * @return the directory (not created)
     */
    static Path of(Path reportsDir, ExtensionContext context, Optional<String> phase) {
        String testClass = Stores.classContext(context).flatMap(ExtensionContext::getTestClass)
                .map(Class::getName).orElse("engine");
        String test = context.getTestMethod().map(method -> {
            boolean invocation = context.getParent().flatMap(ExtensionContext::getTestMethod).isPresent();
            return invocation ? method.getName() + "-" + context.getDisplayName() : method.getName();
        }).orElseGet(() -> phase.orElse("class"));
        return reportsDir.resolve(segment(testClass)).resolve(segment(test));
    }

    /**
     * Reduces a name to a safe path segment.
     *
     * @param name any text
     * @return letters, digits, {@code . _ - $ [ ]}; other characters become {@code _}
     */
    static String segment(String name) {
        String safe = name.replaceAll("[^A-Za-z0-9._$\\[\\]-]", "_");
        if (safe.isEmpty() || safe.equals(".") || safe.equals("..")) {
            safe = "_" + safe;
        }
        return safe.length() > MAX_SEGMENT ? safe.substring(0, MAX_SEGMENT) : safe;
    }
}
