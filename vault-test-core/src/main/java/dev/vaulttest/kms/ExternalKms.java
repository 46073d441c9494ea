package dev.vaulttest.kms;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * A KMS emulator that runs already ({@link KmsProvider#EXTERNAL}): started by someone else, for example
 * nsmithuk/local-kms as a process on a node of an existing cluster. The library creates the seal's key through its
 * API and points Vault at it, but never starts, pauses or stops it. {@link #toString()} never shows the secret key.
 *
 * @param endpointForPods the root URL Vault pods reach the emulator at, set as {@code AWS_KMS_ENDPOINT}, for example
 *     {@code http://10.0.0.5:8080} (a node IP: pods usually cannot resolve this machine's host names)
 * @param endpointForHost the root URL this JVM reaches it at, to create keys; often the same URL
 * @param region the one region the emulator serves (local-kms: its {@code KMS_REGION}); empty means the region
 *     Vault's seal uses
 * @param credentials the credentials it accepts; emulators accept dummy ones
 */
public record ExternalKms(URI endpointForPods, URI endpointForHost, Optional<String> region,
        AwsCredentials credentials) {

    /**
     * Validates.
     *
     * @param endpointForPods the root URL Vault pods reach the emulator at
     * @param endpointForHost the root URL this JVM reaches it at
     * @param region the one region the emulator serves; empty means the region Vault's seal uses
     * @param credentials the credentials it accepts
     * @throws IllegalArgumentException when an endpoint is not an http(s) root URL with a host, or the region is
     *     blank; the message names the field and the value
     */
    public ExternalKms {
        requireEndpoint("endpointForPods", endpointForPods);
        requireEndpoint("endpointForHost", endpointForHost);
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(credentials, "credentials");
        if (region.isPresent() && region.get().isBlank()) {
            throw new IllegalArgumentException("ExternalKms region is blank: give a region such as us-east-1, or"
                    + " none to use the region of Vault's seal");
        }
    }

    /**
     * An emulator reached at the same URL from pods and from this JVM, with the dummy credentials
     * ({@link AwsCredentials#emulatorDefaults()}) and the region of Vault's seal.
     *
     * @param endpoint the emulator's root URL, for example {@code http://10.0.0.5:8080}
     * @return the description
     * @throws IllegalArgumentException when the URL is not an http(s) root URL with a host
     */
    public static ExternalKms at(URI endpoint) {
        return new ExternalKms(endpoint, endpoint, Optional.empty(), AwsCredentials.emulatorDefaults());
    }

    /**
     * Like {@link #at(URI)}, from text.
     *
     * @param endpoint the emulator's root URL, for example {@code http://10.0.0.5:8080}
     * @return the description
     * @throws IllegalArgumentException when the text is not an http(s) root URL with a host
     */
    public static ExternalKms at(String endpoint) {
        return at(parse("endpointForPods", endpoint));
    }

    /**
     * The same emulator reached at another URL from this JVM (for example through a port-forward or a NAT).
     *
     * @param endpoint the root URL for this JVM
     * @return a new description
     */
    public ExternalKms withHostEndpoint(URI endpoint) {
        return new ExternalKms(endpointForPods, endpoint, region, credentials);
    }

    /**
     * Like {@link #withHostEndpoint(URI)}, from text.
     *
     * @param endpoint the root URL for this JVM
     * @return a new description
     * @throws IllegalArgumentException when the text is not an http(s) root URL with a host
     */
    public ExternalKms withHostEndpoint(String endpoint) {
        return withHostEndpoint(parse("endpointForHost", endpoint));
    }

    /**
     * The same emulator, serving only the given region.
     *
     * @param newRegion the region, for example {@code us-east-1}
     * @return a new description
     */
    public ExternalKms inRegion(String newRegion) {
        return new ExternalKms(endpointForPods, endpointForHost, Optional.of(Objects.requireNonNull(newRegion,
                "newRegion")), credentials);
    }

    /**
     * The same emulator with other credentials.
     *
     * @param newCredentials the credentials it accepts
     * @return a new description
     */
    public ExternalKms withCredentials(AwsCredentials newCredentials) {
        return new ExternalKms(endpointForPods, endpointForHost, region, newCredentials);
    }

    /**
     * Parses an endpoint.
     *
     * @param field the field the text is for, for messages
     * @param text the URL
     * @return the URL
     * @throws IllegalArgumentException naming the field and the value when the text is not a URL
     */
    static URI parse(String field, String text) {
        Objects.requireNonNull(text, field);
        try {
            return new URI(text.strip());
        } catch (URISyntaxException e) {
            throw new IllegalArgumentException("ExternalKms " + field + " '" + hideUserInfo(text) + "' is not a URL ("
                    + e.getReason() + "): give the emulator's root URL, such as http://10.0.0.5:8080", e);
        }
    }

    private static void requireEndpoint(String field, URI endpoint) {
        Objects.requireNonNull(endpoint, field);
        String shown = hideUserInfo(endpoint.toString());
        String scheme = endpoint.getScheme() == null ? "" : endpoint.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || endpoint.getHost() == null) {
            throw new IllegalArgumentException("ExternalKms " + field + " '" + shown + "' is not an http(s) URL with"
                    + " a host: give the emulator's root URL, such as http://10.0.0.5:8080");
        }
        if (endpoint.getRawUserInfo() != null) {
            throw new IllegalArgumentException("ExternalKms " + field + " '" + shown + "' carries user info: give"
                    + " the URL without it; credentials go in AwsCredentials");
        }
        String path = endpoint.getRawPath();
        if (endpoint.getRawQuery() != null || endpoint.getRawFragment() != null
                || (path != null && !path.isEmpty() && !path.equals("/"))) {
            throw new IllegalArgumentException("ExternalKms " + field + " '" + shown + "' has a path, query or"
                    + " fragment: the KMS API answers at the root, so give only scheme, host and port");
        }
    }

    /** The text with any user info between {@code ://} and {@code @} replaced by {@code ****}. */
    static String hideUserInfo(String text) {
        return text.replaceAll("(?<=://)[^/@]*@", "****@");
    }
}
