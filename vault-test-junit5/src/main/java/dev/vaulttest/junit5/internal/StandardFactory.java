package dev.vaulttest.junit5.internal;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.StandardEnvironmentFactory;

/** The library's standard environment factory, used unless a test configures another one. */
final class StandardFactory {

    private StandardFactory() {
    }

    static EnvironmentFactory create() {
        return StandardEnvironmentFactory.create();
    }
}
