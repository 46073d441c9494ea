package dev.vaulttest.cluster;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import org.testcontainers.DockerClientFactory;

/**
 * Whether a Docker engine can run the containers a real cluster needs, and why not.
 *
 * @param available {@code true} when Testcontainers found a working Docker environment
 * @param description the Docker host that was found, or the reason none was usable
 */
public record DockerStatus(boolean available, String description) {

    /**
     * Validates the description.
     *
     * @param available {@code true} when Testcontainers found a working Docker environment
     * @param description the Docker host that was found, or the reason none was usable
     */
    public DockerStatus {
        Objects.requireNonNull(description, "description");
    }

    /**
     * Probes the Docker environment, once per call. It asks Testcontainers, which tries the same strategies it
     * would use to start k3s (environment variables, {@code ~/.testcontainers.properties}, the local socket).
     * Callers that probe often should keep the status they got: a JUnit run does this once in its root store.
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
            return unavailable(null);
        } catch (RuntimeException e) {
            return unavailable(e.getMessage());
        }
    }

    /**
     * Explains a failed probe. Testcontainers answers every probe after the first with "Previous attempts
     * ... failed", which says nothing; where the environment shows the cause, name it instead.
     */
    private static DockerStatus unavailable(String message) {
        String reason = firstLine(message);
        if (message == null || message.startsWith("Previous attempts")) {
            reason = whereDockerWasLookedFor();
        }
        return new DockerStatus(false, "Docker is not available: " + reason);
    }

    private static String whereDockerWasLookedFor() {
        String dockerHost = System.getenv("DOCKER_HOST");
        if (dockerHost != null && !dockerHost.isBlank()) {
            return "no Docker engine answered at DOCKER_HOST=" + dockerHost;
        }
        if (!Files.exists(Path.of("/var/run/docker.sock"))) {
            return "DOCKER_HOST is not set and there is no /var/run/docker.sock (start a Docker engine, or set DOCKER_HOST)";
        }
        return "no Docker engine answered at /var/run/docker.sock (is the daemon running, and may this user use it?)";
    }

    private static String firstLine(String message) {
        if (message == null || message.isBlank()) {
            return "no Docker environment found";
        }
        int newline = message.indexOf('\n');
        return newline < 0 ? message : message.substring(0, newline);
    }
}
