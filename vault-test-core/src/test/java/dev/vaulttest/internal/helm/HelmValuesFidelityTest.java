package dev.vaulttest.internal.helm;

import static org.assertj.core.api.Assertions.assertThat;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.chart.TestCharts;
import io.fabric8.kubernetes.api.model.ConfigMap;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import tools.jackson.databind.json.JsonMapper;

/**
 * Differential test: for tricky values files and {@code --set} expressions, given to Helm directly here (not
 * through the library), the values the library uses are exactly Helm's own:
 *
 * <ul>
 *   <li>{@link EffectiveValues} (what the fit, the rules and the reports read) equal the {@code .Values} Helm
 *       computes for a chart without defaults, as a map and as YAML;</li>
 *   <li>a chart rendered through the library sees exactly the {@code .Values} Helm computes from the files and
 *       expression, chart defaults included.</li>
 * </ul>
 *
 * <p>The test charts dump {@code .Values} into a ConfigMap.
 */
class HelmValuesFidelityTest {

    /** Characters helm-java escapes in a {@code set} value; the raw expression is passed in the key instead. */
    private static final String ESCAPED_BY_HELM_JAVA = "\"'\\={[,.]}";

    private static final ChartRenderer RENDERER = new ChartRenderer(new ChartCache(Path.of("target/unused-chart-cache")));

    @TempDir
    static Path temp;

    /** A chart without values of its own: its {@code .Values} are just what Helm merged from the inputs. */
    private static Path bareChart;

