package dev.vaulttest.check;

import io.fabric8.kubernetes.api.model.storage.StorageClass;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.OptionalInt;

/**
 * Facts about the target cluster that the rendered chart does not contain, used by {@link StaticChecks}.
 *
 * <p>Both inputs are optional. Without StorageClasses the reclaim policy of the data volume cannot be
 * known and is reported as unknown; without a node count the anti-affinity rule is not evaluated.
 *
 * @param storageClasses the StorageClasses of the target cluster (one may be annotated as the default)
 * @param nodeCount the number of schedulable nodes of the target cluster, if known
 */
public record CheckOptions(List<StorageClass> storageClasses, OptionalInt nodeCount) {

    /**
     * Copies the list and validates the node count.
     *
     * @param storageClasses the StorageClasses of the target cluster
     * @param nodeCount the number of schedulable nodes, if known; at least 1 when present
     */
    public CheckOptions {
        storageClasses = List.copyOf(Objects.requireNonNull(storageClasses, "storageClasses"));
        Objects.requireNonNull(nodeCount, "nodeCount");
        if (nodeCount.isPresent() && nodeCount.getAsInt() < 1) {
            throw new IllegalArgumentException(
                    "nodeCount must be at least 1 but was " + nodeCount.getAsInt()
                            + "; leave it unset when the number of nodes is unknown");
        }
    }

    /**
     * Options with no StorageClasses and an unknown node count.
     *
     * @return the default options
     */
    public static CheckOptions defaults() {
        return new CheckOptions(List.of(), OptionalInt.empty());
    }

    /**
     * Starts a builder with no StorageClasses and an unknown node count.
     *
     * @return a new builder
     */
    public static Builder builder() {
        return new Builder();
    }

    /** Builds {@link CheckOptions}. */
    public static final class Builder {

        private final List<StorageClass> storageClasses = new ArrayList<>();
        private OptionalInt nodeCount = OptionalInt.empty();

        private Builder() {
        }

        /**
         * Adds StorageClasses of the target cluster.
         *
         * @param classes the classes to add
         * @return this builder
         */
        public Builder storageClasses(List<StorageClass> classes) {
            Objects.requireNonNull(classes, "classes").forEach(this::storageClass);
            return this;
        }

        /**
         * Adds one StorageClass of the target cluster.
         *
         * @param storageClass the class to add
         * @return this builder
         */
        public Builder storageClass(StorageClass storageClass) {
            storageClasses.add(Objects.requireNonNull(storageClass, "storageClass"));
            return this;
        }

        /**
         * Sets the number of schedulable nodes of the target cluster.
         *
         * @param nodes at least 1
         * @return this builder
         */
        public Builder nodeCount(int nodes) {
            if (nodes < 1) {
                throw new IllegalArgumentException("nodeCount must be at least 1 but was " + nodes);
            }
            this.nodeCount = OptionalInt.of(nodes);
            return this;
        }

        /**
         * Creates the options.
         *
         * @return the immutable options
         */
        public CheckOptions build() {
            return new CheckOptions(storageClasses, nodeCount);
        }
    }
}
