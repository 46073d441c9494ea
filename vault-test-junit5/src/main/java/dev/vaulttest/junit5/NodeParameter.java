package dev.vaulttest.junit5;

import dev.vaulttest.VaultNode;
import java.util.List;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** {@code VaultNode}: chosen by qualifier; without one only when the deployment has a single node. */
final class NodeParameter implements Injectable {

    @Override
    public String describe() {
        return "VaultNode (with @Active, @Standby or @Node when the deployment has several nodes)";
    }

    @Override
    public boolean handles(ParameterContext parameter) {
        return InjectableTypes.isExactly(parameter, VaultNode.class);
    }

    @Override
    public Object resolve(ParameterContext parameter, InjectionScope scope) {
        return Qualifiers.node(parameter, scope.environment()).orElseGet(() -> {
            List<VaultNode> nodes = scope.environment().nodes();
            if (nodes.size() == 1) {
                return nodes.get(0);
            }
            throw new ParameterResolutionException(Qualifiers.describe(parameter) + " is ambiguous: the deployment has "
                    + nodes.size() + " nodes " + Qualifiers.names(nodes) + ". Qualify it with @Active, @Standby or"
                    + " @Node(\"<pod name or ordinal>\"), or ask for List<VaultNode>");
        });
    }
}
