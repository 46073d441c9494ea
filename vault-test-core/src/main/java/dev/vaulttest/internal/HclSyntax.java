package dev.vaulttest.internal;

import java.util.Optional;

/** Placeholder replaced below. */
final class HclSyntax {
    private HclSyntax() {
    }

    static Optional<String> check(String text) {
        return Optional.empty();
    }
}
