package dev.vaulttest.assertj;

import dev.vaulttest.vault.KvSecret;
import dev.vaulttest.vault.VaultNodeClient;
import java.util.Objects;
import java.util.Optional;

/**
 * The answer to reading one KV v2 path: the secret, or its absence, with the node that answered. Assertions name
 * the path and the node even when the secret is missing.
 *
 * <p>{@link #toString()} shows field names only, never values.
 *
 * @param node the node that answered, for example {@code vault-0}
 * @param mount the KV v2 mount, for example {@code secret}
 * @param path the path inside the mount
 * @param secret the current version of the secret; empty when Vault answered 404
 */
public record KvRead(String node, String mount, String path, Optional<KvSecret> secret) {

    /**
     * Requires every component.
     *
     * @param node the node that answered
     * @param mount the mount
     * @param path the path
     * @param secret the secret, or empty
     */
    public KvRead {
        Objects.requireNonNull(node, "node");
        Objects.requireNonNull(mount, "mount");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(secret, "secret");
    }

    /**
     * Reads a path now.
     *
     * @param client a client with a token that may read the path, for example {@code env.client()}
     * @param mount the KV v2 mount
     * @param path the path inside the mount
     * @return what the node answered
     * @throws IllegalArgumentException when the client is null or the mount or path is blank
     * @throws dev.vaulttest.vault.VaultApiException when the node does not answer or refuses (sealed, no
     *     permission)
     */
    public static KvRead of(VaultNodeClient client, String mount, String path) {
        Arguments.requireNonNull(client, "client");
        Arguments.requireText(mount, "mount");
        Arguments.requireText(path, "path");
        return new KvRead(client.endpoint().nodeName(), mount, path, client.getSecret(mount, path));
    }

    /**
     * Wraps a secret that was already read.
     *
     * @param secret the secret
     * @return a read of its mount and path by an unnamed node
     * @throws IllegalArgumentException when the secret is null
     */
    public static KvRead of(KvSecret secret) {
        Arguments.requireNonNull(secret, "secret");
        return new KvRead("(unknown node)", secret.mount(), secret.path(), Optional.of(secret));
    }

    /**
     * The mount and path, for messages.
     *
     * @return for example {@code secret/app/db}
     */
    public String location() {
        return mount + "/" + path;
    }

    /** Node, location and the secret's field names; values are redacted. */
    @Override
    public String toString() {
        return "KvRead[" + location() + " on " + node + ": " + secret.map(KvSecret::toString).orElse("absent") + "]";
    }
}