    @BeforeAll
    static void writeBareChart() throws IOException {
        bareChart = Files.createDirectories(temp.resolve("bare/templates")).getParent();
        Files.writeString(bareChart.resolve("Chart.yaml"), "apiVersion: v2\nname: bare\nversion: 0.1.0\n");
        Files.writeString(bareChart.resolve("templates/values.yaml"), "apiVersion: v1\nkind: ConfigMap\n"
                + "metadata:\n  name: bare-values\ndata:\n  values.json: {{ toJson .Values | quote }}\n"
                + "  values.yaml: {{ toYaml .Values | quote }}\n");
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("nested names", List.of(), "server.ha.replicas=3,server.ha.enabled=true"),
                Arguments.of("brace lists", List.of(), "a={x,2,true},b=c"),
                Arguments.of("empty braces", List.of(), "a={}"),
                Arguments.of("escaped dots in a key", List.of(), "annotations.vault\\.hashicorp\\.com/agent-inject=true"),
                Arguments.of("escaped comma and equals in a value", List.of(), "a=x\\,y\\=z,e="),
                Arguments.of("list index grows a new list", List.of(), "list[3]=x"),
                Arguments.of("objects in lists and nested lists", List.of(), "b[0].name=n,b[0].value=v,c[1][0]=deep"),
                Arguments.of("value typing", List.of(), "f=007,g=1.5,h=+5,i=9223372036854775808,j=TRUE,k=Null,l=0,m=-3"),
                Arguments.of("null removes a chart default", List.of(), "server.removable=null"),
                Arguments.of("spaces and non-ASCII", List.of(), "name=with space,accent=ünïcödé"),
                Arguments.of("files merge, YAML 1.1 scalars, then set", List.of(
                        "server:\n  ha: {enabled: false, replicas: 1}\n  extra: [1, 2]\nenabled: yes\ny: 1\ncount: 0777\nhex: 0x1F\nquoted: 'on'\n",
                        "server:\n  ha: {enabled: true}\n  removable: null\n  extra: [9]\n"),
                        "server.extra[2]=z"),
                Arguments.of("set into a list from a file", List.of("list: [a, b, {k: v}]\n"), "list[1]=B,list[2].k2=v2"),
                Arguments.of("strings that look like other types, escapes and large and small floats", List.of(
                        "s: ['yes', 'null', '0777', '1e3', \"tab\\there\", \"quote\\\" back\\\\slash\", \"\\u00e9\\u0001\"]\n"
                                + "big: 1.5e300\nsmall: -2.5e-10\n"), "z=1"),
                Arguments.of("later file replaces a list and a map by a scalar", List.of(
                        "list: [a]\nserver: {image: custom}\n", "list: ~\nserver: off\n"), "z=1"),
                Arguments.of("characters YAML forbids or folds in a quoted string, and beyond 16 bits", List.of(
                        "s: \"del\\x7f nel\\x85 c1\\x9f ls\\u2028 ps\\u2029 bom\\ufeff nonchar\\uffff emoji\\U0001F600\"\n"
                                + "slash: a/b\n"), "z=1"),
                Arguments.of("anchors, merge keys, a second document and large numbers", List.of(
                        "base: &b {p: 1, q: [x]}\nchild: {<<: *b, q: 2}\nbig: 12345678901234567890\n"
                                + "neg: -9223372036854775809\n---\nignored: 1\n"), "server.removable=null,n=9007199254740993"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    void theLibrarysValuesAreHelmsOwn(String name, List<String> files, String expression) throws IOException {
        String setExpression = helmJavaCanPassRaw(expression) ? expression : expression + ",probe=1";
        List<Path> valuesFiles = new ArrayList<>();
        for (String content : files) {
            valuesFiles.add(Files.writeString(Files.createTempFile(temp, "values", ".yaml"), content));
        }
        ChartValues.Builder ours = ChartValues.builder();
        valuesFiles.forEach(ours::file);
        ChartValues values = ours.set(setExpression).build();

        ConfigMap helmsBare = configMap(helmsOwnRender(bareChart, valuesFiles, setExpression));
        EffectiveValues effective = HelmValues.merge(values);
        @SuppressWarnings("unchecked")
        Map<String, Object> helmsJson = JsonMapper.builder().build()
                .readValue(helmsBare.getData().get("values.json"), Map.class);
        assertThat(effective.asMap()).as("read back the way the library reads Helm's values, integers as Long")
                .isEqualTo(new EffectiveValues(helmsJson, "").asMap());
        String helmsYaml = helmsBare.getData().get("values.yaml");
        if (!helmsYaml.isEmpty()) {
            assertThat(effective.toYaml()).isEqualTo(helmsYaml + "\n");
        } else {
            assertThat(HelmValues.merge(ChartValues.builder().file(Files.writeString(temp.resolve("view.yaml"), effective.toYaml()))
                    .build())).as("Helm's toYaml gives up on control characters; the JSON view reads back")
                    .isEqualTo(effective);
        }

        Map<String, String> helmsOwn = configMap(helmsOwnRender(TestCharts.path("values-dump"), valuesFiles,
                setExpression)).getData();
        RenderedChart rendered = RENDERER.render(TestCharts.directory("values-dump"), values);
        Map<String, String> ourDump = rendered.manifests().named(ConfigMap.class, "vault-values").orElseThrow().getData();

        assertThat(helmsOwn.get("values.json")).contains("\"server\":");
        assertThat(ourDump).as("effective values:%n%s", rendered.values().toYaml()).isEqualTo(helmsOwn);
        assertThat(rendered.values()).isEqualTo(effective);
    }

    private static boolean helmJavaCanPassRaw(String expression) {
        String lastValue = expression.substring(expression.lastIndexOf('=') + 1);
        return lastValue.chars().noneMatch(c -> ESCAPED_BY_HELM_JAVA.indexOf(c) >= 0);
    }

    /** Renders with Helm's own merge; the whole expression goes in helm-java's key, which it passes through unescaped. */
    private static String helmsOwnRender(Path chart, List<Path> valuesFiles, String expression) {
        int split = expression.lastIndexOf('=');
        TemplateCommand template = new Helm(chart).template().withName("vault").withNamespace("default");
        valuesFiles.forEach(template::withValuesFile);
        return template.set(expression.substring(0, split), expression.substring(split + 1)).call();
    }

    private static ConfigMap configMap(String manifest) {
        return new ManifestReader().read(manifest, "helm's own render").stream()
                .filter(ConfigMap.class::isInstance).map(ConfigMap.class::cast)
                .findFirst().orElseThrow();
    }
}
