package dev.vaulttest.cluster;

import com.github.dockerjava.api.DockerClient;
import com.github.dockerjava.api.exception.NotFoundException;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/** The host's Docker image store, through Testcontainers' Docker client. */
final class DockerImageStore implements ImageStore {

    private final DockerClient docker;

    DockerImageStore(DockerClient docker) {
        this.docker = docker;
    }

    @Override
    public boolean has(String image) {
        try {
            docker.inspectImageCmd(image).exec();
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    @Override
    public void save(String image, Path archive) {
        try (InputStream in = docker.saveImageCmd(image).exec()) {
            Files.copy(in, archive, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not export image " + image + " from Docker to " + archive, e);
        }
    }
}
