package dev.vaulttest.junit5;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads settings strictly: a value that is present but unusable is an error naming the key and the value,
 * never a silent fallback to the default.
 */
final class ConfigReader {

    private static final Pattern SHORT_DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)");

    private final Function<String, Optional<String>> source;

    /**
     * Creates a reader.
     *
     * @param source the raw values by key, for example JUnit's configuration parameters
     */
    ConfigReader(Function<String, Optional<String>> source) {
        this.source = source;
    }

    Optional<String> text(String key) {
        Optional<String> raw = source.apply(key);
        if (raw.isEmpty()) {
            return Optional.empty();
        }
        String value = raw.get().strip();
        if (value.isEmpty()) {
            throw new VaultTestConfigurationException(key + " is set but empty: give a value or remove the setting");
        }
        return Optional.of(value);
    }

    boolean bool(String key, boolean defaultValue) {
        return text(key).map(value -> switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new VaultTestConfigurationException(
                    key + "=" + value + " is not a boolean: use true or false");
        }).orElse(defaultValue);
    }

    Optional<Path> path(String key) {
        return text(key).map(value -> {
            try {
                return Path.of(value);
            } catch (InvalidPathException e) {
                throw new VaultTestConfigurationException(key + "=" + value + " is not a valid path: " + e.getReason(), e);
            }
        });
    }

    Optional<Path> existingFile(String key) {
        return path(key).map(file -> {
            if (!java.nio.file.Files.isRegularFile(file)) {
                throw new VaultTestConfigurationException(key + "=" + file + " is not a file (resolved to "
                        + file.toAbsolutePath() + "): give the path of an existing kubeconfig file");
            }
            return file;
        });
    }

    Optional<Duration> duration(String key) {
        return text(key).map(value -> {
            Duration parsed = parseDuration(key, value);
            if (parsed.isZero() || parsed.isNegative()) {
                throw new VaultTestConfigurationException(key + "=" + value + " is not a positive duration");
            }
            return parsed;
        });
    }

    private static Duration parseDuration(String key, String value) {
        Matcher simple = SHORT_DURATION.matcher(value.toLowerCase(Locale.ROOT));
        if (simple.matches()) {
            long amount = Long.parseLong(simple.group(1));
            return switch (simple.group(2)) {
                case "ms" -> Duration.ofMillis(amount);
                case "s" -> Duration.ofSeconds(amount);
                case "m" -> Duration.ofMinutes(amount);
                default -> Duration.ofHours(amount);
            };
        }
        try {
            return Duration.parse(value);
        } catch (DateTimeParseException e) {
            throw new VaultTestConfigurationException(key + "=" + value
                    + " is not a duration: use a number with a unit (500ms, 90s, 2m, 1h) or ISO-8601 (PT90S)", e);
        }
    }

    Optional<String> image(String key) {
        return text(key).map(value -> {
            if (value.chars().anyMatch(Character::isWhitespace)) {
                throw new VaultTestConfigurationException(key + "=" + value
                        + " is not an image reference: it contains whitespace");
            }
            return value;
        });
    }

    /**
     * An image reference that names one image for good: {@code repository:tag} with a tag other than
     * {@code latest}, or {@code repository@digest}.
     */
    Optional<String> pinnedImage(String key) {
        return image(key).map(value -> {
            if (value.contains("@")) {
                return value;
            }
            int colon = value.lastIndexOf(':');
            if (colon <= 0 || colon == value.length() - 1 || value.indexOf('/', colon) >= 0) {
                throw new VaultTestConfigurationException(key + "=" + value
                        + " has no tag: pin one (repository:tag) or a digest (repository@sha256:...)");
            }
            if (value.substring(colon + 1).equals("latest")) {
                throw new VaultTestConfigurationException(key + "=" + value
                        + " uses the floating tag latest: pin an exact version");
            }
            return value;
        });
    }

    /** Comma-separated {@code registry=URL} pairs, in order; empty when unset. */
    Map<String, URI> registryMirrors(String key) {
        Map<String, URI> mirrors = new LinkedHashMap<>();
        text(key).ifPresent(value -> {
            for (String entry : value.split(",")) {
                String pair = entry.strip();
                int equals = pair.indexOf('=');
                if (equals <= 0 || equals == pair.length() - 1) {
                    throw new VaultTestConfigurationException(key + "=" + value + ": '" + pair + "' is not"
                            + " registry=URL, for example docker.io=https://mirror.example.com:5000");
                }
                String registry = pair.substring(0, equals).strip();
                URI endpoint;
                try {
                    endpoint = new URI(pair.substring(equals + 1).strip());
                } catch (URISyntaxException e) {
                    throw new VaultTestConfigurationException(key + ": the mirror of " + registry + " is not a URL ("
                            + e.getReason() + ")");
                }
                if (mirrors.put(registry, endpoint) != null) {
                    throw new VaultTestConfigurationException(key + " names " + registry + " twice: one mirror per"
                            + " registry");
                }
            }
        });
        return mirrors;
    }

    Optional<String> className(String key) {
        return text(key).map(value -> {
            if (!value.matches("[\\p{L}_$][\\p{L}\\p{N}_$]*(\\.[\\p{L}_$][\\p{L}\\p{N}_$]*)*")) {
                throw new VaultTestConfigurationException(key + "=" + value
                        + " is not a class name: give a fully qualified name such as com.example.MyFactory");
            }
            return value;
        });
    }
}
