package dev.vaulttest.cluster;

import java.net.URI;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * k3s's {@code /etc/rancher/k3s/registries.yaml} for registry mirrors: containerd in the k3s container pulls
 * {@code docker.io/...} (and any other named registry) from the mirror first, then from the registry itself.
 */
final class RegistriesYaml {

    /** Where k3s reads it at start. */
    static final String PATH = "/etc/rancher/k3s/registries.yaml";

    private static final Pattern REGISTRY = Pattern.compile("[A-Za-z0-9]([A-Za-z0-9.-]*[A-Za-z0-9])?(:[0-9]{1,5})?");

    private RegistriesYaml() {
    }

    /**
     * Checks a mirror entry.
     *
     * @param registry the registry host the images name, for example {@code docker.io} or {@code registry.k8s.io}
     * @param endpoint the mirror, an absolute {@code http} or {@code https} URL
     * @throws IllegalArgumentException naming the entry and what is wrong with it
     */
    static void validate(String registry, URI endpoint) {
        Objects.requireNonNull(registry, "registry");
        Objects.requireNonNull(endpoint, "endpoint");
        if (!REGISTRY.matcher(registry).matches()) {
            throw new IllegalArgumentException("Registry mirror for '" + registry + "': the registry must be a host"
                    + " name with an optional port, as images name it (for example docker.io or registry.k8s.io)");
        }
        String scheme = endpoint.getScheme();
        if (!endpoint.isAbsolute() || endpoint.getHost() == null
                || !("http".equals(scheme) || "https".equals(scheme))) {
            throw new IllegalArgumentException("Registry mirror for " + registry + ": '" + endpoint + "' is not an"
                    + " absolute http or https URL (for example https://mirror.example.com:5000)");
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("Registry mirror for " + registry + ": the URL carries credentials;"
                    + " vault-test writes mirrors only, and logs them, so use a mirror that needs no login");
        }
        if (endpoint.toString().chars().anyMatch(c -> c == '"' || c == '\\' || Character.isWhitespace(c))) {
            throw new IllegalArgumentException("Registry mirror for " + registry + ": '" + endpoint + "' contains"
                    + " quotes, backslashes or whitespace");
        }
    }

    /**
     * Renders the file.
     *
     * @param mirrors registry to mirror endpoint, each {@linkplain #validate validated} (as a spec does)
     * @return the YAML k3s reads
     */
    static String render(Map<String, URI> mirrors) {
        StringBuilder yaml = new StringBuilder("# Written by vault-test: pull these registries' images from a mirror"
                + " first.\nmirrors:\n");
        mirrors.forEach((registry, endpoint) -> yaml.append("  \"").append(registry).append("\":\n")
                    .append("    endpoint:\n")
                    .append("      - \"").append(endpoint).append("\"\n"));
        return yaml.toString();
    }
}
