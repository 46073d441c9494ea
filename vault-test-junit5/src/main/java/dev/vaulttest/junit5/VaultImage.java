package dev.vaulttest.junit5;

/**
 * A Vault server image split the way the chart wants it: {@code server.image.repository} and
 * {@code server.image.tag}.
 *
 * @param repository the repository, with registry if any, for example {@code hashicorp/vault}
 * @param tag the tag, for example {@code 2.0.4}
 */
record VaultImage(String repository, String tag) {

    /**
     * Splits {@code repository:tag}.
     *
     * @param key the setting the image came from, for messages
     * @param image the image reference
     * @return the parts
     * @throws VaultTestConfigurationException when the reference has a digest, no tag, or {@code latest}
     */
    static VaultImage parse(String key, String image) {
        if (image.contains("@")) {
            throw new VaultTestConfigurationException(key + "=" + image
                    + " has a digest; the chart takes a repository and a tag: use repository:tag");
        }
        int colon = image.lastIndexOf(':');
        if (colon <= 0 || colon == image.length() - 1 || image.indexOf('/', colon) >= 0) {
            throw new VaultTestConfigurationException(key + "=" + image
                    + " has no tag: use repository:tag, for example hashicorp/vault:2.0.4");
        }
        String tag = image.substring(colon + 1);
        if (tag.equals("latest")) {
            throw new VaultTestConfigurationException(key + "=" + image
                    + " uses the floating tag latest: pin an exact version, for example hashicorp/vault:2.0.4");
        }
        return new VaultImage(image.substring(0, colon), tag);
    }

    /**
     * The image reference.
     *
     * @return {@code repository:tag}
     */
    String reference() {
        return repository + ":" + tag;
    }
}
