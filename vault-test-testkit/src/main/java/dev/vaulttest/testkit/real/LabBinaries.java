package dev.vaulttest.testkit.real;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where {@code lab/build-binaries} left the real programs: {@code <cache>/bin/<name>-<version>/<name>}, with the
 * versions read from the project's {@code lab/versions.env}.
 *
 * <p>The lab directory comes from the system property {@value #LAB_PROPERTY} (the Maven build sets it), else it
 * is looked for upwards from the working directory. The cache is {@code $VAULT_TEST_CACHE}, else
 * {@code ~/.cache/vault-test}, as in the script.
 *
 * @param vault the Vault binary
 * @param vaultVersion the Vault version it was built at, for example {@code 1.21.4}
 * @param localKms the local-kms binary
 * @param localKmsVersion the local-kms version
 */
public record LabBinaries(Path vault, String vaultVersion, Path localKms, String localKmsVersion) {

    /** System property naming the project's {@code lab} directory. */
    public static final String LAB_PROPERTY = "vaulttest.lab.dir";

    private static final String BUILD_COMMAND = "lab/build-binaries";

    /**
     * Checks the components.
     *
     * @param vault the Vault binary
     * @param vaultVersion its version
     * @param localKms the local-kms binary
     * @param localKmsVersion its version
     */
    public LabBinaries {
        Objects.requireNonNull(vault, "vault");
        Objects.requireNonNull(vaultVersion, "vaultVersion");
        Objects.requireNonNull(localKms, "localKms");
        Objects.requireNonNull(localKmsVersion, "localKmsVersion");
    }

    /**
     * Finds the binaries the build script made.
     *
     * @return the binaries, each checked to exist and be executable
     * @throws IllegalStateException naming what is missing and the command that builds it
     */
    public static LabBinaries locate() {
        Path lab = labDirectory();
        Map<String, String> versions = readVersions(lab.resolve("versions.env"));
        Path bin = cacheDirectory().resolve("bin");
        String vaultVersion = required(versions, "VAULT_VERSION", lab);
        String kmsVersion = required(versions, "LOCAL_KMS_VERSION", lab);
        return new LabBinaries(executable(bin.resolve("vault-" + vaultVersion).resolve("vault")), vaultVersion,
                executable(bin.resolve("local-kms-" + kmsVersion).resolve("local-kms")), kmsVersion);
    }

    static Path cacheDirectory() {
        String cache = System.getenv("VAULT_TEST_CACHE");
        if (cache != null && !cache.isBlank()) {
            return Path.of(cache);
        }
        return Path.of(System.getProperty("user.home"), ".cache", "vault-test");
    }

    static Path labDirectory() {
        String configured = System.getProperty(LAB_PROPERTY);
        if (configured != null && !configured.isBlank()) {
            Path lab = Path.of(configured);
            if (!Files.isRegularFile(lab.resolve("versions.env"))) {
                throw new IllegalStateException("System property " + LAB_PROPERTY + "=" + configured + " names no"
                        + " directory with a versions.env; point it at the project's lab/ directory.");
            }
            return lab;
        }
        return findUpwards(Path.of("").toAbsolutePath()).orElseThrow(() -> new IllegalStateException(
                "Found no lab/versions.env above " + Path.of("").toAbsolutePath() + "; set -D" + LAB_PROPERTY
                        + "=<project>/lab."));
    }

    private static Optional<Path> findUpwards(Path start) {
        for (Path dir = start; dir != null; dir = dir.getParent()) {
            Path lab = dir.resolve("lab");
            if (Files.isRegularFile(lab.resolve("versions.env"))) {
                return Optional.of(lab);
            }
        }
        return Optional.empty();
    }

    static Map<String, String> readVersions(Path file) {
        Map<String, String> values = new LinkedHashMap<>();
        try {
            for (String line : Files.readAllLines(file)) {
                String trimmed = line.strip();
                int equals = trimmed.indexOf('=');
                if (trimmed.isEmpty() || trimmed.startsWith("#") || equals < 1) {
                    continue;
                }
                values.put(trimmed.substring(0, equals).strip(), trimmed.substring(equals + 1).strip());
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        return values;
    }

    private static String required(Map<String, String> versions, String key, Path lab) {
        String value = versions.get(key);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(lab.resolve("versions.env") + " has no " + key + "=...");
        }
        return value;
    }

    private static Path executable(Path binary) {
        if (!Files.isExecutable(binary)) {
            throw new IllegalStateException("No executable " + binary + ". Build the real Vault and local-kms once"
                    + " with `" + BUILD_COMMAND + "` (cold: 15 to 30 minutes on 2 cores; then cached), or set"
                    + " VAULT_TEST_CACHE to where it put them.");
        }
        return binary;
    }
}
