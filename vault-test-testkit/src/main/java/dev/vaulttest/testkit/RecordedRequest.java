package dev.vaulttest.testkit;

/**
 * One request a fake node received, for tests that check what a client sent.
 *
 * @param node the node name
 * @param method the HTTP method
 * @param path the path after {@code /v1/}
 * @param query the raw query string, empty when none
 * @param body the body as UTF-8 text (may hold secrets: this is test support only)
 * @param hadToken whether an {@code X-Vault-Token} header was sent
 */
public record RecordedRequest(String node, String method, String path, String query, String body, boolean hadToken) {
}
