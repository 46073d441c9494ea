package dev.vaulttest.junit5;

import dev.vaulttest.VaultNode;
import dev.vaulttest.vault.VaultNodeClient;
import org.junit.jupiter.api.extension.ParameterContext;

/** {@code VaultNodeClient}: the active node's client, or a qualified node's; root token attached. */
final class NodeClientParameter implements Injectable {

    @Override
    public String describe() {
        return "VaultNodeClient (the active node's, or a node's with @Active, @Standby or @Node)";
    }

    @Override
    public boolean handles(ParameterContext parameter) {
        return InjectableTypes.isExactly(parameter, VaultNodeClient.class);
    }

    @Override
    public Object resolve(ParameterContext parameter, InjectionScope scope) {
        return Qualifiers.node(parameter, scope.environment()).map(VaultNode::client)
                .orElseGet(() -> scope.environment().client());
    }
}
