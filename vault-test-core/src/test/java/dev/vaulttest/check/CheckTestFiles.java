package dev.vaulttest.check;

import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;

/** Test resources of the check package: the vault-shaped chart, values files and StorageClass manifests. */
public final class CheckTestFiles {

    private CheckTestFiles() {
    }

    public static Path resource(String name) {
        URL url = CheckTestFiles.class.getResource("/" + name);
        if (url == null) {
            throw new IllegalArgumentException("no test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Path chart() {
        return resource("charts/vault-shaped");
    }

    public static Path values(String name) {
        return resource("values/" + name);
    }

    public static Path storageClasses() {
        return resource("storage-classes/cluster.yaml");
    }
}
