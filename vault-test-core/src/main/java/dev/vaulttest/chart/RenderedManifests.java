package dev.vaulttest.chart;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The Kubernetes objects a chart rendered, parsed by fabric8, in the order Helm emitted them.
 *
 * @param objects every rendered object
 */
public record RenderedManifests(List<HasMetadata> objects) {

    /**
     * Copies the list so the record stays immutable.
     *
     * @param objects every rendered object
     */
    public RenderedManifests {
        objects = List.copyOf(objects);
    }

    /**
     * Every rendered object of the given type.
     *
     * @param type a fabric8 model class such as {@code StatefulSet.class}
     * @param <T> the model type
     * @return the matching objects, possibly none
     */
    public <T extends HasMetadata> List<T> all(Class<T> type) {
        return stream(type).toList();
    }

    /**
     * The rendered object of the given type and name.
     *
     * @param type a fabric8 model class
     * @param name the object's {@code metadata.name}
     * @param <T> the model type
     * @return the object, or empty when the chart did not render it
     */
    public <T extends HasMetadata> Optional<T> named(Class<T> type, String name) {
        return stream(type).filter(o -> name.equals(o.getMetadata().getName())).findFirst();
    }

    private <T extends HasMetadata> Stream<T> stream(Class<T> type) {
        return objects.stream().filter(type::isInstance).map(type::cast);
    }
}
