package dev.vaulttest;

import org.testcontainers.DockerClientFactory;

/**
 * Gate for tests that start real containers. Use as
 * {@code @EnabledIf(value = DockerCondition.AVAILABLE, disabledReason = DockerCondition.REASON)}.
 */
public final class DockerCondition {

    /** The condition method reference for {@code @EnabledIf}. */
    public static final String AVAILABLE = "dev.vaulttest.DockerCondition#available";

    /** Why such tests are skipped. */
    public static final String REASON = "Docker is not available: this test starts real containers (k3s, KMS"
            + " emulators) and runs only where a Docker engine allows privileged containers";

    private DockerCondition() {
    }

    /**
     * Tells whether Testcontainers finds a working Docker engine.
     *
     * @return {@code true} when Docker is usable
     */
    public static boolean available() {
        try {
            return DockerClientFactory.instance().isDockerAvailable();
        } catch (RuntimeException e) {
            return false;
        }
    }
}
