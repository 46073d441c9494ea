package dev.vaulttest.chart;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Applies one Helm {@code --set} (or {@code --set-string}) expression to a values tree, following the
 * behaviour of Helm 3's {@code strvals} parser.
 *
 * <p>Syntax: {@code name=value} pairs separated by commas; dotted names nest maps ({@code a.b=1});
 * {@code name[i]} addresses a list element, growing the list with nulls; {@code {x,y}} makes a list;
 * a backslash takes the next character literally ({@code a\.b=1} sets the key {@code a.b}).
 * Values are typed as Helm types them: {@code true}/{@code false} (any case) are booleans, {@code null}
 * is null, base-10 integers that do not start with {@code 0} (and {@code 0} itself) are integers,
 * everything else is a string. With {@code --set-string} every value is a string.
 * Helm's quirks are kept on purpose, for example {@code a=} sets an empty string and {@code a={}}
 * sets a list holding one empty string.
 */
final class SetExpressionParser {

    private static final int END = -1;
    private static final int MAX_INDEX = 65536;
    private static final int MAX_NESTING = 30;
    private static final Pattern BASE10 = Pattern.compile("[+-]?[0-9]+");

    /** Raised for a malformed expression; the caller adds which expression it was. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    /** What a step of the parse left: more input to read, or the end of the expression. */
    private enum Next { MORE, END }

    private record Token(String text, int stop) {
    }

    private final String input;
    private final boolean forceString;
    private int position;

    private SetExpressionParser(String input, boolean forceString) {
        this.input = input;
        this.forceString = forceString;
    }

    /**
     * Applies an expression to a mutable values tree.
     *
     * @param expression the text after {@code --set}
     * @param values the tree to change, made of mutable maps and lists
     * @param forceString {@code true} for {@code --set-string}
     * @throws Problem when the expression is malformed or addresses a value of the wrong kind
     */
    static void apply(String expression, Map<String, Object> values, boolean forceString) {
        SetExpressionParser parser = new SetExpressionParser(expression, forceString);
        while (parser.pair(values, 0) == Next.MORE) {
            // each call consumes one name=value pair
        }
    }

    private Next pair(Map<String, Object> target, int nesting) {
        Token name = readUntil("=[,.");
        String key = name.text();
        if (key.isEmpty() && name.stop() != END && name.stop() != ',') {
            // Helm refuses a name=value pair without a name, such as "=x" or ".a=1".
            throw new Problem("key is empty: every value needs a name before '" + (char) name.stop() + "'");
        }
        switch (name.stop()) {
            case END:
                if (key.isEmpty()) {
                    return Next.END;
                }
                throw new Problem("key \"" + key + "\" has no value");
            case '[': {
                int index = readIndex();
                List<Object> list = existingList(target, key);
                Next next = listElement(list, index, nesting);
                put(target, key, list);
                return next;
            }
            case '=':
                if (atEnd()) {
                    put(target, key, "");
                    return Next.END;
                }
                put(target, key, readValue());
                return Next.MORE;
            case ',':
                throw new Problem("key \"" + key + "\" has no value (cannot end with ,)");
            default: { // '.'
                if (nesting + 1 > MAX_NESTING) {
                    throw new Problem("value name nested level is greater than maximum supported nested level of " + MAX_NESTING);
                }
                Map<String, Object> inner = existingMap(target, key);
                Next next = pair(inner, nesting + 1);
                if (next == Next.MORE && inner.isEmpty()) {
                    throw new Problem("key map \"" + key + "\" has no value");
                }
                if (!inner.isEmpty()) {
                    put(target, key, inner);
                }
                return next;
            }
        }
    }

    /** Sets element {@code index} of {@code list} from what follows {@code name[index]}; grows the list in place. */
    private Next listElement(List<Object> list, int index, int nesting) {
        if (index < 0) {
            throw new Problem("negative " + index + " index not allowed");
        }
        Token rest = readUntil("[.=");
        if (!rest.text().isEmpty()) {
            throw new Problem("unexpected data at end of array index: \"" + rest.text() + "\"");
        }
        switch (rest.stop()) {
            case END:
                return Next.END;
            case '=':
                setIndex(list, index, atEnd() ? "" : readValue());
                return Next.MORE;
            case '[': {
                int nestedIndex = readIndex();
                List<Object> nested = new ArrayList<>();
                if (list.size() > index && list.get(index) != null) {
                    nested = requireList(list.get(index), "element " + index);
                }
                Next next = listElement(nested, nestedIndex, nesting);
                if (next == Next.END) {
                    return Next.END;
                }
                setIndex(list, index, nested);
                return next;
            }
            default: { // '.'
                Map<String, Object> inner = new LinkedHashMap<>();
                if (list.size() > index) {
                    if (list.get(index) instanceof Map) {
                        inner = castMap(list.get(index));
                    } else {
                        list.set(index, inner);
                    }
                }
                Next next = pair(inner, nesting);
                if (next == Next.END) {
                    return Next.END;
                }
                setIndex(list, index, inner);
                return next;
            }
        }
    }

