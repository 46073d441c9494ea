package dev.vaulttest.assertj;

import dev.vaulttest.DeploymentSnapshot;

/**
 * Assertions on a {@link DeploymentSnapshot}; see {@link AbstractDeploymentSnapshotAssert} for the methods. Extend
 * {@link AbstractDeploymentSnapshotAssert} to add your own.
 */
public class DeploymentSnapshotAssert extends AbstractDeploymentSnapshotAssert<DeploymentSnapshotAssert> {

    /**
     * Creates assertions on a snapshot. Prefer {@link VaultAssertions#assertThat(DeploymentSnapshot)}.
     *
     * @param actual the snapshot to check, may be {@code null} (assertions then fail)
     */
    public DeploymentSnapshotAssert(DeploymentSnapshot actual) {
        super(actual, DeploymentSnapshotAssert.class);
    }
}
