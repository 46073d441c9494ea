package dev.vaulttest.cluster;

import dev.vaulttest.internal.Durations;
import java.time.Duration;
import java.util.List;
import java.util.Objects;

/**
 * Which images k3s got from the host's Docker and which it has to pull itself.
 *
 * @param preloaded images copied from the host and seen in k3s's containerd after start
 * @param toBePulled images the host did not have, or whose import could not be confirmed; k3s pulls them
 * @param elapsed the time spent exporting and copying
 * @param bytes the size of the exported image archives
 */
public record ImagePreloadReport(List<String> preloaded, List<String> toBePulled, Duration elapsed, long bytes) {

    /**
     * Copies the lists.
     *
     * @param preloaded images copied from the host and seen in k3s's containerd after start
     * @param toBePulled images the host did not have, or whose import could not be confirmed; k3s pulls them
     * @param elapsed the time spent exporting and copying
     * @param bytes the size of the exported image archives
     */
    public ImagePreloadReport {
        preloaded = List.copyOf(preloaded);
        toBePulled = List.copyOf(toBePulled);
        Objects.requireNonNull(elapsed, "elapsed");
    }

    /**
     * The report of a cluster that preloaded nothing.
     *
     * @return an empty report
     */
    public static ImagePreloadReport none() {
        return new ImagePreloadReport(List.of(), List.of(), Duration.ZERO, 0);
    }

    @Override
    public String toString() {
        return "preloaded " + preloaded + " (" + bytes / (1024 * 1024) + " MiB in " + Durations.format(elapsed)
                + "), to be pulled by k3s " + toBePulled;
    }
}
