package dev.vaulttest.chart;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.snakeyaml.engine.v2.api.ConstructNode;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Compose;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.MarkedYamlEngineException;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;
import org.snakeyaml.engine.v2.nodes.AnchorNode;
import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;
import org.snakeyaml.engine.v2.nodes.SequenceNode;
import org.snakeyaml.engine.v2.nodes.Tag;
import org.snakeyaml.engine.v2.schema.Schema;

/**
 * Reads YAML into plain Java values the way Helm reads values files.
 *
 * <p>Helm parses YAML with go-yaml v2, which follows YAML 1.1: unquoted {@code yes}, {@code on},
 * {@code y} are booleans, {@code 0777} is octal, {@code 1_000} is an integer. It then turns every
 * mapping key into a string. A YAML 1.2 parser would read such values differently from Helm, so this
 * reader composes the node tree and applies go-yaml v2's scalar rules itself. Only the first document
 * of a stream is read, as Helm does. Values become {@link String}, {@link Boolean}, {@link Long},
 * {@link BigInteger} (beyond 64-bit signed), {@link Double}, {@code null}, {@link Map} and {@link List}.
 */
final class HelmYaml {

    /** Marks plain scalars that carried no explicit tag, so their type is decided here, not by the parser. */
    private static final Tag PLAIN = new Tag("tag:vaulttest.dev,2026:plain");

    private static final Set<String> TRUE = Set.of("y", "Y", "yes", "Yes", "YES", "true", "True", "TRUE", "on", "On", "ON");
    private static final Set<String> FALSE = Set.of("n", "N", "no", "No", "NO", "false", "False", "FALSE", "off", "Off", "OFF");
    private static final Set<String> NULL = Set.of("", "~", "null", "Null", "NULL");
    private static final Pattern YAML_FLOAT = Pattern.compile("[-+]?(\\.[0-9]+|[0-9]+(\\.[0-9]*)?)([eE][-+]?[0-9]+)?");
    private static final BigInteger MAX_UINT64 = BigInteger.ONE.shiftLeft(64).subtract(BigInteger.ONE);

    private HelmYaml() {
    }

    /** A YAML problem with its position, for callers to wrap into their own exception. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message, Throwable cause) {
            super(message, cause);
        }
    }

    /**
     * Reads the first document as a mapping, as Helm reads a values file.
     *
     * @param text the YAML text
     * @return the mapping; empty for an empty document
     * @throws Problem with line and column when the text is not YAML or not a mapping
     */
    static Map<String, Object> readMap(String text) {
        Optional<Node> root = firstDocument(text);
        if (root.isEmpty()) {
            return new LinkedHashMap<>();
        }
        Object value = new Converter().convert(root.get());
        if (value == null) {
            return new LinkedHashMap<>();
        }
        if (!(value instanceof Map)) {
            throw new Problem(position(root.get().getStartMark()) + "expected a mapping (key: value) at the top, found "
                    + describeType(value), null);
        }
        @SuppressWarnings("unchecked")
        Map<String, Object> map = (Map<String, Object>) value;
        return map;
    }

