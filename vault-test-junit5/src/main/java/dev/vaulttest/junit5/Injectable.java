package dev.vaulttest.junit5;

import org.junit.jupiter.api.extension.ParameterContext;

/**
 * One kind of parameter the extension can inject. Adding a kind is one implementation plus one entry in
 * {@link InjectableTypes#ALL}.
 */
interface Injectable {

    /**
     * How the kind reads in the list of injectable types of an error message, for example
     * {@code VaultNode (with @Active, @Standby or @Node when there are several nodes)}.
     *
     * @return the description
     */
    String describe();

    /**
     * Tells whether this kind handles a parameter (by its type; qualifiers are checked in {@link #resolve}).
     *
     * @param parameter the parameter
     * @return {@code true} when this kind handles it
     */
    boolean handles(ParameterContext parameter);

    /**
     * Produces the value.
     *
     * @param parameter the parameter
     * @param scope the deployment and the per-test resources of the method being called
     * @return the value
     * @throws org.junit.jupiter.api.extension.ParameterResolutionException when the parameter cannot be
     *     satisfied, with the reason
     */
    Object resolve(ParameterContext parameter, InjectionScope scope);
}
