package dev.vaulttest;

import dev.vaulttest.vault.VaultNodeClient;

/**
 * One Vault server pod of a running deployment, reachable from the JVM (by port-forward on a real
 * cluster). A node is identified by its pod name, so it survives the pod being recreated.
 */
public interface VaultNode {

    /**
     * The pod name, for example {@code vault-0}.
     *
     * @return the pod name
     */
    String name();

    /**
     * A client for this node, authenticated with the deployment's root token. The connection follows
     * the pod: after the pod is recreated the next call reconnects.
     *
     * @return the client
     */
    VaultNodeClient client();

    /**
     * A client for this node without a token, for unauthenticated endpoints and logins.
     *
     * @return the client
     */
    VaultNodeClient anonymousClient();

    /**
     * Observes this node now: its pod, seal status and health. Never throws for an unreachable node.
     *
     * @return the snapshot
     */
    NodeSnapshot snapshot();
}
