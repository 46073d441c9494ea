package dev.vaulttest.vault;

import java.net.URI;
import java.util.Objects;
import java.util.Optional;

/**
 * Where one Vault node answers, and how to talk to it.
 *
 * <p>The base URI is the node's listener as seen from the JVM, typically a port-forward such as
 * {@code https://127.0.0.1:41877}. With HTTPS the node's certificate must be issued for the host in this
 * URI and chain to {@link #caBundlePem()} (or to the JVM's default trust store when no bundle is given).
 *
 * @param nodeName a name for messages and logs, for example the pod name {@code vault-0}
 * @param baseUri the scheme, host and port of the listener, without {@code /v1}
 * @param caBundlePem PEM certificates to trust for HTTPS, if the JVM's defaults do not cover the node
 * @param timeouts connect and per-operation read timeouts
 */
public record VaultEndpoint(String nodeName, URI baseUri, Optional<String> caBundlePem, VaultTimeouts timeouts) {
    /**
     * Creates the record, validating and copying its components.
     *
     * @param nodeName a name for messages and logs, for example the pod name {@code vault-0}
     * @param baseUri the scheme, host and port of the listener, without {@code /v1}
     * @param caBundlePem PEM certificates to trust for HTTPS, if the JVM's defaults do not cover the node
     * @param timeouts connect and per-operation read timeouts
     */
    public VaultEndpoint {
        Objects.requireNonNull(nodeName, "nodeName");
        Objects.requireNonNull(baseUri, "baseUri");
        Objects.requireNonNull(caBundlePem, "caBundlePem");
        Objects.requireNonNull(timeouts, "timeouts");
        if (nodeName.isBlank()) {
            throw new IllegalArgumentException("nodeName must not be blank: use the pod name, for example vault-0");
        }
        String scheme = baseUri.getScheme();
        if (!"http".equals(scheme) && !"https".equals(scheme)) {
            throw new IllegalArgumentException("baseUri of node '" + nodeName + "' must be http:// or https://, got "
                    + baseUri);
        }
        if (baseUri.getHost() == null) {
            throw new IllegalArgumentException("baseUri of node '" + nodeName + "' has no host: " + baseUri);
        }
        String text = baseUri.toString();
        while (text.endsWith("/")) {
            text = text.substring(0, text.length() - 1);
        }
        baseUri = URI.create(text);
    }

    /**
     * An endpoint with the default timeouts and the JVM's default trust store.
     *
     * @param nodeName a name for messages and logs
     * @param baseUri the listener, for example {@code http://127.0.0.1:8200}
     * @return the endpoint
     */
    public static VaultEndpoint of(String nodeName, URI baseUri) {
        return new VaultEndpoint(nodeName, baseUri, Optional.empty(), VaultTimeouts.defaults());
    }

    /**
     * Returns a copy that trusts the given CA certificates for HTTPS.
     *
     * @param pem one or more PEM {@code CERTIFICATE} blocks
     * @return the copy
     */
    public VaultEndpoint withCaBundle(String pem) {
        Objects.requireNonNull(pem, "pem");
        return new VaultEndpoint(nodeName, baseUri, Optional.of(pem), timeouts);
    }

    /**
     * Returns a copy with other timeouts.
     *
     * @param newTimeouts the timeouts
     * @return the copy
     */
    public VaultEndpoint withTimeouts(VaultTimeouts newTimeouts) {
        return new VaultEndpoint(nodeName, baseUri, caBundlePem, newTimeouts);
    }

    /** Name, URI and whether a CA bundle is set (not the bundle itself, which is long). */
    @Override
    public String toString() {
        return "VaultEndpoint[" + nodeName + " " + baseUri + (caBundlePem.isPresent() ? " caBundle=set" : "") + "]";
    }
}
