package dev.vaulttest.cluster;

import java.nio.file.Path;

/** The host's image store, as far as preloading needs it; Docker in production, a fake in tests. */
interface ImageStore {

    /** Tells whether the store has the image under exactly this reference. */
    boolean has(String image);

    /** Writes the image, with its tag, as a {@code docker save} archive. */
    void save(String image, Path archive);
}