    /**
     * Names a value's YAML type for messages.
     *
     * @param value a value produced by this reader
     * @return {@code a list}, {@code a string}, ...
     */
    static String describeType(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof Map) {
            return "a mapping";
        }
        if (value instanceof List) {
            return "a list";
        }
        if (value instanceof String) {
            return "a string";
        }
        if (value instanceof Boolean) {
            return "a boolean";
        }
        return "a number";
    }

    private static Optional<Node> firstDocument(String text) {
        LoadSettings settings = LoadSettings.builder()
                .setSchema(new PlainScalarSchema())
                .setMaxAliasesForCollections(1000)
                .setCodePointLimit(64 * 1024 * 1024)
                .build();
        try {
            Iterator<Node> documents = new Compose(settings).composeAllFromString(text).iterator();
            return documents.hasNext() ? Optional.of(documents.next()) : Optional.empty();
        } catch (MarkedYamlEngineException e) {
            Optional<Mark> mark = e.getProblemMark().or(e::getContextMark);
            String problem = e.getProblem() == null ? e.getMessage() : e.getProblem();
            String context = e.getContext() == null ? "" : e.getContext() + ": ";
            throw new Problem(position(mark) + context + problem, e);
        } catch (YamlEngineException e) {
            throw new Problem(e.getMessage(), e);
        }
    }

    private static String position(Optional<Mark> mark) {
        return mark.map(m -> "line " + (m.getLine() + 1) + ", column " + (m.getColumn() + 1) + ": ").orElse("");
    }

    /**
     * A schema for writing YAML that Helm reads back as written: a string that go-yaml v2 would read as a
     * boolean, number or null (such as {@code yes} or {@code 0777}) is quoted.
     *
     * @return the schema for snakeyaml-engine's dumper
     */
    static Schema helmReadableSchema() {
        return new Schema() {
            @Override
            public org.snakeyaml.engine.v2.resolver.ScalarResolver getScalarResolver() {
                return (value, implicit) -> {
                    if (!Boolean.TRUE.equals(implicit)) {
                        return Tag.STR;
                    }
                    Object resolved = resolvePlain(value);
                    if (resolved == null) {
                        return Tag.NULL;
                    }
                    if (resolved instanceof Boolean) {
                        return Tag.BOOL;
                    }
                    if (resolved instanceof Double) {
                        return Tag.FLOAT;
                    }
                    return resolved instanceof String ? Tag.STR : Tag.INT;
                };
            }

            @Override
            public Map<Tag, ConstructNode> getSchemaTagConstructors() {
                return Map.of();
            }
        };
    }

    /** Tags every untagged plain scalar as {@link #PLAIN} and every quoted or block scalar as a string. */
    private static final class PlainScalarSchema implements Schema {
        @Override
        public org.snakeyaml.engine.v2.resolver.ScalarResolver getScalarResolver() {
            return (value, implicit) -> Boolean.TRUE.equals(implicit) ? PLAIN : Tag.STR;
        }

        @Override
        public Map<Tag, ConstructNode> getSchemaTagConstructors() {
            return Map.of();
        }
    }

    /** Turns a node tree into Java values, keeping track of the nodes being converted to reject cycles. */
    /**
     * The most values one document may expand to through aliases. A real values file has a few thousand; nested
     * anchors that repeat each other (a "billion laughs") reach billions from a few hundred bytes.
     */
    static final long MAX_VALUES = 1_000_000;

    private static final class Converter {
        private final Map<Node, Boolean> inProgress = new IdentityHashMap<>();
        private long produced;

        Object convert(Node node) {
            if (++produced > MAX_VALUES) {
                throw new Problem(position(node.getStartMark()) + "the document expands to more than " + MAX_VALUES
                        + " values through its aliases (anchors that repeat each other, a \"billion laughs\");"
                        + " a values file never needs that many: write the values out or remove the nested aliases",
                        null);
            }
            if (node instanceof AnchorNode anchor) {
                return convert(anchor.getRealNode());
            }
            if (node instanceof ScalarNode scalar) {
                return scalar(scalar);
            }
            if (inProgress.put(node, Boolean.TRUE) != null) {
                throw new Problem(position(node.getStartMark()) + "a recursive alias cannot be represented as values", null);
            }
            try {
                if (node instanceof SequenceNode sequence) {
                    List<Object> list = new ArrayList<>();
                    for (Node item : sequence.getValue()) {
                        list.add(convert(item));
                    }
                    return list;
                }
                return mapping((MappingNode) node);
            } finally {
                inProgress.remove(node);
            }
        }

        private Map<String, Object> mapping(MappingNode node) {
            Map<String, Object> map = new LinkedHashMap<>();
            for (NodeTuple tuple : node.getValue()) {
                Node keyNode = tuple.getKeyNode();
                if (isMergeKey(keyNode)) {
                    merge(map, tuple.getValueNode());
                    continue;
                }
                Object key = convert(keyNode);
                map.put(keyString(key, keyNode), convert(tuple.getValueNode()));
            }
            return map;
        }

        private void merge(Map<String, Object> into, Node source) {
            Object value = convert(source);
            List<?> sources = value instanceof List<?> list ? list : java.util.Collections.singletonList(value);
            for (Object each : sources) {
                if (!(each instanceof Map<?, ?> map)) {
                    throw new Problem(position(source.getStartMark()) + "a merge key (<<) needs a mapping or a list of mappings, found "
                            + describeType(each), null);
                }
                map.forEach((k, v) -> into.put((String) k, v));
            }
        }

        private boolean isMergeKey(Node key) {
            return key instanceof ScalarNode scalar
                    && (PLAIN.equals(scalar.getTag()) || Tag.MERGE.equals(scalar.getTag()))
                    && "<<".equals(scalar.getValue());
        }

        private String keyString(Object key, Node keyNode) {
            if (key instanceof String s) {
                return s;
            }
            if (key instanceof Boolean || key instanceof Long || key instanceof BigInteger) {
                return key.toString();
            }
            if (key instanceof Double d) {
                return d == Math.rint(d) && !d.isInfinite() && Math.abs(d) < 1e21
                        ? Long.toString(d.longValue())
                        : Float.toString(d.floatValue());
            }
            throw new Problem(position(keyNode.getStartMark()) + "a mapping key must be a scalar, found " + describeType(key)
                    + " (Helm cannot use it as a key)", null);
        }

        private Object scalar(ScalarNode node) {
            String value = node.getValue();
            Tag tag = node.getTag();
            if (Tag.STR.equals(tag)) {
                return value;
            }
            boolean typed = PLAIN.equals(tag) || Tag.INT.equals(tag) || Tag.FLOAT.equals(tag) || Tag.BOOL.equals(tag)
                    || Tag.NULL.equals(tag) || node.isPlain();
            Object resolved = typed ? resolvePlain(value) : value;
            if (resolved instanceof Double d && (d.isNaN() || d.isInfinite())) {
                throw new Problem(position(node.getStartMark()) + "'" + value + "' is not a usable value: Helm turns values"
                        + " into JSON, which has no infinity or NaN; quote it to make it a string", null);
            }
            return resolved;
        }
    }

    /**
     * Applies go-yaml v2's rules for an untagged plain scalar.
     *
     * @param value the scalar text
     * @return the typed value
     */
    static Object resolvePlain(String value) {
        if (TRUE.contains(value)) {
            return Boolean.TRUE;
        }
        if (FALSE.contains(value)) {
            return Boolean.FALSE;
        }
        if (NULL.contains(value)) {
            return null;
        }
        switch (value) {
            case ".nan", ".NaN", ".NAN":
                return Double.NaN;
            case ".inf", ".Inf", ".INF", "+.inf", "+.Inf", "+.INF":
                return Double.POSITIVE_INFINITY;
            case "-.inf", "-.Inf", "-.INF":
                return Double.NEGATIVE_INFINITY;
            default:
                break;
        }
        char first = value.charAt(0);
        if (first == '.') {
            return YAML_FLOAT.matcher(value).matches() ? parseGoFloat(value).map(d -> (Object) d).orElse(value) : value;
        }
        if (first == '+' || first == '-' || (first >= '0' && first <= '9')) {
            String plain = value.replace("_", "");
            Optional<BigInteger> integer = parseGoInteger(plain);
            if (integer.isPresent()) {
                BigInteger i = integer.get();
                if (i.bitLength() < 64) {
                    return i.longValue();
                }
                if (i.signum() > 0 && i.compareTo(MAX_UINT64) <= 0) {
                    return i;
                }
            }
            if (YAML_FLOAT.matcher(plain).matches()) {
                return parseGoFloat(plain).map(d -> (Object) d).orElse(value);
            }
        }
        return value;
    }

    /** Integer syntax of Go's {@code strconv.ParseInt(s, 0, 64)}: sign, then 0x, 0o, 0b or a leading 0 for octal. */
    private static Optional<BigInteger> parseGoInteger(String text) {
        String digits = text;
        boolean negative = false;
        if (digits.startsWith("+") || digits.startsWith("-")) {
            negative = digits.charAt(0) == '-';
            digits = digits.substring(1);
        }
        int radix = 10;
        String lower = digits.toLowerCase(java.util.Locale.ROOT);
        if (lower.startsWith("0x")) {
            radix = 16;
            digits = digits.substring(2);
        } else if (lower.startsWith("0o")) {
            radix = 8;
            digits = digits.substring(2);
        } else if (lower.startsWith("0b")) {
            radix = 2;
            digits = digits.substring(2);
        } else if (digits.length() > 1 && digits.startsWith("0")) {
            radix = 8;
            digits = digits.substring(1);
        }
        if (digits.isEmpty() || digits.startsWith("+") || digits.startsWith("-")) {
            return Optional.empty();
        }
        try {
            BigInteger parsed = new BigInteger(digits, radix);
            return Optional.of(negative ? parsed.negate() : parsed);
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static Optional<Double> parseGoFloat(String text) {
        try {
            return Optional.of(Double.parseDouble(text));
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
