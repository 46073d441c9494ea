package dev.vaulttest.cluster;

import dev.vaulttest.cluster.K3sCluster.ImagePreloadReport;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Exports the images a deployment needs from the host's store as archives for k3s's airgap directory
 * ({@code /var/lib/rancher/k3s/agent/images/}, imported by k3s at boot), and checks afterwards what k3s
 * actually imported.
 */
final class ImagePreloader {

    private static final Logger LOG = LoggerFactory.getLogger(ImagePreloader.class);

    private final ImageStore store;

    ImagePreloader(ImageStore store) {
        this.store = store;
    }

    /** The archives written, by image, and the images the host did not have. */
    record Exported(Map<String, Path> archives, List<String> missing, Duration elapsed, long bytes) {

        Exported {
            archives = Map.copyOf(archives);
            missing = List.copyOf(missing);
        }
    }

    Exported export(List<String> images, Path directory) {
        long start = System.nanoTime();
        Map<String, Path> archives = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        long bytes = 0;
        for (String image : images) {
            if (!store.has(image)) {
                LOG.debug("Image {} is not in the host's Docker; k3s will pull it", image);
                missing.add(image);
                continue;
            }
            Path archive = directory.resolve(archiveName(image));
            store.save(image, archive);
            bytes += size(archive);
            archives.put(image, archive);
        }
        return new Exported(archives, missing, Duration.ofNanos(System.nanoTime() - start), bytes);
    }

    /**
     * Compares what was exported with the images k3s's containerd lists.
     *
     * @param clusterImages the references containerd knows, as {@code ctr images ls -q} prints them
     */
    static ImagePreloadReport report(Exported exported, Set<String> clusterImages) {
        List<String> preloaded = new ArrayList<>();
        List<String> toBePulled = new ArrayList<>(exported.missing());
        for (String image : exported.archives().keySet()) {
            if (clusterImages.contains(containerdReference(image))) {
                preloaded.add(image);
            } else {
                LOG.warn("Image {} was copied into k3s but containerd does not list it as {}; k3s will pull it",
                        image, containerdReference(image));
                toBePulled.add(image);
            }
        }
        return new ImagePreloadReport(preloaded, toBePulled, exported.elapsed(), exported.bytes());
    }

    /** A file name for an image archive: the reference with anything but letters, digits, '.' and '-' as '_'. */
    static String archiveName(String image) {
        return image.replaceAll("[^A-Za-z0-9.-]", "_") + ".tar";
    }

    /**
     * The fully qualified reference containerd stores for a Docker reference:
     * {@code hashicorp/vault:2.0.4} becomes {@code docker.io/hashicorp/vault:2.0.4}, {@code busybox} becomes
     * {@code docker.io/library/busybox:latest}.
     */
    static String containerdReference(String image) {
        String name = image;
        int slash = name.indexOf('/');
        String first = slash < 0 ? "" : name.substring(0, slash);
        boolean hasRegistry = slash > 0 && (first.contains(".") || first.contains(":") || first.equals("localhost"));
        if (!hasRegistry) {
            name = "docker.io/" + (slash < 0 ? "library/" : "") + name;
        }
        boolean hasDigest = name.contains("@");
        boolean hasTag = name.substring(name.lastIndexOf('/') + 1).contains(":");
        return hasDigest || hasTag ? name : name + ":latest";
    }

    private static long size(Path archive) {
        try {
            return Files.size(archive);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
