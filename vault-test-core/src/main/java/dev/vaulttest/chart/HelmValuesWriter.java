package dev.vaulttest.chart;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Writes a values tree as JSON, which Helm reads as YAML back to the same values: every string and key
 * is double-quoted and escaped (including the characters YAML forbids raw), so no string can be
 * re-read as a boolean, number or null under YAML 1.1.
 */
final class HelmValuesWriter {

    private HelmValuesWriter() {
    }

    static String write(Map<String, Object> values) {
        StringBuilder out = new StringBuilder();
        value(values, out);
        return out.append('\n').toString();
    }

    private static void value(Object value, StringBuilder out) {
        if (value == null) {
            out.append("null");
        } else if (value instanceof String s) {
            string(s, out);
        } else if (value instanceof Double d) {
            if (d.isNaN() || d.isInfinite()) {
                throw new IllegalArgumentException("Helm cannot take " + d + " as a value (JSON has no infinity or NaN)");
            }
            out.append(d);
        } else if (value instanceof Boolean || value instanceof Number) {
            out.append(value);
        } else if (value instanceof Map<?, ?> map) {
            out.append('{');
            Iterator<? extends Map.Entry<?, ?>> entries = map.entrySet().iterator();
            while (entries.hasNext()) {
                Map.Entry<?, ?> entry = entries.next();
                string((String) entry.getKey(), out);
                out.append(": ");
                value(entry.getValue(), out);
                if (entries.hasNext()) {
                    out.append(", ");
                }
            }
            out.append('}');
        } else if (value instanceof List<?> list) {
            out.append('[');
            for (int i = 0; i < list.size(); i++) {
                if (i > 0) {
                    out.append(", ");
                }
                value(list.get(i), out);
            }
            out.append(']');
        } else {
            throw new IllegalArgumentException("not a values type: " + value.getClass().getName());
        }
    }

    private static void string(String s, StringBuilder out) {
        out.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                case '\r' -> out.append("\\r");
                case '\t' -> out.append("\\t");
                default -> {
                    if (needsEscape(c, s, i)) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        out.append('"');
    }

    /** Control characters, YAML line separators, the BOM and unpaired surrogates cannot appear raw in YAML. */
    private static boolean needsEscape(char c, String s, int i) {
        if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == '\u2028' || c == '\u2029' || c == '\ufeff') {
            return true;
        }
        if (Character.isHighSurrogate(c)) {
            return i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1));
        }
        if (Character.isLowSurrogate(c)) {
            return i == 0 || !Character.isHighSurrogate(s.charAt(i - 1));
        }
        return false;
    }
}
