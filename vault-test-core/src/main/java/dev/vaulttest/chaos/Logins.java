package dev.vaulttest.chaos;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.vault.LoginResult;

/** Where logins go during chaos, and how their results read in messages. */
final class Logins {

    private Logins() {
    }

    /**
     * The node to log in on: the active node, or else any unsealed standby (standbys forward logins).
     *
     * @param env the deployment
     * @return the node
     * @throws VaultTestException when no node is unsealed
     */
    static VaultNode loginNode(VaultEnvironment env) {
        DeploymentSnapshot snapshot = env.snapshot();
        NodeSnapshot chosen = snapshot.active()
                .or(() -> snapshot.nodesIn(NodeRole.STANDBY).stream().findFirst())
                .orElseThrow(() -> new VaultTestException("No unsealed Vault node to log in on:\n"
                        + snapshot.describe()));
        return env.node(chosen.name());
    }

    /**
     * A one-line description of a login result; never contains the token.
     *
     * @param result the result
     * @return the description
     */
    static String describe(LoginResult result) {
        if (result instanceof LoginResult.Success success) {
            return "login succeeded (policies " + success.policies() + ")";
        }
        LoginResult.Denied denied = (LoginResult.Denied) result;
        return "login denied: HTTP " + denied.httpStatus() + " " + denied.errors();
    }
}
