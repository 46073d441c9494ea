package dev.vaulttest.check;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.vaulttest.chart.RenderedManifests;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.client.utils.KubernetesSerialization;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Renders the test chart {@code charts/vault-shaped} with helm-java, release {@code vault}, and parses every
 * document with fabric8. The one place tests render; it can later delegate to the chart package's renderer.
 */
final class ShapedChart {

    private static final KubernetesSerialization SERIALIZATION = new KubernetesSerialization();

    private ShapedChart() {
    }

    /** Renders with the values file {@code values/<name>} from the test resources. */
    static RenderedManifests render(String valuesName) {
        return render(valuesName, Map.of());
    }

    /** Renders with a values file from the test resources plus {@code --set} overrides. */
    static RenderedManifests render(String valuesName, Map<String, Object> sets) {
        TemplateCommand template = new Helm(resource("charts/vault-shaped")).template()
                .withName("vault")
                .withNamespace("vault")
                .withValuesFile(resource("values/" + valuesName));
        sets.forEach(template::set);
        return parse(template.call());
    }

    static RenderedManifests parse(String yaml) {
        List<HasMetadata> objects = new ArrayList<>();
        for (String document : yaml.split("(?m)^---\\s*$")) {
            if (document.lines().allMatch(l -> l.isBlank() || l.stripLeading().startsWith("#"))) {
                continue;
            }
            Object parsed = SERIALIZATION.unmarshal(document);
            if (parsed instanceof HasMetadata object) {
                objects.add(object);
            }
        }
        return new RenderedManifests(objects);
    }

    static Path resource(String name) {
        URL url = ShapedChart.class.getClassLoader().getResource(name);
        if (url == null) {
            throw new IllegalArgumentException("No test resource " + name);
        }
        try {
            return Path.of(url.toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }
}
