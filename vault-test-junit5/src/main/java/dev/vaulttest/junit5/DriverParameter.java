package dev.vaulttest.junit5;

import io.github.jopenlibs.vault.Vault;
import org.junit.jupiter.api.extension.ParameterContext;

/** vault-java-driver's {@code Vault}: configured for the active node, or a qualified node; root token. */
final class DriverParameter implements Injectable {

    @Override
    public String describe() {
        return "io.github.jopenlibs.vault.Vault (vault-java-driver, for the active node or a qualified node)";
    }

    @Override
    public boolean handles(ParameterContext parameter) {
        return InjectableTypes.isExactly(parameter, Vault.class);
    }

    @Override
    public Object resolve(ParameterContext parameter, InjectionScope scope) {
        return Qualifiers.node(parameter, scope.environment()).map(node -> node.client().driverClient())
                .orElseGet(() -> scope.environment().driverClient());
    }
}
