package dev.vaulttest.assertj;

import dev.vaulttest.check.LiveDeployment;

/**
 * Assertions on a {@link LiveDeployment}; see {@link AbstractLiveDeploymentAssert} for the methods. Extend
 * {@link AbstractLiveDeploymentAssert} to add your own.
 */
public class LiveDeploymentAssert extends AbstractLiveDeploymentAssert<LiveDeploymentAssert> {

    /**
     * Creates assertions on a live release. Prefer {@link VaultAssertions#assertThat(LiveDeployment)}.
     *
     * @param actual the release to check, may be {@code null} (assertions then fail)
     */
    public LiveDeploymentAssert(LiveDeployment actual) {
        super(actual, LiveDeploymentAssert.class);
    }
}
