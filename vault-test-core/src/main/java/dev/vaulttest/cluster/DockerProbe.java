package dev.vaulttest.cluster;

import org.testcontainers.DockerClientFactory;

/**
 * Finds out, once per call, whether a Docker engine is usable for real-cluster tests.
 *
 * <p>The probe asks Testcontainers, which tries the same strategies it would use to start k3s
 * (environment variables, {@code ~/.testcontainers.properties}, the local socket). Callers that probe
 * often should keep the {@link DockerStatus} they got: a JUnit run does this once in its root store.
 */
public final class DockerProbe {

    private DockerProbe() {
    }

    /**
     * Probes the Docker environment.
     *
     * @return the status, with the Docker host or the reason it is unusable
     */
    public static DockerStatus probe() {
        DockerClientFactory factory = DockerClientFactory.instance();
        try {
            if (factory.isDockerAvailable()) {
                return new DockerStatus(true, "Docker at " + factory.getTransportConfig().getDockerHost());
            }
            factory.client();
            return new DockerStatus(false, "Docker is not available");
        } catch (RuntimeException e) {
            return new DockerStatus(false, "Docker is not available: " + firstLine(e.getMessage()));
        }
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no Docker environment found";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
