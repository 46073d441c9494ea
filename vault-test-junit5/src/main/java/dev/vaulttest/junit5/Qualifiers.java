package dev.vaulttest.junit5;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.VaultNode;
import dev.vaulttest.internal.Redactor;
import java.lang.reflect.Executable;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** Reads the node qualifiers {@link Active}, {@link Standby} and {@link Node} of a parameter. */
final class Qualifiers {

    private Qualifiers() {
    }

    static boolean isQualified(ParameterContext parameter) {
        return parameter.isAnnotated(Active.class) || parameter.isAnnotated(Standby.class)
                || parameter.isAnnotated(Node.class);
    }

    /**
     * The node a qualified parameter asks for.
     *
     * @param parameter the parameter
     * @param environment the deployment
     * @return the node, empty when the parameter has no qualifier
     * @throws ParameterResolutionException when qualifiers conflict or the node does not exist now
     */
    static Optional<VaultNode> node(ParameterContext parameter, VaultEnvironment environment) {
        Optional<Active> active = parameter.findAnnotation(Active.class);
        Optional<Standby> standby = parameter.findAnnotation(Standby.class);
        Optional<Node> node = parameter.findAnnotation(Node.class);
        int count = (active.isPresent() ? 1 : 0) + (standby.isPresent() ? 1 : 0) + (node.isPresent() ? 1 : 0);
        if (count > 1) {
            throw new ParameterResolutionException(describe(parameter)
                    + " has more than one of @Active, @Standby and @Node: keep one");
        }
        if (active.isPresent()) {
            try {
                return Optional.of(environment.active());
            } catch (RuntimeException e) {
                throw new ParameterResolutionException(describe(parameter) + " asks for the active node, but there"
                        + " is no single active node now: " + Redactor.redact(e.getMessage()), e);
            }
        }
        if (standby.isPresent()) {
            int index = standby.get().value();
            List<VaultNode> standbys = environment.standbys();
            if (index < 0 || index >= standbys.size()) {
                throw new ParameterResolutionException(describe(parameter) + " asks for @Standby(" + index
                        + "), but there are " + standbys.size() + " unsealed standbys now " + names(standbys)
                        + "; indexes start at 0");
            }
            return Optional.of(standbys.get(index));
        }
        return node.map(n -> byName(parameter, environment, n.value()));
    }

    private static VaultNode byName(ParameterContext parameter, VaultEnvironment environment, String value) {
        List<VaultNode> nodes = environment.nodes();
        Optional<VaultNode> exact = nodes.stream().filter(n -> n.name().equals(value)).findFirst();
        if (exact.isPresent()) {
            return exact.get();
        }
        Optional<String> ordinal = ordinal(value);
        if (ordinal.isPresent()) {
            List<VaultNode> matches = nodes.stream().filter(n -> ordinal(n.name()).equals(ordinal)).toList();
            if (matches.size() == 1) {
                return matches.get(0);
            }
        }
        throw new ParameterResolutionException(describe(parameter) + " asks for @Node(\"" + value
                + "\"), but the deployment's nodes are " + names(nodes)
                + "; give a pod name or an ordinal such as \"1\"");
    }

    private static Optional<String> ordinal(String name) {
        int dash = name.lastIndexOf('-');
        String tail = name.substring(dash + 1);
        return !tail.isEmpty() && tail.chars().allMatch(Character::isDigit)
                ? Optional.of(String.valueOf(Integer.parseInt(tail))) : Optional.empty();
    }

    static void rejectQualifiers(ParameterContext parameter, String typeName) {
        if (isQualified(parameter)) {
            throw new ParameterResolutionException(describe(parameter) + " is a " + typeName
                    + ": @Active, @Standby and @Node only qualify VaultNode, List<VaultNode> (@Standby),"
                    + " VaultNodeClient and Vault parameters");
        }
    }

    static String names(List<VaultNode> nodes) {
        return nodes.stream().map(VaultNode::name).collect(Collectors.joining(", ", "[", "]"));
    }

    /**
     * Names a parameter the way people find it: its index, type and method.
     *
     * @param parameter the parameter
     * @return for example {@code parameter 0 (VaultNode) of RaftTest.failover(VaultNode)}, with the
     *     parameter's name when the code was compiled with {@code -parameters}
     */
    static String describe(ParameterContext parameter) {
        Executable executable = parameter.getDeclaringExecutable();
        List<String> types = new ArrayList<>();
        for (Class<?> type : executable.getParameterTypes()) {
            types.add(type.getSimpleName());
        }
        String method = executable instanceof java.lang.reflect.Constructor<?>
                ? executable.getDeclaringClass().getSimpleName()
                : executable.getDeclaringClass().getSimpleName() + "." + executable.getName();
        String type = parameter.getParameter().getParameterizedType().getTypeName()
                .replaceAll("[\\w.]+\\.(\\w+)", "$1");
        String name = parameter.getParameter().isNamePresent() ? " " + parameter.getParameter().getName() : "";
        return "parameter " + parameter.getIndex() + " (" + type + name + ") of " + method + "("
                + String.join(", ", types) + ")";
    }
}
