package dev.vaulttest.cluster;

import java.util.Objects;

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
}
