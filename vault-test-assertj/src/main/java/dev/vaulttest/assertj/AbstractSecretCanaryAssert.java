package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.error.ShouldHaveSurvived.shouldHaveBeenReadable;
import static dev.vaulttest.assertj.error.ShouldHaveSurvived.shouldHaveSurvived;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.vault.VaultNodeClient;
import java.util.Optional;
import org.assertj.core.api.AbstractAssert;
import org.assertj.core.error.ErrorMessageFactory;

/**
 * Assertions on {@link SecretCanary canary secrets}: after a disruption, every one is still there, unchanged.
 *
 * <p>A failure lists the missing and changed paths (never values), shows every node of the deployment and adds
 * a hint: dev mode, sealed nodes, storage that did not outlive the pod.
 *
 * @param <SELF> the concrete assertion type, for chaining from subclasses
 */
public abstract class AbstractSecretCanaryAssert<SELF extends AbstractSecretCanaryAssert<SELF>>
        extends AbstractAssert<SELF, SecretCanary> {

    /**
     * Creates the assertion.
     *
     * @param actual the canary to check
     * @param selfType the concrete assertion class
     */
    protected AbstractSecretCanaryAssert(SecretCanary actual, Class<?> selfType) {
        super(actual, selfType);
    }

    /**
     * Verifies that every canary can be read, unchanged, through the deployment's active node. A read that fails
     * (no active node, sealed) is a failure too, with the deployment's state.
     *
     * @param env the deployment
     * @return this assertion
     * @throws IllegalArgumentException when {@code env} is null
     */
    public SELF survivedOn(VaultEnvironment env) {
        Arguments.requireNonNull(env, "environment");
        isNotNull();
        String where = "deployment " + env.namespace() + "/" + env.releaseName();
        SecretCanary.Check check;
        try {
            check = actual.check(env.client());
        } catch (RuntimeException e) {
            throwAssertionError(shouldHaveBeenReadable(actual.description(), where, e.getMessage(), snapshot(env)));
            return myself;
        }
        if (!check.allSurvived()) {
            throwAssertionError(survivedMessage(where, check, snapshot(env)));
        }
        return myself;
    }

    /**
     * Verifies that every canary can be read, unchanged, through one node.
     *
     * @param client a client whose token may read the canaries
     * @return this assertion
     * @throws IllegalArgumentException when {@code client} is null
     */
    public SELF survivedOn(VaultNodeClient client) {
        Arguments.requireNonNull(client, "client");
        isNotNull();
        String where = "node " + client.endpoint().nodeName();
        SecretCanary.Check check;
        try {
            check = actual.check(client);
        } catch (RuntimeException e) {
            throwAssertionError(shouldHaveBeenReadable(actual.description(), where, e.getMessage(), Optional.empty()));
            return myself;
        }
        if (!check.allSurvived()) {
            throwAssertionError(survivedMessage(where, check, Optional.empty()));
        }
        return myself;
    }

    private static Optional<DeploymentSnapshot> snapshot(VaultEnvironment env) {
        try {
            return Optional.of(env.snapshot());
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private ErrorMessageFactory survivedMessage(String where, SecretCanary.Check check,
            Optional<DeploymentSnapshot> snapshot) {
        return shouldHaveSurvived(actual.description(), actual.paths().size(), where, check.node(), check.missing(),
                check.changed(), snapshot);
    }
}
