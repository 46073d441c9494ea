package dev.vaulttest.vault;

/**
 * Every operation {@link VaultNodeClient} performs against a node.
 *
 * <p>Used to name the failed step in a {@link VaultApiException} and to override the read timeout of a
 * single operation in {@link VaultTimeouts}. Each operation also declares its request, the one place the client
 * takes it from: the HTTP method, the path below {@code /v1/} (a {@code {placeholder}} stands for a segment
 * the caller names, such as a mount) and whether the token is sent.
 */
public enum VaultOperation {
    /** {@code GET /v1/sys/seal-status}. */
    SEAL_STATUS("GET", "sys/seal-status", Token.NONE),
    /** {@code GET /v1/sys/health}. */
    HEALTH("GET", "sys/health", Token.NONE),
    /** {@code GET /v1/sys/init}. */
    INIT_STATUS("GET", "sys/init", Token.NONE),
    /** {@code PUT /v1/sys/init}. */
    INIT("PUT", "sys/init", Token.NONE),
    /** {@code PUT /v1/sys/unseal}. */
    UNSEAL("PUT", "sys/unseal", Token.NONE),
    /** {@code PUT /v1/sys/seal}. */
    SEAL("PUT", "sys/seal", Token.REQUIRED),
    /** {@code GET /v1/sys/leader}. */
    LEADER("GET", "sys/leader", Token.NONE),
    /** {@code PUT /v1/sys/step-down}. */
    STEP_DOWN("PUT", "sys/step-down", Token.REQUIRED),
    /** {@code GET /v1/sys/storage/raft/configuration}. */
    RAFT_CONFIGURATION("GET", "sys/storage/raft/configuration", Token.REQUIRED),
    /** {@code GET /v1/sys/storage/raft/autopilot/state}. */
    AUTOPILOT_STATE("GET", "sys/storage/raft/autopilot/state", Token.REQUIRED),
    /** {@code POST /v1/sys/storage/raft/join}. */
    RAFT_JOIN("POST", "sys/storage/raft/join", Token.IF_PRESENT),
    /** {@code POST /v1/sys/storage/raft/remove-peer}. */
    RAFT_REMOVE_PEER("POST", "sys/storage/raft/remove-peer", Token.REQUIRED),
    /** {@code GET /v1/sys/storage/raft/snapshot}. */
    SNAPSHOT_SAVE("GET", "sys/storage/raft/snapshot", Token.REQUIRED),
    /** {@code POST /v1/sys/storage/raft/snapshot} or {@code .../snapshot-force}. */
    SNAPSHOT_RESTORE("POST", "sys/storage/raft/{snapshot|snapshot-force}", Token.REQUIRED),
    /** {@code POST /v1/sys/mounts/<mount>}. */
    ENABLE_SECRETS_ENGINE("POST", "sys/mounts/{mount}", Token.REQUIRED),
    /** {@code POST /v1/<mount>/data/<secret>}. */
    KV_PUT("POST", "{mount}/data/{secret}", Token.REQUIRED),
    /** {@code GET /v1/<mount>/data/<secret>}. */
    KV_GET("GET", "{mount}/data/{secret}", Token.REQUIRED),
    /** {@code POST /v1/sys/audit/<device>}. */
    ENABLE_AUDIT("POST", "sys/audit/{device}", Token.REQUIRED),
    /** {@code POST /v1/sys/policies/acl/<name>}. */
    WRITE_POLICY("POST", "sys/policies/acl/{name}", Token.REQUIRED),
    /** {@code POST /v1/sys/auth/<mount>}. */
    ENABLE_AUTH("POST", "sys/auth/{mount}", Token.REQUIRED),
    /** {@code POST /v1/auth/<mount>/config}. */
    CONFIGURE_KUBERNETES_AUTH("POST", "auth/{mount}/config", Token.REQUIRED),
    /** {@code POST /v1/auth/<mount>/role/<name>}. */
    WRITE_KUBERNETES_ROLE("POST", "auth/{mount}/role/{name}", Token.REQUIRED),
    /** {@code POST /v1/auth/<mount>/login}. */
    KUBERNETES_LOGIN("POST", "auth/{mount}/login", Token.NONE);

    /** Whether a request of the operation carries the client's token. */
    enum Token {
        /** Never, even when the client has one: Vault answers these without. */
        NONE,
        /** Always; a client without a token fails before sending. */
        REQUIRED,
        /** When the client has one. */
        IF_PRESENT
    }

    private final String method;
    private final String pathTemplate;
    private final Token token;

    VaultOperation(String method, String pathTemplate, Token token) {
        this.method = method;
        this.pathTemplate = pathTemplate;
        this.token = token;
    }

    String method() {
        return method;
    }

    Token token() {
        return token;
    }

    /**
     * The path below {@code /v1/} with each {@code {placeholder}} replaced, in order, by a segment.
     *
     * @throws IllegalStateException if the number of segments does not match the placeholders
     */
    String path(String... segments) {
        StringBuilder path = new StringBuilder();
        int used = 0;
        int from = 0;
        for (int open = pathTemplate.indexOf('{'); open >= 0; open = pathTemplate.indexOf('{', from)) {
            if (used == segments.length) {
                throw new IllegalStateException(this + " needs more path segments than " + segments.length);
            }
            path.append(pathTemplate, from, open).append(segments[used++]);
            from = pathTemplate.indexOf('}', open) + 1;
        }
        if (used != segments.length) {
            throw new IllegalStateException(this + " takes " + used + " path segment(s), got " + segments.length);
        }
        return path.append(pathTemplate.substring(from)).toString();
    }
}
