package dev.vaulttest.chart;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Copies, freezes and merges values trees made of maps, lists and YAML scalars. */
final class ValueTrees {

    private ValueTrees() {
    }

    /**
     * Merges {@code overlay} into a copy of {@code base} as Helm merges values files: maps merge
     * recursively, anything else (lists, scalars, null) in the overlay replaces what was there.
     *
     * @param base the earlier values, not changed
     * @param overlay the later values, not changed
     * @return a new mutable tree
     */
    static Map<String, Object> merge(Map<String, Object> base, Map<String, Object> overlay) {
        Map<String, Object> out = new LinkedHashMap<>(base);
        overlay.forEach((key, value) -> {
            if (value instanceof Map<?, ?> overlayMap && out.get(key) instanceof Map<?, ?> baseMap) {
                out.put(key, merge(castMap(baseMap), castMap(overlayMap)));
            } else {
                out.put(key, value);
            }
        });
        return out;
    }

    /**
     * Copies a tree into mutable maps and lists, checking that it holds only values YAML can carry.
     *
     * @param value a tree
     * @param path where the value is, for the error message
     * @return the mutable copy
     * @throws IllegalArgumentException for a value that is not a map, list, string, boolean, number or null
     */
    static Object mutableCopy(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException("values key " + k + " at '" + path + "' is not a string");
                }
                copy.put(key, mutableCopy(v, path.isEmpty() ? key : path + "." + key));
            });
            return copy;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(mutableCopy(list.get(i), path + "[" + i + "]"));
            }
            return copy;
        }
        if (value == null || value instanceof String || value instanceof Boolean) {
            return value;
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return ((Number) value).longValue();
        }
        if (value instanceof Double || value instanceof Float) {
            double d = ((Number) value).doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) {
                throw new IllegalArgumentException("value at '" + path + "' is " + d + "; Helm turns values into JSON,"
                        + " which has no infinity or NaN");
            }
            return d;
        }
        if (value instanceof BigInteger || value instanceof BigDecimal) {
            return value;
        }
        throw new IllegalArgumentException("value at '" + path + "' is a " + value.getClass().getName()
                + "; values may only hold maps, lists, strings, booleans, numbers and null");
    }

    /**
     * Copies a tree into unmodifiable maps and lists (nulls are kept: Helm reads them as "remove this key").
     *
     * @param value a tree of maps, lists and scalars
     * @return the frozen copy
     */
    static Object frozenCopy(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put((String) k, frozenCopy(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(item -> copy.add(frozenCopy(item)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
