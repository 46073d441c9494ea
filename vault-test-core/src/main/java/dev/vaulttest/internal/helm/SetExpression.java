package dev.vaulttest.internal.helm;

import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * Where the names and values of a Helm {@code --set} expression are, found but not interpreted: Helm itself
 * applies the expression (typing, nesting, list indexes, errors about the values it meets). This class does
 * only what Helm, as helm-java reaches it, cannot:
 *
 * <ul>
 *   <li>rejects a pair without a name, such as {@code =x} or {@code a..b=1}, which Helm skips silently, so that a
 *       typo in a name fails instead of vanishing, as do the other malformed shapes found on the way (a name
 *       without {@code =value}, an unterminated list or index);</li>
 *   <li>finds every value, so that {@code --set-string} values can reach Helm as {@code --set-file} references
 *       (helm-java has no {@code --set-string});</li>
 *   <li>ends the text at its last value, so that several expressions can be handed to Helm as one.</li>
 * </ul>
 *
 * <p>The syntax is Helm's: {@code name=value} pairs separated by commas, dotted names, {@code name[i]}
 * indexes, {@code {x,y}} lists, a backslash taking the next character literally.
 */
final class SetExpression {

    private static final int END = -1;
    private static final String SPECIAL = "\"'\\={[,.]}";

    /** A malformed expression; the caller adds which one it was. */
    static final class Problem extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Problem(String message) {
            super(message);
        }
    }

    /** A value in the text: its raw extent (escapes included) and its text once unescaped. */
    private record Value(int start, int end, String text) {
    }

    /** Text read up to one of the stop characters; {@code end} is where it stops in the raw input. */
    private record Token(String text, int stop, int end) {
    }

    private final String input;
    private final List<Value> values = new ArrayList<>();
    private int position;
    private int lastValueEnd;

    private SetExpression(String input) {
        this.input = input;
    }

    /**
     * Finds the names and values of an expression.
     *
     * @param expression the text after {@code --set} or {@code --set-string}
     * @return the parts
     * @throws Problem when a name is empty or the expression is malformed
     */
    static SetExpression parse(String expression) {
        SetExpression parsed = new SetExpression(expression);
        parsed.pairs();
        return parsed;
    }

    /**
     * The expression up to the end of its last value: a trailing comma (or a lone backslash, which Helm ignores)
     * dropped, so that expressions joined with commas mean what they meant one by one.
     *
     * @return the text; empty for an expression without pairs
     */
    String text() {
        return input.substring(0, lastValueEnd);
    }

    /**
     * The expression with every value (a scalar or a list item) replaced.
     *
     * @param replacement given a value's unescaped text, returns the raw text to put in its place
     * @return the new expression text, up to the end of its last value
     */
    String replaceValues(UnaryOperator<String> replacement) {
        StringBuilder out = new StringBuilder();
        int copied = 0;
        for (Value value : values) {
            out.append(input, copied, value.start()).append(replacement.apply(value.text()));
            copied = value.end();
        }
        return out.append(input, copied, lastValueEnd).toString();
    }

    /**
     * Escapes text so that the expression syntax reads it literally, as a value.
     *
     * @param literal any text
     * @return the text with a backslash before each character the syntax gives a meaning to
     */
    static String escape(String literal) {
        StringBuilder out = new StringBuilder(literal.length() + 8);
        literal.codePoints().forEach(c -> {
            if (SPECIAL.indexOf(c) >= 0) {
                out.append('\\');
            }
            out.appendCodePoint(c);
        });
        return out.toString();
    }

    private void pairs() {
        while (true) {
            Token name = readUntil("=[,.");
            if (name.stop() == END && name.text().isEmpty()) {
                return;
            }
            pair(name);
        }
    }

    /** Reads the rest of a pair whose first name part is read. */
    private void pair(Token name) {
        Token part = name;
        while (true) {
            if (part.stop() == END) {
                throw new Problem("key \"" + part.text() + "\" has no value");
            }
            if (part.stop() == ',') {
                throw new Problem("key \"" + part.text() + "\" has no value (cannot end with ,)");
            }
            if (part.text().isEmpty()) {
                throw new Problem("a name is empty before '" + Character.toString(part.stop())
                        + "': every value needs a name (Helm would skip it silently)");
            }
            if (part.stop() == '=') {
                value();
                return;
            }
            if (part.stop() == '[') {
                afterIndex();
                return;
            }
            part = readUntil("=[,.");
        }
    }

    /** Reads an index and what follows it: another index, a nested name, or the value. */
    private void afterIndex() {
        while (true) {
            if (readUntil("]").stop() == END) {
                throw new Problem("'[' without a closing ']'");
            }
            Token rest = readUntil("[.=");
            if (!rest.text().isEmpty()) {
                throw new Problem("unexpected data at end of array index: \"" + rest.text() + "\"");
            }
            if (rest.stop() == END) {
                throw new Problem("the list index at the end has no value");
            }
            if (rest.stop() == '.') {
                pair(readUntil("=[,."));
                return;
            }
            if (rest.stop() == '=') {
                value();
                return;
            }
        }
    }

    /** Reads a value: a {@code {a,b}} list (and one comma after it) or a scalar up to the next comma. */
    private void value() {
        if (position < input.length() && input.charAt(position) == '{') {
            position++;
            while (true) {
                int start = position;
                Token item = readUntil(",}");
                if (item.stop() == END) {
                    throw new Problem("list must terminate with '}'");
                }
                values.add(new Value(start, item.end(), item.text()));
                if (item.stop() == '}') {
                    lastValueEnd = position;
                    if (position < input.length() && input.charAt(position) == ',') {
                        position++;
                    }
                    return;
                }
            }
        }
        int start = position;
        Token value = readUntil(",");
        values.add(new Value(start, value.end(), value.text()));
        lastValueEnd = value.end();
    }

    /** Reads up to (and consumes) one of {@code stops}; a backslash takes the next character literally. */
    private Token readUntil(String stops) {
        StringBuilder text = new StringBuilder();
        while (position < input.length()) {
            int at = position;
            int c = input.codePointAt(position);
            position += Character.charCount(c);
            if (stops.indexOf(c) >= 0) {
                return new Token(text.toString(), c, at);
            }
            if (c == '\\') {
                if (position >= input.length()) {
                    return new Token(text.toString(), END, at);
                }
                c = input.codePointAt(position);
                position += Character.charCount(c);
            }
            text.appendCodePoint(c);
        }
        return new Token(text.toString(), END, input.length());
    }
}
