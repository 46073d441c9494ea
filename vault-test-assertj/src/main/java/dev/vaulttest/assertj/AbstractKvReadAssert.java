package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.error.ShouldHaveSecret.shouldContainEntry;
import static dev.vaulttest.assertj.error.ShouldHaveSecret.shouldExist;
import static dev.vaulttest.assertj.error.ShouldHaveSecret.shouldHaveData;
import static dev.vaulttest.assertj.error.ShouldHaveSecret.shouldNotExist;

import dev.vaulttest.vault.KvSecret;
import java.util.Map;
import java.util.Objects;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on what a KV v2 path held when it was read ({@link KvRead}): it exists, contains an entry, holds
 * exactly some data. Failures name the path, the node and the fields, never the secret values.
 *
 * @param <SELF> the concrete assertion type, for chaining from subclasses
 */
public abstract class AbstractKvReadAssert<SELF extends AbstractKvReadAssert<SELF>> extends AbstractAssert<SELF, KvRead> {

    /**
     * Creates the assertion.
     *
     * @param actual the read to check
     * @param selfType the concrete assertion class
     */
    protected AbstractKvReadAssert(KvRead actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that the path holds a secret.
     *
     * @return this assertion
     */
    public SELF exists() {
        isNotNull();
        if (actual.secret().isEmpty()) {
            throwAssertionError(shouldExist(actual.location(), actual.node()));
        }
        return myself;
    }

    /**
     * Verifies that the path holds no secret (Vault answered 404).
     *
     * @return this assertion
     */
    public SELF doesNotExist() {
        isNotNull();
        if (actual.secret().isPresent()) {
            throwAssertionError(shouldNotExist(actual.location(), actual.node(), actual.secret().orElseThrow()));
        }
        return myself;
    }

    /**
     * Verifies that the secret exists and has the field with the value.
     *
     * @param key the field name
     * @param value the expected value
     * @return this assertion
     * @throws IllegalArgumentException when {@code key} is blank or {@code value} is null
     */
    public SELF containsEntry(String key, String value) {
        Arguments.requireText(key, "field name");
        Arguments.requireNonNull(value, "value of field '" + key + "'");
        KvSecret secret = existing();
        if (!value.equals(secret.data().get(key))) {
            throwAssertionError(shouldContainEntry(actual.location(), actual.node(), secret, key));
        }
        return myself;
    }

    /**
     * Verifies that the secret exists and holds exactly these fields and values.
     *
     * @param expected the expected data
     * @return this assertion
     * @throws IllegalArgumentException when {@code expected} is null or holds a null key or value
     */
    public SELF hasData(Map<String, String> expected) {
        Arguments.requireNonNull(expected, "expected data");
        expected.forEach((key, value) -> Arguments.require(key != null && value != null,
                "The expected data must not hold null keys or values; field " + Arguments.quote(key)));
        KvSecret secret = existing();
        if (!Objects.equals(secret.data(), Map.copyOf(expected))) {
            throwAssertionError(shouldHaveData(actual.location(), actual.node(), secret, expected));
        }
        return myself;
    }

    private KvSecret existing() {
        exists();
        return actual.secret().orElseThrow();
    }
}
