package dev.vaulttest.assertj;

import static dev.vaulttest.assertj.error.ShouldBeSealed.shouldBeSealed;
import static dev.vaulttest.assertj.error.ShouldBeUnsealed.shouldBeUnsealed;
import static dev.vaulttest.assertj.error.ShouldHaveHealthCode.shouldHaveHealthCode;
import static dev.vaulttest.assertj.error.ShouldHaveRole.shouldHaveRole;
import static dev.vaulttest.assertj.error.ShouldHaveUnsealProgress.shouldHaveUnsealProgress;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeRole;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.vault.HealthStatus.HealthState;
import dev.vaulttest.vault.SealStatus;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Collectors;
import org.assertj.core.api.AbstractAssert;

/**
 * Assertions on one {@link NodeSnapshot}: role, seal state, unseal progress, health code.
 *
 * <p>Reached from a deployment ({@link AbstractDeploymentSnapshotAssert#node(String)}), failures also show every
 * other node of that deployment.
 *
 * @param <SELF> the concrete assertion type, for chaining from subclasses
 */
public abstract class AbstractNodeSnapshotAssert<SELF extends AbstractNodeSnapshotAssert<SELF>>
        extends AbstractAssert<SELF, NodeSnapshot> {

    private final Optional<DeploymentSnapshot> deployment;

    /**
     * Creates the assertion.
     *
     * @param actual the node to check
     * @param selfType the concrete assertion class
     * @param deployment the snapshot the node was taken from, shown in failure messages; may be {@code null}
     */
    protected AbstractNodeSnapshotAssert(NodeSnapshot actual, Class<?> selfType, DeploymentSnapshot deployment) {
        super(actual, selfType);
        this.deployment = Optional.ofNullable(deployment);
    }

    /**
     * Verifies the node's role.
     *
     * @param expected the role, for example {@link NodeRole#STANDBY}
     * @return this assertion
     * @throws IllegalArgumentException when {@code expected} is null
     */
    public SELF hasRole(NodeRole expected) {
        Arguments.requireNonNull(expected, "role");
        isNotNull();
        if (actual.role() != expected) {
            throwAssertionError(shouldHaveRole(actual, expected, deployment));
        }
        return myself;
    }

    /**
     * Verifies that the node is the active node.
     *
     * @return this assertion
     */
    public SELF isActive() {
        return hasRole(NodeRole.ACTIVE);
    }

    /**
     * Verifies that the node is an unsealed standby.
     *
     * @return this assertion
     */
    public SELF isStandby() {
        return hasRole(NodeRole.STANDBY);
    }

    /**
     * Verifies that the node reports itself initialised and unsealed.
     *
     * @return this assertion
     */
    public SELF isUnsealed() {
        isNotNull();
        if (!actual.isUnsealed()) {
            throwAssertionError(shouldBeUnsealed(actual, deployment));
        }
        return myself;
    }

    /**
     * Verifies that the node reports itself sealed.
     *
     * @return this assertion
     */
    public SELF isSealed() {
        isNotNull();
        if (!actual.sealStatus().map(SealStatus::sealed).orElse(false)) {
            throwAssertionError(shouldBeSealed(actual, deployment));
        }
        return myself;
    }

    /**
     * Verifies how many key shares have been submitted in the current unseal attempt.
     *
     * @param progress the expected number of shares submitted
     * @return this assertion
     * @throws IllegalArgumentException when {@code progress} is negative
     */
    public SELF hasUnsealProgress(int progress) {
        Arguments.requireNotNegative(progress, "unseal progress");
        isNotNull();
        if (actual.sealStatus().map(s -> s.progress() != progress).orElse(true)) {
            throwAssertionError(shouldHaveUnsealProgress(actual, String.valueOf(progress), deployment));
        }
        return myself;
    }

    /**
     * Verifies the unseal progress and the threshold, as {@code vault status} shows them ({@code 1/3}).
     *
     * @param progress the expected number of shares submitted
     * @param threshold the expected number of shares needed
     * @return this assertion
     * @throws IllegalArgumentException when {@code progress} is negative, {@code threshold} is not positive, or
     *     {@code progress} is above {@code threshold}
     */
    public SELF hasUnsealProgress(int progress, int threshold) {
        Arguments.requireNotNegative(progress, "unseal progress");
        Arguments.require(threshold >= 1, "The unseal threshold must be at least 1 but was " + threshold);
        Arguments.require(progress <= threshold, "The unseal progress " + progress + " cannot be above the threshold "
                + threshold);
        isNotNull();
        if (actual.sealStatus().map(s -> s.progress() != progress || s.threshold() != threshold).orElse(true)) {
            throwAssertionError(shouldHaveUnsealProgress(actual, progress + "/" + threshold, deployment));
        }
        return myself;
    }

    /**
     * Verifies the status code the node answered {@code sys/health} with (Vault's default codes: 200 active, 429
     * standby, 472 DR secondary, 473 performance standby, 474 standby without HA heartbeat, 501 uninitialised,
     * 503 sealed, 530 removed from the cluster).
     *
     * @param code the expected HTTP status
     * @return this assertion
     * @throws IllegalArgumentException when {@code code} is not one of Vault's health codes
     */
    public SELF hasHealthCode(int code) {
        HealthState state = HealthState.fromStatusCode(code).orElseThrow(() -> new IllegalArgumentException(code
                + " is not one of Vault's sys/health status codes "
                + Arrays.stream(HealthState.values()).map(s -> s.statusCode() + " (" + s + ")")
                        .collect(Collectors.joining(", "))));
        isNotNull();
        if (actual.health().map(h -> h.httpStatus() != code).orElse(true)) {
            throwAssertionError(shouldHaveHealthCode(actual, code + " (" + state + ")", deployment));
        }
        return myself;
    }
}
