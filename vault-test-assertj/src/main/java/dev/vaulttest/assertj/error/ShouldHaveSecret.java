package dev.vaulttest.assertj.error;

import dev.vaulttest.vault.KvSecret;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Creates the messages about a KV v2 path: it should (not) exist, contain an entry, or hold exactly some data.
 * Secret values never appear in a message; fields are named, values are not.
 */
public class ShouldHaveSecret extends VaultErrorMessage {

    private ShouldHaveSecret(String location, String node, String expectation, String problem) {
        super("kv secret " + location + " (read on " + node + ")", expectation, problem, "", List.of());
    }

    /**
     * The path should hold a secret.
     *
     * @param location the mount and path that were read
     * @param node the node they were read on
     * @return the message factory
     */
    public static ErrorMessageFactory shouldExist(String location, String node) {
        return new ShouldHaveSecret(location, node, "to exist", "Vault answered 404: it was never written, or was deleted");
    }

    /**
     * The path should hold no secret.
     *
     * @param location the mount and path that were read
     * @param node the node they were read on
     * @param secret the secret that was found
     * @return the message factory
     */
    public static ErrorMessageFactory shouldNotExist(String location, String node, KvSecret secret) {
        return new ShouldHaveSecret(location, node, "not to exist", "it exists: " + describe(secret));
    }

    /**
     * The secret should contain a field with a value.
     *
     * @param location the mount and path that were read
     * @param node the node they were read on
     * @param secret the secret that was found
     * @param key the field
     * @return the message factory
     */
    public static ErrorMessageFactory shouldContainEntry(String location, String node, KvSecret secret, String key) {
        String problem = secret.data().containsKey(key)
                ? "field '" + key + "' holds another value (values are not shown)"
                : "it has no field '" + key + "'";
        return new ShouldHaveSecret(location, node, "to contain field '" + key + "' with the given value",
                problem + "; " + describe(secret));
    }

    /**
     * The secret should hold exactly the given data.
     *
     * @param location the mount and path that were read
     * @param node the node they were read on
     * @param secret the secret that was found
     * @param expected the expected data
     * @return the message factory
     */
    public static ErrorMessageFactory shouldHaveData(String location, String node, KvSecret secret,
            Map<String, String> expected) {
        Map<String, String> actual = secret.data();
        Collection<String> missing = new TreeSet<>(expected.keySet());
        missing.removeAll(actual.keySet());
        Collection<String> unexpected = new TreeSet<>(actual.keySet());
        unexpected.removeAll(expected.keySet());
        Collection<String> differing = new TreeSet<>();
        expected.forEach((key, value) -> {
            if (actual.containsKey(key) && !actual.get(key).equals(value)) {
                differing.add(key);
            }
        });
        StringBuilder problem = new StringBuilder();
        append(problem, "missing fields", missing);
        append(problem, "unexpected fields", unexpected);
        append(problem, "fields with other values (values are not shown)", differing);
        return new ShouldHaveSecret(location, node, "to hold exactly the fields " + new TreeSet<>(expected.keySet())
                + " with the given values", problem + "; " + describe(secret));
    }

    private static void append(StringBuilder text, String label, Collection<String> keys) {
        if (!keys.isEmpty()) {
            text.append(text.length() == 0 ? "" : ", ").append(label).append(' ').append(keys);
        }
    }

    private static String describe(KvSecret secret) {
        return "version " + secret.version() + " has fields " + new TreeSet<>(secret.data().keySet());
    }
}
