package dev.vaulttest.assertj;

import dev.vaulttest.DeploymentSnapshot;
import dev.vaulttest.NodeSnapshot;
import dev.vaulttest.chaos.Disruption;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.LiveDeployment;
import dev.vaulttest.timing.RecoveryMeasurement;
import dev.vaulttest.vault.LoginResult;
import org.assertj.core.api.InstanceOfAssertFactory;

/**
 * Factories that switch an AssertJ chain to a vault-test assertion, for {@code asInstanceOf} and
 * {@code extracting}:
 *
 * <pre>{@code
 * assertThat(results).element(0, LOGIN_RESULT).isDeniedWith(403, "permission denied");
 * assertThat(env).extracting(VaultEnvironment::snapshot, DEPLOYMENT_SNAPSHOT).isUnsealed();
 * }</pre>
 */
public final class VaultInstanceOfAssertFactories {

    /** Switches to {@link DeploymentSnapshotAssert}. */
    public static final InstanceOfAssertFactory<DeploymentSnapshot, DeploymentSnapshotAssert> DEPLOYMENT_SNAPSHOT =
            new InstanceOfAssertFactory<>(DeploymentSnapshot.class, DeploymentSnapshotAssert::new);

    /** Switches to {@link NodeSnapshotAssert}. */
    public static final InstanceOfAssertFactory<NodeSnapshot, NodeSnapshotAssert> NODE_SNAPSHOT =
            new InstanceOfAssertFactory<>(NodeSnapshot.class, NodeSnapshotAssert::new);

    /** Switches to {@link CheckReportAssert}. */
    public static final InstanceOfAssertFactory<CheckReport, CheckReportAssert> CHECK_REPORT =
            new InstanceOfAssertFactory<>(CheckReport.class, CheckReportAssert::new);

    /** Switches to {@link KvReadAssert}. */
    public static final InstanceOfAssertFactory<KvRead, KvReadAssert> KV_READ =
            new InstanceOfAssertFactory<>(KvRead.class, KvReadAssert::new);

    /** Switches to {@link LoginResultAssert}. */
    public static final InstanceOfAssertFactory<LoginResult, LoginResultAssert> LOGIN_RESULT =
            new InstanceOfAssertFactory<>(LoginResult.class, LoginResultAssert::new);

    /** Switches to {@link RecoveryMeasurementAssert}. */
    public static final InstanceOfAssertFactory<RecoveryMeasurement, RecoveryMeasurementAssert> RECOVERY_MEASUREMENT =
            new InstanceOfAssertFactory<>(RecoveryMeasurement.class, RecoveryMeasurementAssert::new);

    /** Switches to {@link DisruptionAssert}. */
    public static final InstanceOfAssertFactory<Disruption, DisruptionAssert> DISRUPTION =
            new InstanceOfAssertFactory<>(Disruption.class, DisruptionAssert::new);

    /** Switches to {@link LiveDeploymentAssert}. */
    public static final InstanceOfAssertFactory<LiveDeployment, LiveDeploymentAssert> LIVE_DEPLOYMENT =
            new InstanceOfAssertFactory<>(LiveDeployment.class, LiveDeploymentAssert::new);

    private VaultInstanceOfAssertFactories() {
    }
}
