package dev.vaulttest.junit5;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.chaos.Chaos;
import dev.vaulttest.cluster.KubernetesCluster;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.Type;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** The registry of every parameter kind the extension injects, and how unsupported ones are reported. */
final class InjectableTypes {

    /** Every injectable kind, in the order the error message lists them. */
    static final List<Injectable> ALL = List.of(
            byType(VaultEnvironment.class, "VaultEnvironment", InjectionScope::environment),
            new NodeParameter(),
            new NodeListParameter(),
            new NodeClientParameter(),
            new DriverParameter(),
            byType(KubernetesClient.class, "KubernetesClient (fabric8; owned by the cluster, do not close it)",
                    scope -> scope.environment().kubernetes()),
            byType(KubernetesCluster.class, "KubernetesCluster (do not close it)",
                    scope -> scope.environment().cluster()),
            new KmsParameter(),
            byType(DeploymentSnapshot.class, "DeploymentSnapshot (taken when the method is called)",
                    scope -> scope.environment().snapshot()),
            byType(Chaos.class, "Chaos (disruptions of this deployment; close each handle to heal it)",
                    scope -> Chaos.on(scope.environment(), scope.chaosOptions())));

    /** Packages whose types a test would only ask for from vault-test: unsupported ones get the list. */
    private static final List<String> FAMILIES = List.of("dev.vaulttest.", "dev.vaulttest.vault.",
            "dev.vaulttest.cluster.", "dev.vaulttest.kms.", "dev.vaulttest.chart.", "dev.vaulttest.chaos.",
            "dev.vaulttest.check.", "dev.vaulttest.timing.", "io.fabric8.kubernetes.client.", "io.github.jopenlibs.vault.");

    private InjectableTypes() {
    }

    /**
     * The kind that handles a parameter.
     *
     * @param parameter the parameter
     * @return the kind, empty when no kind handles it
     */
    static Optional<Injectable> find(ParameterContext parameter) {
        return ALL.stream().filter(kind -> kind.handles(parameter)).findFirst();
    }

    /**
     * Tells whether a parameter is meant for vault-test although no kind handles it: it carries one of
     * vault-test's qualifiers, or its type comes from vault-test, fabric8's client or vault-java-driver.
     * Such parameters are claimed so that they fail with the list of what can be injected.
     *
     * @param parameter the parameter
     * @return {@code true} for a near miss
     */
    static boolean isNearMiss(ParameterContext parameter) {
        if (Qualifiers.isQualified(parameter)) {
            return true;
        }
        Type type = parameter.getParameter().getParameterizedType();
        if (type instanceof ParameterizedType generic && generic.getRawType() == List.class) {
            type = generic.getActualTypeArguments()[0];
        }
        if (!(type instanceof Class<?> raw)) {
            return false;
        }
        String name = raw.getName();
        return FAMILIES.stream().anyMatch(family -> name.startsWith(family)
                && name.indexOf('.', family.length()) < 0);
    }

    /**
     * The failure for a parameter no kind can satisfy.
     *
     * @param parameter the parameter
     * @return the exception, listing every injectable kind
     */
    static ParameterResolutionException unsupported(ParameterContext parameter) {
        return new ParameterResolutionException("vault-test cannot inject " + Qualifiers.describe(parameter)
                + ". It injects: " + listing() + ".");
    }

    static String listing() {
        return ALL.stream().map(Injectable::describe).collect(Collectors.joining("; "));
    }

    static boolean isExactly(ParameterContext parameter, Class<?> type) {
        return parameter.getParameter().getType() == type;
    }

    private static Injectable byType(Class<?> type, String description, Function<InjectionScope, Object> value) {
        return new Injectable() {
            @Override
            public String describe() {
                return description;
            }

            @Override
            public boolean handles(ParameterContext parameter) {
                return isExactly(parameter, type);
            }

            @Override
            public Object resolve(ParameterContext parameter, InjectionScope scope) {
                Qualifiers.rejectQualifiers(parameter, type.getSimpleName());
                return value.apply(scope);
            }
        };
    }
}
