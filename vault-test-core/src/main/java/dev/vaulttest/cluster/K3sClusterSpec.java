package dev.vaulttest.cluster;

import dev.vaulttest.base.Versions;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How to start a single-node k3s cluster in Docker.
 *
 * @param image the k3s image, compatible with {@code rancher/k3s}
 * @param startupTimeout how long the container may take to log that its node controller synced
 * @param readyTimeout how long the cluster may then take to pass the readiness gate (node Ready, default
 *     ServiceAccount, CoreDNS and local-path provisioner Ready)
 * @param preloadImages images copied from the host's Docker into k3s before it starts, when the host has them,
 *     so k3s does not pull them; images the host lacks are pulled by k3s as usual
 * @param extraServerArgs further {@code k3s server} flags, for example
 *     {@code --kube-apiserver-arg=service-account-max-token-expiration=24h}
 * @param registryMirrors registry (as images name it, for example {@code docker.io}) to the mirror k3s pulls its
 *     images from first, written to k3s's {@code registries.yaml}: for the images that are not preloaded (k3s's own
 *     pause, CoreDNS and local-path-provisioner images among them) on runners that reach only a mirror
 */
public record K3sClusterSpec(String image, Duration startupTimeout, Duration readyTimeout,
        List<String> preloadImages, List<String> extraServerArgs, Map<String, URI> registryMirrors)
        implements ClusterSpec {

    /**
     * Validates and copies.
     *
     * @param image the k3s image, compatible with {@code rancher/k3s}
     * @param startupTimeout how long the container may take to log that its node controller synced
     * @param readyTimeout how long the cluster may then take to pass the readiness gate (node Ready, default
     *     ServiceAccount, CoreDNS and local-path provisioner Ready)
     * @param preloadImages images copied from the host's Docker into k3s before it starts, when the host has them, so
     *     k3s does not pull them; images the host lacks are pulled by k3s as usual
     * @param extraServerArgs further {@code k3s server} flags, for example {@code --kube-apiserver-arg=service-account-
     *     max-token-expiration=24h}
     * @param registryMirrors registry to mirror endpoint (absolute http or https URLs), in order
     * @throws IllegalArgumentException for a blank image or a mirror entry that k3s could not use, naming it
     */
    public K3sClusterSpec {
        Objects.requireNonNull(image, "image");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(readyTimeout, "readyTimeout");
        preloadImages = List.copyOf(preloadImages);
        extraServerArgs = List.copyOf(extraServerArgs);
        registryMirrors.forEach(RegistriesYaml::validate);
        registryMirrors = Collections.unmodifiableMap(new LinkedHashMap<>(registryMirrors));
        if (image.isBlank()) {
            throw new IllegalArgumentException("k3s image must not be blank; the default is " + Versions.K3S_IMAGE);
        }
    }

    /**
     * The defaults: {@link Versions#K3S_IMAGE}, 3 minutes to start, 3 minutes to become ready, the images the
     * library starts in the cluster ({@link Versions#VAULT_IMAGE} and the NetworkPolicy canary
     * {@link Versions#CANARY_IMAGE}) preloaded when the host has them, no registry mirror.
     *
     * @return the default spec
     */
    public static K3sClusterSpec defaults() {
        return builder().build();
    }

    /**
     * A builder starting from the defaults.
     *
     * @return a builder
     */
    public static Builder builder() {
        return new Builder();
    }

    @Override
    public KubernetesCluster open() {
        return K3sCluster.start(this);
    }

    /** Builds a {@link K3sClusterSpec}; every setting starts at its default. */
    public static final class Builder {

        private String image = Versions.K3S_IMAGE;
        private Duration startupTimeout = Duration.ofMinutes(3);
        private Duration readyTimeout = Duration.ofMinutes(3);
        private final List<String> preloadImages = new ArrayList<>(List.of(Versions.VAULT_IMAGE,
                Versions.CANARY_IMAGE));
        private final List<String> extraServerArgs = new ArrayList<>();
        private final Map<String, URI> registryMirrors = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * Sets the k3s image.
         *
         * @param image an image compatible with {@code rancher/k3s}, for example a mirror of it
         * @return this builder
         */
        public Builder image(String image) {
            this.image = image;
            return this;
        }

        /**
         * Sets how long the container may take to start.
         *
         * @param timeout the startup timeout
         * @return this builder
         */
        public Builder startupTimeout(Duration timeout) {
            this.startupTimeout = timeout;
            return this;
        }

        /**
         * Sets how long the started cluster may take to pass the readiness gate.
         *
         * @param timeout the readiness timeout
         * @return this builder
         */
        public Builder readyTimeout(Duration timeout) {
            this.readyTimeout = timeout;
            return this;
        }

        /**
         * Replaces the images to preload from the host's Docker.
         *
         * @param images image references, for example {@code hashicorp/vault:2.0.4}
         * @return this builder
         */
        public Builder preloadImages(List<String> images) {
            this.preloadImages.clear();
            this.preloadImages.addAll(images);
            return this;
        }

        /**
         * Adds a {@code k3s server} flag.
         *
         * @param arg the flag, for example {@code --kube-apiserver-arg=v=2}
         * @return this builder
         */
        public Builder extraServerArg(String arg) {
            this.extraServerArgs.add(arg);
            return this;
        }

        /**
         * Pulls a registry's images from a mirror first (k3s falls back to the registry itself).
         *
         * @param registry the registry as images name it, for example {@code docker.io}, {@code registry.k8s.io}
         *     or {@code quay.io}
         * @param endpoint the mirror, for example {@code https://mirror.example.com:5000}
         * @return this builder
         */
        public Builder registryMirror(String registry, URI endpoint) {
            this.registryMirrors.put(registry, endpoint);
            return this;
        }

        /**
         * Replaces the registry mirrors.
         *
         * @param mirrors registry to mirror endpoint
         * @return this builder
         */
        public Builder registryMirrors(Map<String, URI> mirrors) {
            this.registryMirrors.clear();
            this.registryMirrors.putAll(mirrors);
            return this;
        }

        /**
         * Builds the spec.
         *
         * @return the spec
         * @throws IllegalArgumentException for a blank image or an unusable mirror entry
         */
        public K3sClusterSpec build() {
            return new K3sClusterSpec(image, startupTimeout, readyTimeout, preloadImages, extraServerArgs,
                    registryMirrors);
        }
    }
}
