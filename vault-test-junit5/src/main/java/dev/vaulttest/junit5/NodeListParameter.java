package dev.vaulttest.junit5;

import dev.vaulttest.VaultNode;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** {@code List<VaultNode>}: every node in pod-name order, or with {@link Standby} the unsealed standbys. */
final class NodeListParameter implements Injectable {

    @Override
    public String describe() {
        return "List<VaultNode> (every node; with @Standby the standbys)";
    }

    @Override
    public boolean handles(ParameterContext parameter) {
        Type type = parameter.getParameter().getParameterizedType();
        return type instanceof ParameterizedType generic && generic.getRawType() == List.class
                && generic.getActualTypeArguments()[0] == VaultNode.class;
    }

    @Override
    public Object resolve(ParameterContext parameter, InjectionScope scope) {
        if (parameter.isAnnotated(Active.class) || parameter.isAnnotated(Node.class)) {
            throw new ParameterResolutionException(Qualifiers.describe(parameter)
                    + " is a list: only @Standby applies to it; use VaultNode for @Active or @Node");
        }
        return parameter.isAnnotated(Standby.class) ? scope.environment().standbys() : scope.environment().nodes();
    }
}
