package dev.vaulttest.internal.helm;

import com.marcnuri.helm.Helm;
import com.marcnuri.helm.TemplateCommand;
import dev.vaulttest.chart.ChartValues.ValuesLayer;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.EffectiveValues;
import dev.vaulttest.chart.InvalidValuesException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import tools.jackson.core.JacksonException;
import tools.jackson.core.SerializableString;
import tools.jackson.core.io.CharacterEscapes;
import tools.jackson.core.io.SerializedString;
import tools.jackson.core.json.JsonFactory;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The values of a {@link ChartValues} as Helm takes them, and what Helm makes of them. Values files and
 * {@code --set} expressions go to Helm as they are, in-memory layers as one more values file each, both for
 * the chart ({@link #applyTo}) and for {@link #merged()}: there Helm renders a chart of one template that prints
 * {@code toJson .Values} (and {@code toYaml .Values}, for people) and the result is read back. That chart has
 * no values of its own, so the result is exactly what Helm merges from the inputs: the values it then merges
 * over a real chart's defaults. Helm's own rules apply throughout (YAML 1.1 scalars, anchors and merge keys,
 * {@code --set} typing and list indexes, {@code null}s kept); a Helm call on that chart takes a millisecond
 * or two once Helm's library is loaded.
 *
 * <p>What this class adds is what Helm, as helm-java reaches it, does not do: errors that name the values
 * file, layer or expression at fault; {@code --set-string}, which helm-java lacks, handed to Helm as
 * {@code --set-file} references to files holding each value; expressions Helm would accept without effect
 * rejected ({@link SetExpression}); and several expressions kept in order (helm-java would hand them to Helm in
 * no particular order) by joining them into one.
 *
 * <p>The files it writes (in-memory layers, {@code --set-string} values) live in a temporary directory,
 * owner-only, until {@link #close()}; so is the one-template chart, written for each merge (two small files).
 */
public final class HelmValues implements AutoCloseable {

    /** The chart's single template: the values as JSON, base64-encoded so that no character can upset Helm's YAML checks of its output. */
    private static final String TEMPLATE = "values: {{ dict \"values\" .Values \"yaml\" (toYaml .Values) | toJson | b64enc }}\n";
    private static final String CHART = "apiVersion: v2\nname: vault-test-values\nversion: 0.0.0\n"
            + "description: Shows the values Helm merged from vault-test's inputs.\n";

    private static final JsonMapper READER = JsonMapper.builder().build();

    private static final Pattern TYPE_CONFLICT = Pattern.compile("interface conversion: interface \\{\\} is (.+?), not (.+)$");
    private static final Pattern NOT_A_MAPPING = Pattern.compile(".*cannot unmarshal (\\w+) into Go value of type map\\[string\\]interface \\{\\}.*");

    /** What Helm made of the inputs: the values and Helm's own YAML text of them. */
    private record Dump(Map<String, Object> values, String yaml) {
    }

    /** A values file as Helm reads it, with what to call it in messages. */
    private record Input(Path path, String helmPath, String description) {
        Input(Path path, String description) {
            this(path, path.normalize().toFile().getAbsolutePath(), description);
        }
    }

    private final ChartValues spec;
    private final List<Input> inputs = new ArrayList<>();
    private final List<String> setTexts;
    private final List<String> fileSetTexts = new ArrayList<>();
    /** Where this instance writes files, made only when there is one to write. */
    private Path dir;
    private Path empty;

    private HelmValues(ChartValues spec, List<SetExpression> sets) {
        this.spec = spec;
        this.setTexts = sets.stream().map(SetExpression::text).toList();
    }

    /**
     * Checks the layers and expressions and writes what Helm needs as files (in-memory layers and
     * {@code --set-string} values).
     *
     * @param spec the values files, in-memory layers and expressions
     * @return the values, ready to hand to Helm; close it to delete its files
     * @throws InvalidValuesException naming a values file that cannot be read or a malformed expression
     */
    public static HelmValues of(ChartValues spec) {
        List<SetExpression> sets = parse(spec.sets(), "--set");
        List<SetExpression> stringSets = parse(spec.stringSets(), "--set-string");
        spec.layers().forEach(HelmValues::requireReadable);
        HelmValues values = new HelmValues(spec, sets);
        try {
            for (ValuesLayer layer : spec.layers()) {
                values.inputs.add(values.input(layer));
            }
            for (SetExpression expression : stringSets) {
                values.fileSetTexts.add(values.asFileSet(expression));
            }
            if (!values.fileSetTexts.isEmpty()) {
                values.empty = Files.createFile(values.dir().resolve("empty"));
            }
            return values;
        } catch (IOException | UncheckedIOException e) {
            values.close();
            throw new UncheckedIOException("Could not prepare the values for Helm in " + values.dir + ": "
                    + e.getMessage(), e instanceof IOException io ? io : ((UncheckedIOException) e).getCause());
        }
    }

    /**
     * Has Helm merge the layers and expressions.
     *
     * @param spec the values files, in-memory layers and expressions
     * @return the values Helm merged
     * @throws InvalidValuesException naming the file, layer or expression Helm could not use
     */
    public static EffectiveValues merge(ChartValues spec) {
        try (HelmValues values = of(spec)) {
            return values.merged();
        }
    }

    /**
     * Has Helm merge the layers and expressions.
     *
     * @return the values Helm merged
     * @throws InvalidValuesException naming the file, layer or expression Helm could not use
     */
    EffectiveValues merged() {
        Path chart = chart();
        String manifest;
        try {
            manifest = call(chart, setTexts, fileSetTexts);
        } catch (IllegalStateException e) {
            throw explain(e, chart);
        }
        return values(manifest);
    }

    /** Writes the one-template chart into this instance's directory, removed with the rest at {@link #close()}. */
    private Path chart() {
        try {
            Path chartDir = Files.createDirectories(dir().resolve("values-chart"));
            Files.writeString(chartDir.resolve("Chart.yaml"), CHART);
            Files.writeString(Files.createDirectories(chartDir.resolve("templates")).resolve("values.yaml"), TEMPLATE);
            return chartDir;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the chart that shows Helm's values: " + e.getMessage(), e);
        }
    }

    private Path dir() throws IOException {
        if (dir == null) {
            dir = Files.createTempDirectory("vault-test-values-");
        }
        return dir;
    }

    /**
     * Hands the values to a Helm command (template, install or upgrade), as {@link #merged()} does.
     *
     * @param valuesFile the command's {@code withValuesFile}
     * @param set the command's {@code set}
     * @param setFile the command's {@code setFile}
     */
    public void applyTo(Consumer<Path> valuesFile, BiConsumer<String, Object> set, BiConsumer<String, Path> setFile) {
        applyTo(setTexts, fileSetTexts, valuesFile, set, setFile);
    }

    private void applyTo(List<String> sets, List<String> fileSets, Consumer<Path> valuesFile,
            BiConsumer<String, Object> set, BiConsumer<String, Path> setFile) {
        inputs.forEach(input -> valuesFile.accept(input.path()));
        // One expression each, so that Helm applies them in order; the trailing "," followed by helm-java's
        // "=value" makes a pair with an empty name, which Helm skips.
        String joinedSets = join(sets);
        if (!joinedSets.isEmpty()) {
            set.accept(joinedSets + ",", "");
        }
        String joinedFileSets = join(fileSets);
        if (!joinedFileSets.isEmpty()) {
            setFile.accept(joinedFileSets + ",", empty);
        }
    }

    /** Deletes the files written for Helm. */
    @Override
    public void close() {
        deleteQuietly(dir);
    }

    /**
     * Writes values as a file Helm reads back to the same values: JSON, which Helm reads as YAML, with the
     * characters YAML forbids or folds inside a quoted string escaped.
     *
     * @param values maps, lists, strings, booleans, numbers and nulls
     * @param file the file to write
     * @throws IOException when the file cannot be written
     */
    static void write(Map<String, Object> values, Path file) throws IOException {
        Files.writeString(file, Writer.JSON.writeValueAsString(values) + "\n", StandardCharsets.UTF_8);
    }

    private static List<SetExpression> parse(List<String> expressions, String flag) {
        List<SetExpression> parsed = new ArrayList<>();
        for (String expression : expressions) {
            try {
                parsed.add(SetExpression.parse(expression));
            } catch (SetExpression.Problem e) {
                throw new InvalidValuesException(flag + " '" + expression + "' cannot be applied: " + e.getMessage(), e);
            }
        }
        return parsed;
    }

    private static void requireReadable(ValuesLayer layer) {
        if (layer instanceof ValuesLayer.File file) {
            Path path = file.path();
            if (!Files.exists(path)) {
                throw new InvalidValuesException("Values file '" + path + "' does not exist.");
            }
            if (!Files.isRegularFile(path) || !Files.isReadable(path)) {
                throw new InvalidValuesException("Values file '" + path + "' cannot be read: it is not a readable file.");
            }
        }
    }

    /** The file Helm reads for a layer: a values file as it is, unless its path is one helm-java cannot pass on. */
    private Input input(ValuesLayer layer) throws IOException {
        if (layer instanceof ValuesLayer.Inline inline) {
            Path file = dir().resolve("layer-" + inputs.size() + ".json");
            write(inline.values(), file);
            return new Input(file, "Values layer '" + inline.name() + "'");
        }
        Path path = ((ValuesLayer.File) layer).path();
        String description = "Values file '" + path + "'";
        Input asIs = new Input(path, description);
        // helm-java joins the paths with commas, and Helm parses each as a URL before reading it.
        if (asIs.helmPath().indexOf(',') < 0 && asIs.helmPath().indexOf('%') < 0) {
            return asIs;
        }
        return new Input(Files.copy(path, dir().resolve("file-" + inputs.size() + ".yaml")), description);
    }

    /** A {@code --set-string} expression as a {@code --set-file} one: each value replaced by a file holding it. */
    private String asFileSet(SetExpression expression) {
        return expression.replaceValues(value -> {
            try {
                Path file = Files.writeString(Files.createTempFile(dir(), "string-", ""), value, StandardCharsets.UTF_8);
                return SetExpression.escape(file.toAbsolutePath().toString());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
    }

    private static EffectiveValues values(String manifest) {
        int start = manifest.indexOf("\nvalues: ");
        if (start < 0) {
            throw new IllegalStateException("Helm's output holds no values: " + manifest);
        }
        start += "\nvalues: ".length();
        int end = manifest.indexOf('\n', start);
        String encoded = manifest.substring(start, end < 0 ? manifest.length() : end).strip();
        try {
            Dump dump = READER.readValue(Base64.getDecoder().decode(encoded), Dump.class);
            // Helm's toYaml gives up (and prints nothing) on strings holding control characters; JSON is YAML too.
            boolean noYaml = dump.yaml().isEmpty() && !dump.values().isEmpty();
            return new EffectiveValues(dump.values(), noYaml
                    ? Writer.JSON.writerWithDefaultPrettyPrinter().writeValueAsString(dump.values()) : dump.yaml());
        } catch (JacksonException | IllegalArgumentException e) {
            throw new IllegalStateException("Helm's output holds values this library cannot read: " + e.getMessage(), e);
        }
    }

    private String call(Path chart, List<String> sets, List<String> fileSets) {
        TemplateCommand template = new Helm(chart).template();
        applyTo(sets, fileSets, template::withValuesFile, template::set, template::setFile);
        return template.call();
    }

    private InvalidValuesException explain(IllegalStateException e, Path chart) {
        String message = String.valueOf(e.getMessage()).strip();
        if (message.startsWith("failed parsing --set data: ")) {
            int culprit = culprit(count -> call(chart, setTexts.subList(0, count), List.of()), setTexts.size());
            return expressionError("--set", spec.sets(), culprit, message, e);
        }
        if (message.startsWith("failed parsing --set-file data: ")) {
            int culprit = culprit(count -> call(chart, setTexts, fileSetTexts.subList(0, count)), fileSetTexts.size());
            return expressionError("--set-string", spec.stringSets(), culprit, message, e);
        }
        for (Input input : inputs) {
            String prefix = "failed to parse " + input.helmPath() + ": ";
            if (message.startsWith(prefix)) {
                return new InvalidValuesException(input.description() + " is not valid YAML for Helm: "
                        + explainYaml(message.substring(prefix.length())), e);
            }
            if (message.contains(input.helmPath())) {
                return new InvalidValuesException(input.description() + " cannot be read by Helm: " + message, e);
            }
        }
        return new InvalidValuesException("Helm could not merge the values: " + message, e);
    }

    /** The index of the first expression Helm refuses, calling with the first 1, 2, ... of them; -1 if none alone. */
    private static int culprit(IntConsumer callWithFirst, int count) {
        for (int i = 1; i <= count; i++) {
            try {
                callWithFirst.accept(i);
            } catch (IllegalStateException refused) {
                return i - 1;
            }
        }
        return -1;
    }

    private static InvalidValuesException expressionError(String flag, List<String> expressions, int culprit,
            String message, IllegalStateException e) {
        String problem = explainSet(message.substring(message.indexOf(": ") + 2));
        String which = culprit >= 0 ? "'" + expressions.get(culprit) + "'" : "'" + String.join("', '", expressions) + "'";
        return new InvalidValuesException(flag + " " + which + " cannot be applied: " + problem, e);
    }

    private static String join(List<String> texts) {
        return String.join(",", texts.stream().filter(text -> !text.isEmpty()).toList());
    }

    /** Helm's message about a values file, without the layers of Go error wrapping. */
    private static String explainYaml(String message) {
        String problem = message.replace("error converting YAML to JSON: ", "").replace("yaml: ", "");
        Matcher notMapping = NOT_A_MAPPING.matcher(problem);
        if (notMapping.matches()) {
            return "expected a mapping (key: value) at the top, found " + goType(notMapping.group(1));
        }
        if (problem.contains("excessive aliasing")) {
            return problem + " (anchors and aliases that repeat each other, a \"billion laughs\"; a values file never"
                    + " needs that many: write the values out or remove the nested aliases)";
        }
        return problem;
    }

    /** Helm's message about a {@code --set} expression, with a Go type assertion put in words. */
    private static String explainSet(String message) {
        String problem = message.replace("unable to parse key: ", "");
        Matcher conflict = TYPE_CONFLICT.matcher(problem);
        if (conflict.find()) {
            String needed = goType(conflict.group(2));
            return "it reaches into a value that is " + goType(conflict.group(1)) + ", not " + needed
                    + (needed.equals("a list") ? ", so it has no index to set" : ", so it has no key to set");
        }
        return problem;
    }

    private static String goType(String type) {
        String t = type.strip().toLowerCase(Locale.ROOT);
        if (t.startsWith("map")) {
            return "a map";
        }
        if (t.startsWith("[]") || t.equals("array")) {
            return "a list";
        }
        if (t.startsWith("string")) {
            return "a string";
        }
        if (t.startsWith("bool")) {
            return "a boolean";
        }
        if (t.startsWith("nil")) {
            return "null";
        }
        return "a number";
    }

    private static void deleteQuietly(Path dir) {
        if (dir == null) {
            return;
        }
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
        } catch (IOException | UncheckedIOException e) {
            // a temporary directory left behind; it holds nothing the next run needs
        }
    }

    /** The JSON writer, made on first use: a check without in-memory layers needs none. */
    private static final class Writer {
        static final JsonMapper JSON = JsonMapper.builder(JsonFactory.builder()
                .characterEscapes(new YamlSafeEscapes())
                .disable(JsonWriteFeature.ESCAPE_FORWARD_SLASHES)
                .build()).build();
    }

    /**
     * Escapes, besides JSON's own, the characters YAML does not allow raw in a quoted string (DEL, C1 controls,
     * the byte order mark, U+FFFE and U+FFFF) or folds there as line breaks (NEL, U+2028, U+2029).
     */
    private static final class YamlSafeEscapes extends CharacterEscapes {
        private static final long serialVersionUID = 1L;
        private final int[] ascii = standardAsciiEscapesForJSON();

        YamlSafeEscapes() {
            ascii[0x7f] = ESCAPE_STANDARD;
        }

        @Override
        public int[] getEscapeCodesForAscii() {
            return ascii;
        }

        @Override
        public SerializableString getEscapeSequence(int c) {
            boolean escape = (c >= 0x80 && c <= 0x9f) || c == 0x2028 || c == 0x2029 || c == 0xfeff || c == 0xfffe
                    || c == 0xffff;
            return escape ? new SerializedString(String.format("\\u%04x", c)) : null;
        }
    }
}
