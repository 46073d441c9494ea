package dev.vaulttest.junit5.fake;

import dev.vaulttest.cluster.DockerStatus;
import java.util.function.Supplier;

/** A Docker probe that finds no Docker; counts how often it is asked. */
public final class DockerMissing implements Supplier<DockerStatus> {

    /** Created by the extension. */
    public DockerMissing() {
    }

    @Override
    public DockerStatus get() {
        Journal.add("docker probe");
        return new DockerStatus(false, "Docker is not available: no socket at /var/run/docker.sock (fake)");
    }
}
