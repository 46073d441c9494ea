package dev.vaulttest.engine;

import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Values files and cluster facts for overlay tests. */
final class OverlayFixtures {

    static final EnvironmentId ENVIRONMENT = new EnvironmentId("overlay-abc123");
    static final String RELEASE = ENVIRONMENT.releaseName();
    static final String NAMESPACE = ENVIRONMENT.namespace();

    private OverlayFixtures() {
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> values(String resource) {
        try (InputStream in = OverlayFixtures.class.getResourceAsStream("/overlay/" + resource)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource /overlay/" + resource);
            }
            Object parsed = Serialization.unmarshal(new String(in.readAllBytes(), StandardCharsets.UTF_8), Map.class);
            return parsed == null ? Map.of() : (Map<String, Object>) parsed;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Map<String, Object> yaml(String text) {
        @SuppressWarnings("unchecked")
        Map<String, Object> parsed = Serialization.unmarshal(text, Map.class);
        return parsed;
    }

    /** A single-node k3s as ClusterFacts.read reports it. */
    static ClusterFacts k3s(int nodes) {
        List<Map<String, String>> labels = new ArrayList<>();
        for (int i = 0; i < nodes; i++) {
            labels.add(Map.of("kubernetes.io/hostname", "k3s-" + i, "kubernetes.io/os", "linux",
                    "kubernetes.io/arch", "amd64", "node-role.kubernetes.io/control-plane", "true"));
        }
        return new ClusterFacts(labels, Set.of("local-path"), Optional.of("local-path"),
                Set.of("system-cluster-critical", "system-node-critical"), true);
    }

    /** An existing cluster (for example kind) where the library may not create StorageClasses. */
    static ClusterFacts existing(Set<String> storageClasses, Optional<String> defaultClass) {
        return new ClusterFacts(List.of(Map.of("kubernetes.io/hostname", "kind-control-plane")), storageClasses,
                defaultClass, Set.of("system-cluster-critical"), false);
    }

    static ClusterFit.Builder inputs(ClusterFacts facts) {
        return ClusterFit.Context.builder(ENVIRONMENT, facts).clusterDescription("k3s test");
    }
}
