package dev.vaulttest.engine;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.engine.UnsupportedValuesException.UnsupportedValue;
import dev.vaulttest.internal.NestedMaps;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Collects what the overlay's fits produce: values, adjustments, objects and problems. */
final class OverlayBuilder {

    final Map<String, Object> values = new LinkedHashMap<>();
    final List<Adjustment> adjustments = new ArrayList<>();
    final List<HasMetadata> objects = new ArrayList<>();
    final List<UnsupportedValue> problems = new ArrayList<>();
    Optional<TlsMaterial> tls = Optional.empty();
    Optional<String> kmsKeyAlias = Optional.empty();

    /** Sets a value in the overlay and records why. */
    void set(String reason, Object value, String... path) {
        NestedMaps.put(values, value, path);
        adjustments.add(new Adjustment(NestedMaps.dotted(path), reason));
    }

    /** Records an adjustment that is not a value, such as an object created for the value at the path. */
    void note(String valuePath, String reason) {
        adjustments.add(new Adjustment(valuePath, reason));
    }

    void problem(String valuePath, String problem, String remedy) {
        problems.add(new UnsupportedValue(valuePath, problem, remedy));
    }

    void object(HasMetadata object) {
        objects.add(object);
    }

    boolean createsObject(String kind, String name) {
        return objects.stream().anyMatch(o -> o.getKind().equals(kind) && o.getMetadata().getName().equals(name));
    }
}
