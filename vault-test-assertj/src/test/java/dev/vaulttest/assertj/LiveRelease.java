package dev.vaulttest.assertj;

import dev.vaulttest.internal.helm.ManifestReader;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.KubernetesClient;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

/** The objects of {@code live/vault-release.yaml}: a running Vault release as the Kubernetes API shows it. */
final class LiveRelease {

    static final String NAMESPACE = "vault-prod";
    static final String RELEASE = "vault";

    private LiveRelease() {
    }

    /** Parses the fixture; callers may change the objects before creating them. */
    static List<HasMetadata> objects() {
        try (InputStream in = LiveRelease.class.getResourceAsStream("/live/vault-release.yaml")) {
            String yaml = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            return new ArrayList<>(new ManifestReader().read(yaml, "live/vault-release.yaml"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Creates the fixture's objects, changed by {@code change}, in the mock server. */
    static void create(KubernetesClient client, Consumer<List<HasMetadata>> change) {
        List<HasMetadata> objects = objects();
        change.accept(objects);
        objects.forEach(object -> client.resource(object).create());
    }

    @SuppressWarnings("unchecked")
    static <T extends HasMetadata> T named(List<HasMetadata> objects, Class<T> type, String name) {
        return (T) objects.stream().filter(type::isInstance).filter(o -> o.getMetadata().getName().equals(name))
                .findFirst().orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }
}
