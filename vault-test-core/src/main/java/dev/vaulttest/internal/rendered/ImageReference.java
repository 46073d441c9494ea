package dev.vaulttest.internal.rendered;

import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A container image reference split into repository, tag and digest.
 *
 * @param repository everything before the tag, including any registry, for example {@code hashicorp/vault}
 * @param tag the tag, or empty
 * @param digest the digest such as {@code sha256:...}, or empty
 */
public record ImageReference(String repository, Optional<String> tag, Optional<String> digest) {

    /** An exact version: three numeric parts, optional {@code v}, optional suffix such as {@code -ent} or {@code -ubi}. */
    private static final Pattern EXACT_VERSION = Pattern.compile("v?\\d+\\.\\d+\\.\\d+([-+._][0-9A-Za-z][0-9A-Za-z.+_-]*)?");

    /**
     * Splits an image reference such as {@code hashicorp/vault:1.21.1} or {@code vault@sha256:...}.
     *
     * @param image the reference as written in a manifest
     * @return the parts
     */
    public static ImageReference parse(String image) {
        String rest = image.strip();
        Optional<String> digest = Optional.empty();
        int at = rest.indexOf('@');
        if (at >= 0) {
            digest = Optional.of(rest.substring(at + 1)).filter(d -> !d.isEmpty());
            rest = rest.substring(0, at);
        }
        int colon = rest.lastIndexOf(':');
        int slash = rest.lastIndexOf('/');
        Optional<String> tag = Optional.empty();
        if (colon > slash) {
            tag = Optional.of(rest.substring(colon + 1)).filter(t -> !t.isEmpty());
            rest = rest.substring(0, colon);
        }
        return new ImageReference(rest, tag, digest);
    }

    /**
     * The last path segment of the repository.
     *
     * @return for example {@code vault} for {@code hashicorp/vault}
     */
    public String repositoryName() {
        return repository.substring(repository.lastIndexOf('/') + 1);
    }

    /**
     * Why this reference is not pinned to one image.
     *
     * @return the reason, or empty when it is pinned (a digest, or a tag that is an exact version)
     */
    public Optional<String> whyNotPinned() {
        if (digest.isPresent()) {
            return Optional.empty();
        }
        if (tag.isEmpty()) {
            return Optional.of("has no tag, so the runtime pulls 'latest'");
        }
        String t = tag.get();
        if (t.equals("latest")) {
            return Optional.of("uses the floating tag 'latest'");
        }
        if (!EXACT_VERSION.matcher(t).matches()) {
            return Optional.of("uses the tag '" + t + "', not an exact version like 1.2.3, so it may move");
        }
        return Optional.empty();
    }
}
