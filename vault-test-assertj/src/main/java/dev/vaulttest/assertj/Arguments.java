package dev.vaulttest.assertj;

import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.Set;

/** Checks of assertion arguments: a bad argument is the caller's mistake, an {@link IllegalArgumentException}. */
final class Arguments {

    private Arguments() {
    }

    static void require(boolean condition, String message) {
        if (!condition) {
            throw new IllegalArgumentException(message);
        }
    }

    static String requireText(String value, String name) {
        require(value != null && !value.isBlank(), "The " + name + " must not be blank but was " + quote(value));
        return value;
    }

    static <T> T requireNonNull(T value, String name) {
        require(value != null, "The " + name + " must not be null");
        return value;
    }

    static Duration requirePositive(Duration value, String name) {
        require(value != null, "The " + name + " must not be null");
        require(!value.isNegative() && !value.isZero(), "The " + name + " must be positive but was " + value);
        return value;
    }

    static int requireNotNegative(int value, String name) {
        require(value >= 0, "The " + name + " must not be negative but was " + value);
        return value;
    }

    /** Node ids or names: not null, not blank, no duplicates; the order is kept. */
    static Set<String> requireDistinctTexts(String[] values, String name) {
        require(values != null, "The " + name + " must not be null");
        Set<String> distinct = new LinkedHashSet<>();
        for (String value : values) {
            requireText(value, name.endsWith("s") ? name.substring(0, name.length() - 1) : name);
            require(distinct.add(value), "The " + name + " contain '" + value + "' twice");
        }
        return distinct;
    }

    static String quote(String text) {
        return text == null ? "null" : "'" + text + "'";
    }

    static String names(Collection<String> names) {
        return names.toString();
    }
}
