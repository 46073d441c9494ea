package dev.vaulttest.assertj;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.chaos.Disruption;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.LiveDeployment;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.vault.KvSecret;
import dev.vaulttest.vault.LoginResult;
import java.util.function.Consumer;
import org.assertj.core.api.AbstractSoftAssertions;
import org.assertj.core.api.SoftAssertionsProvider;

/**
 * Soft assertions over vault-test's types: every failure is collected and reported together by
 * {@link #assertAll()}.
 *
 * <pre>{@code
 * VaultSoftAssertions.assertSoftly(softly -> {
 *     softly.assertThat(snapshot).isUnsealed();
 *     softly.assertThat(snapshot).hasRaftVoterCount(3);
 *     softly.assertThat(canary).survivedOn(env);
 * });
 * }</pre>
 *
 * <p>AssertJ's {@code SoftAssertionsExtension} injects it into JUnit 5 tests as a parameter. Navigation such as
 * {@link AbstractDeploymentSnapshotAssert#node(String)} returns assertions that fail at once; use the
 * deployment-level methods or {@code softly.assertThat(nodeSnapshot)} instead.
 */
public class VaultSoftAssertions extends AbstractSoftAssertions {

    /** Creates an empty collector. */
    public VaultSoftAssertions() {
        super();
    }

    /**
     * Runs soft assertions and fails with every collected failure at the end.
     *
     * @param softly the assertions
     * @throws AssertionError listing every failure, when any
     */
    public static void assertSoftly(Consumer<VaultSoftAssertions> softly) {
        SoftAssertionsProvider.assertSoftly(VaultSoftAssertions.class, softly);
    }

    /**
     * Soft assertions on the findings of a check run.
     *
     * @param actual the report
     * @return the collecting assertion object
     */
    public CheckReportAssert assertThat(CheckReport actual) {
        return proxy(CheckReportAssert.class, CheckReport.class, actual);
    }

    /**
     * Soft assertions on a deployment snapshot.
     *
     * @param actual the snapshot
     * @return the collecting assertion object
     */
    public DeploymentSnapshotAssert assertThat(DeploymentSnapshot actual) {
        return proxy(DeploymentSnapshotAssert.class, DeploymentSnapshot.class, actual);
    }

    /**
     * Soft assertions on a node snapshot.
     *
     * @param actual the node
     * @return the collecting assertion object
     */
    public NodeSnapshotAssert assertThat(NodeSnapshot actual) {
        return proxy(NodeSnapshotAssert.class, NodeSnapshot.class, actual);
    }

    /**
     * Soft assertions on a KV v2 read.
     *
     * @param actual the read
     * @return the collecting assertion object
     */
    public KvReadAssert assertThat(KvRead actual) {
        return proxy(KvReadAssert.class, KvRead.class, actual);
    }

    /**
     * Soft assertions on a KV v2 secret that was already read.
     *
     * @param actual the secret
     * @return the collecting assertion object
     */
    public KvReadAssert assertThat(KvSecret actual) {
        return proxy(KvReadAssert.class, KvRead.class, actual == null ? null : KvRead.of(actual));
    }

    /**
     * Soft assertions on canary secrets.
     *
     * @param actual the canary
     * @return the collecting assertion object
     */
    public SecretCanaryAssert assertThat(SecretCanary actual) {
        return proxy(SecretCanaryAssert.class, SecretCanary.class, actual);
    }

    /**
     * Soft assertions on a login result.
     *
     * @param actual the result
     * @return the collecting assertion object
     */
    public LoginResultAssert assertThat(LoginResult actual) {
        return proxy(LoginResultAssert.class, LoginResult.class, actual);
    }

    /**
     * Soft assertions on a recovery measurement.
     *
     * @param actual the measurement
     * @return the collecting assertion object
     */
    public RecoveryMeasurementAssert assertThat(RecoveryMeasurement actual) {
        return proxy(RecoveryMeasurementAssert.class, RecoveryMeasurement.class, actual);
    }

    /**
     * Soft assertions on a chaos disruption handle.
     *
     * @param actual the handle
     * @return the collecting assertion object
     */
    public DisruptionAssert assertThat(Disruption actual) {
        return proxy(DisruptionAssert.class, Disruption.class, actual);
    }

    /**
     * Soft assertions on a live release.
     *
     * @param actual the release
     * @return the collecting assertion object
     */
    public LiveDeploymentAssert assertThat(LiveDeployment actual) {
        return proxy(LiveDeploymentAssert.class, LiveDeployment.class, actual);
    }
}