    /** Reads a value after {@code =}: a {@code {a,b}} list or a scalar up to the next comma. */
    private Object readValue() {
        if (peek() != '{') {
            return typed(readUntil(",").text());
        }
        position++;
        List<Object> list = new ArrayList<>();
        while (true) {
            Token item = readUntil(",}");
            if (item.stop() == END) {
                throw new Problem("list must terminate with '}'");
            }
            list.add(typed(item.text()));
            if (item.stop() == '}') {
                if (peek() == ',') {
                    position++;
                }
                return list;
            }
        }
    }

    private int readIndex() {
        Token index = readUntil("]");
        if (index.stop() == END) {
            throw new Problem("error parsing index: unterminated '[' (expected ']')");
        }
        if (!BASE10.matcher(index.text()).matches()) {
            throw new Problem("error parsing index: \"" + index.text() + "\" is not an integer");
        }
        java.math.BigInteger value = new java.math.BigInteger(index.text());
        java.math.BigInteger clamped = value.max(java.math.BigInteger.valueOf(Integer.MIN_VALUE))
                .min(java.math.BigInteger.valueOf(Integer.MAX_VALUE));
        return clamped.intValueExact();
    }

    private static void setIndex(List<Object> list, int index, Object value) {
        if (index < 0) {
            throw new Problem("negative " + index + " index not allowed");
        }
        if (index > MAX_INDEX) {
            throw new Problem("index of " + index + " is greater than maximum supported index of " + MAX_INDEX);
        }
        while (list.size() <= index) {
            list.add(null);
        }
        list.set(index, value);
    }

    private Object typed(String text) {
        if (forceString) {
            return text;
        }
        if (text.equalsIgnoreCase("true")) {
            return Boolean.TRUE;
        }
        if (text.equalsIgnoreCase("false")) {
            return Boolean.FALSE;
        }
        if (text.equalsIgnoreCase("null")) {
            return null;
        }
        if (text.equals("0")) {
            return 0L;
        }
        if (!text.isEmpty() && text.charAt(0) != '0' && BASE10.matcher(text).matches()) {
            try {
                return Long.parseLong(text);
            } catch (NumberFormatException outOfRange) {
                return text;
            }
        }
        return text;
    }

    /** Reads up to (and consumes) one of {@code stops}; a backslash takes the next character literally. */
    private Token readUntil(String stops) {
        StringBuilder text = new StringBuilder();
        while (position < input.length()) {
            int c = input.codePointAt(position);
            position += Character.charCount(c);
            if (stops.indexOf(c) >= 0) {
                return new Token(text.toString(), c);
            }
            if (c == '\\') {
                if (position >= input.length()) {
                    return new Token(text.toString(), END);
                }
                c = input.codePointAt(position);
                position += Character.charCount(c);
            }
            text.appendCodePoint(c);
        }
        return new Token(text.toString(), END);
    }

    private boolean atEnd() {
        return position >= input.length();
    }

    private int peek() {
        return atEnd() ? END : input.codePointAt(position);
    }

    private static void put(Map<String, Object> target, String key, Object value) {
        if (!key.isEmpty()) {
            target.put(key, value);
        }
    }

    private static List<Object> existingList(Map<String, Object> target, String key) {
        return target.containsKey(key) ? requireList(target.get(key), "\"" + key + "\"") : new ArrayList<>();
    }

    private static Map<String, Object> existingMap(Map<String, Object> target, String key) {
        if (!target.containsKey(key)) {
            return new LinkedHashMap<>();
        }
        Object value = target.get(key);
        if (!(value instanceof Map)) {
            throw new Problem("\"" + key + "\" is " + HelmYaml.describeType(value) + ", not a map, so it has no key to set");
        }
        return castMap(value);
    }

    private static List<Object> requireList(Object value, String what) {
        if (!(value instanceof List)) {
            throw new Problem(what + " is " + HelmYaml.describeType(value) + ", not a list, so it has no index to set");
        }
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) value;
        return list;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> castMap(Object value) {
        return (Map<String, Object>) value;
    }
}
