package dev.vaulttest.junit5.fake;

import dev.vaulttest.cluster.DockerStatus;
import java.util.function.Supplier;

/** A Docker probe that finds Docker; counts how often it is asked. */
public final class DockerAvailable implements Supplier<DockerStatus> {

    /** Created by the extension. */
    public DockerAvailable() {
    }

    @Override
    public DockerStatus get() {
        Journal.add("docker probe");
        return new DockerStatus(true, "Docker at unix:///fake.sock");
    }
}
