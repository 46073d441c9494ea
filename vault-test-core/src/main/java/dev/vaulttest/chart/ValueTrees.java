package dev.vaulttest.chart;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Checks and freezes values trees made of maps, lists and YAML scalars. */
final class ValueTrees {

    private ValueTrees() {
    }

    /**
     * Copies a tree into unmodifiable maps and lists, checking that it holds only values YAML can carry (nulls
     * are kept: Helm reads them as "remove this key"); integers become {@link Long}, floats {@link Double}.
     *
     * @param value a tree
     * @param path where the value is, for the error message
     * @return the frozen copy
     * @throws IllegalArgumentException for a value that is not a map, list, string, boolean, number or null
     */
    static Object frozenCopy(Object value, String path) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> {
                if (!(k instanceof String key)) {
                    throw new IllegalArgumentException("values key " + k + " at '" + path + "' is not a string");
                }
                copy.put(key, frozenCopy(v, path.isEmpty() ? key : path + "." + key));
            });
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                copy.add(frozenCopy(list.get(i), path + "[" + i + "]"));
            }
            return Collections.unmodifiableList(copy);
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

    @SuppressWarnings("unchecked")
    static Map<String, Object> castMap(Object map) {
        return (Map<String, Object>) map;
    }
}
