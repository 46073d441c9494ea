package dev.vaulttest.assertj;

import dev.vaulttest.vault.KvSecret;
import dev.vaulttest.vault.VaultNodeClient;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * Canary secrets written before a disruption and checked after it: did the data survive?
 *
 * <pre>{@code
 * SecretCanary canary = SecretCanary.write(env.client(), "secret", 5);
 * try (var kill = chaos.deletePod("vault-0")) { ... }
 * assertThat(canary).survivedOn(env);
 * }</pre>
 *
 * <p>Each canary is a KV v2 secret under a fresh prefix ({@value #DEFAULT_PREFIX}/&lt;8 hex&gt;/&lt;i&gt;) holding a
 * random value in field {@value #FIELD}. The values stay in this object only; {@link #toString()} and failure
 * messages name paths, never values.
 */
public final class SecretCanary {

    /** The path prefix of canaries written by {@link #write(VaultNodeClient, String, int)}. */
    public static final String DEFAULT_PREFIX = "vault-test-canary";

    /** The field each canary secret holds its random value in. */
    public static final String FIELD = "canary";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final String writtenOn;
    private final String mount;
    private final String prefix;
    private final Instant writtenAt;
    private final Map<String, String> values;

    private SecretCanary(String writtenOn, String mount, String prefix, Instant writtenAt, Map<String, String> values) {
        this.writtenOn = writtenOn;
        this.mount = mount;
        this.prefix = prefix;
        this.writtenAt = writtenAt;
        this.values = values;
    }

    /**
     * Writes canary secrets under a fresh prefix, so several canaries in one deployment never collide.
     *
     * @param client a client whose token may write the mount, for example {@code env.client()}
     * @param mount a KV v2 mount, for example {@code secret}
     * @param count how many secrets to write, 1 to 1000
     * @return the canary
     * @throws IllegalArgumentException when an argument is null, blank or out of range
     * @throws dev.vaulttest.vault.VaultApiException when Vault refuses a write
     */
    public static SecretCanary write(VaultNodeClient client, String mount, int count) {
        byte[] suffix = new byte[4];
        RANDOM.nextBytes(suffix);
        return write(client, mount, DEFAULT_PREFIX + "/" + HexFormat.of().formatHex(suffix), count);
    }

    /**
     * Writes canary secrets {@code prefix/0} to {@code prefix/(count-1)}.
     *
     * @param client a client whose token may write the mount
     * @param mount a KV v2 mount
     * @param prefix the path prefix inside the mount
     * @param count how many secrets to write, 1 to 1000
     * @return the canary
     * @throws IllegalArgumentException when an argument is null, blank or out of range
     * @throws dev.vaulttest.vault.VaultApiException when Vault refuses a write
     */
    public static SecretCanary write(VaultNodeClient client, String mount, String prefix, int count) {
        Arguments.requireNonNull(client, "client");
        Arguments.requireText(mount, "mount");
        Arguments.requireText(prefix, "prefix");
        Arguments.require(count >= 1 && count <= 1000, "The canary count must be between 1 and 1000 but was " + count);
        String cleanPrefix = prefix.replaceAll("^/+|/+$", "");
        Instant writtenAt = Instant.now();
        Map<String, String> values = new LinkedHashMap<>();
        for (int i = 0; i < count; i++) {
            String path = cleanPrefix + "/" + i;
            String value = UUID.randomUUID().toString();
            client.putSecret(mount, path, Map.of(FIELD, value, "written-at", writtenAt.toString()));
            values.put(path, value);
        }
        return new SecretCanary(client.endpoint().nodeName(), mount, cleanPrefix, writtenAt, values);
    }

    /**
     * Reads every canary back and compares it with what was written.
     *
     * @param client a client whose token may read the mount
     * @return which canaries survived, are missing or changed
     * @throws IllegalArgumentException when the client is null
     * @throws dev.vaulttest.vault.VaultApiException when the node does not answer or refuses (sealed, no leader)
     */
    public Check check(VaultNodeClient client) {
        Arguments.requireNonNull(client, "client");
        List<String> survived = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        List<String> changed = new ArrayList<>();
        values.forEach((path, value) -> {
            Optional<KvSecret> secret = client.getSecret(mount, path);
            if (secret.isEmpty()) {
                missing.add(path);
            } else if (!value.equals(secret.get().data().get(FIELD))) {
                changed.add(path);
            } else {
                survived.add(path);
            }
        });
        return new Check(client.endpoint().nodeName(), survived, missing, changed);
    }

    /**
     * The KV v2 mount.
     *
     * @return for example {@code secret}
     */
    public String mount() {
        return mount;
    }

    /**
     * The path prefix inside the mount.
     *
     * @return for example {@code vault-test-canary/1f2e3d4c}
     */
    public String prefix() {
        return prefix;
    }

    /**
     * The paths of the canary secrets inside the mount.
     *
     * @return the paths, in write order
     */
    public List<String> paths() {
        return List.copyOf(values.keySet());
    }

    /**
     * When the canaries were written.
     *
     * @return the time the first write started
     */
    public Instant writtenAt() {
        return writtenAt;
    }

    /**
     * The node they were written through.
     *
     * @return the node name
     */
    public String writtenOn() {
        return writtenOn;
    }

    /**
     * What was written, where and when, for a failure message: count, mount, prefix, node and time, never a value.
     *
     * @return the description, such as "the 5 canary secrets under secret/canary written on vault-0 at ..."
     */
    public String description() {
        return "the " + values.size() + " canary secrets under " + mount + "/" + prefix + " written on " + writtenOn
                + " at " + writtenAt;
    }

    /** Mount, prefix, count, node and time; never the values. */
    @Override
    public String toString() {
        return values.size() + " canary secret(s) under " + mount + "/" + prefix + " written on " + writtenOn + " at "
                + writtenAt;
    }

    /**
     * The result of reading canaries back.
     *
     * @param node the node that answered
     * @param survived paths whose value is the one written
     * @param missing paths Vault answered 404 for
     * @param changed paths that hold another value
     */
    public record Check(String node, List<String> survived, List<String> missing, List<String> changed) {

        /**
         * Copies the lists.
         *
         * @param node the node that answered
         * @param survived paths that survived
         * @param missing paths that are gone
         * @param changed paths that changed
         */
        public Check {
            survived = List.copyOf(survived);
            missing = List.copyOf(missing);
            changed = List.copyOf(changed);
        }

        /**
         * Whether every canary survived unchanged.
         *
         * @return {@code true} when none is missing or changed
         */
        public boolean allSurvived() {
            return missing.isEmpty() && changed.isEmpty();
        }
    }
}
