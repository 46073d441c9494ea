package dev.vaulttest.junit5;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Resolves the paths annotations give: {@code classpath:} resources (looked up with the test class's
 * class loader) or file paths relative to the working directory.
 */
final class ClasspathOrFile {

    static final String PREFIX = "classpath:";

    private ClasspathOrFile() {
    }

    /**
     * Resolves a path to a file on disk; a resource inside a jar is copied to a temporary file.
     *
     * @param testClass the class whose loader finds resources, and that is named in errors
     * @param location {@code classpath:some/file.yaml} or a file path
     * @param attribute the annotation attribute, for errors, for example {@code @VaultDeployment(values)}
     * @return the file
     * @throws VaultTestConfigurationException when the resource or file does not exist
     */
    static Path resolve(Class<?> testClass, String location, String attribute) {
        if (location.startsWith(PREFIX)) {
            String resource = location.substring(PREFIX.length()).replaceFirst("^/+", "");
            URL url = testClass.getClassLoader().getResource(resource);
            if (url == null) {
                throw DeploymentSpecs.invalid(testClass, attribute + " \"" + location + "\"",
                        "no such resource on the test class path (looked up as '" + resource
                                + "'; put it under src/test/resources/" + resource + ")");
            }
            return toPath(url, resource);
        }
        Path file = Path.of(location);
        if (!Files.exists(file)) {
            throw DeploymentSpecs.invalid(testClass, attribute + " \"" + location + "\"",
                    "no such file (resolved to " + file.toAbsolutePath() + "; relative paths start at the working"
                            + " directory, or use classpath:)");
        }
        return file;
    }

    private static Path toPath(URL url, String resource) {
        if ("file".equals(url.getProtocol())) {
            try {
                return Path.of(url.toURI());
            } catch (URISyntaxException e) {
                throw new VaultTestConfigurationException("Resource " + resource + " has an unusable URL " + url, e);
            }
        }
        String name = Path.of(resource).getFileName().toString();
        try (InputStream in = url.openStream()) {
            Path copy = Files.createTempFile("vault-test-", "-" + name);
            copy.toFile().deleteOnExit();
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
            return copy;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot copy resource " + resource + " from " + url + " to a file", e);
        }
    }
}
