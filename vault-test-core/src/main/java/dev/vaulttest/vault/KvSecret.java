package dev.vaulttest.vault;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * One version of a KV v2 secret as read from {@code GET /v1/<mount>/data/<path>}.
 *
 * <p>{@link #toString()} lists the field names, never their values.
 *
 * @param mount the KV v2 mount, for example {@code secret}
 * @param path the secret's path inside the mount
 * @param data the secret's fields; values that are not JSON strings are given as their JSON text
 * @param version the version that was read
 * @param createdTime when this version was written, when parseable
 */
public record KvSecret(String mount, String path, Map<String, String> data, long version,
        Optional<Instant> createdTime) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param mount the KV v2 mount, for example {@code secret}
     * @param path the secret's path inside the mount
     * @param data the secret's fields; values that are not JSON strings are given as their JSON text
     * @param version the version that was read
     * @param createdTime when this version was written, when parseable
     */
    public KvSecret {
        Objects.requireNonNull(mount, "mount");
        Objects.requireNonNull(path, "path");
        data = Map.copyOf(data);
        Objects.requireNonNull(createdTime, "createdTime");
    }

    /** Mount, path, version and field names; values are redacted. */
    @Override
    public String toString() {
        return "KvSecret[" + mount + "/" + path + " v" + version + " fields=" + new TreeMap<>(data).keySet() + "]";
    }
}
