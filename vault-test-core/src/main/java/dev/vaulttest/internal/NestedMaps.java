package dev.vaulttest.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Reads and writes Helm-values-shaped trees: maps of string keys whose values are maps, lists or scalars.
 * Paths are given as segments so that keys containing dots (such as {@code app.kubernetes.io/name}) work.
 */
public final class NestedMaps {

    private NestedMaps() {
    }

    /**
     * The value at a path.
     *
     * @param root the tree
     * @param path the keys from the root
     * @return the value, or empty when a segment is missing, a parent is not a map, or the value is null
     */
    public static Optional<Object> get(Map<String, ?> root, String... path) {
        Object current = root;
        for (String key : path) {
            if (!(current instanceof Map<?, ?> map)) {
                return Optional.empty();
            }
            current = map.get(key);
        }
        return Optional.ofNullable(current);
    }

    /**
     * Tells whether the path exists, even when its value is null.
     *
     * @param root the tree
     * @param path the keys from the root
     * @return {@code true} when the last key is present in its parent map
     */
    public static boolean contains(Map<String, ?> root, String... path) {
        Object current = root;
        for (int i = 0; i < path.length; i++) {
            if (!(current instanceof Map<?, ?> map) || !map.containsKey(path[i])) {
                return false;
            }
            current = map.get(path[i]);
        }
        return true;
    }

    /**
     * The map at a path.
     *
     * @param root the tree
     * @param path the keys from the root
     * @return the map, or an empty map when absent or not a map
     */
    @SuppressWarnings("unchecked")
    public static Map<String, Object> map(Map<String, ?> root, String... path) {
        return get(root, path).filter(Map.class::isInstance).map(m -> (Map<String, Object>) m).orElse(Map.of());
    }

    /**
     * The list at a path.
     *
     * @param root the tree
     * @param path the keys from the root
     * @return the list, or an empty list when absent or not a list
     */
    @SuppressWarnings("unchecked")
    public static List<Object> list(Map<String, ?> root, String... path) {
        return get(root, path).filter(List.class::isInstance).map(l -> (List<Object>) l).orElse(List.of());
    }

    /**
     * The string at a path; numbers and booleans are rendered as strings.
     *
     * @param root the tree
     * @param path the keys from the root
     * @return the string, or empty when absent or a map/list
     */
    public static Optional<String> string(Map<String, ?> root, String... path) {
        return get(root, path).filter(v -> !(v instanceof Map) && !(v instanceof List)).map(String::valueOf);
    }

    /**
     * Sets a value, creating the intermediate maps. A {@code null} value is stored as an explicit null,
     * which in a Helm values layer deletes the key from the layers below.
     *
     * @param root the tree to change
     * @param value the value to store
     * @param path the keys from the root; at least one
     */
    @SuppressWarnings("unchecked")
    public static void put(Map<String, Object> root, Object value, String... path) {
        if (path.length == 0) {
            throw new IllegalArgumentException("path must have at least one key");
        }
        Map<String, Object> current = root;
        for (int i = 0; i < path.length - 1; i++) {
            Object next = current.get(path[i]);
            if (!(next instanceof Map)) {
                next = new LinkedHashMap<String, Object>();
                current.put(path[i], next);
            }
            current = (Map<String, Object>) next;
        }
        current.put(path[path.length - 1], value);
    }

    /**
     * A deep, mutable copy of a values tree (maps become {@link LinkedHashMap}, lists {@link ArrayList}).
     *
     * @param root the tree
     * @return the copy
     */
    public static Map<String, Object> deepCopy(Map<String, ?> root) {
        Map<String, Object> copy = new LinkedHashMap<>();
        root.forEach((k, v) -> copy.put(k, copyValue(v)));
        return copy;
    }

    @SuppressWarnings("unchecked")
    private static Object copyValue(Object value) {
        if (value instanceof Map<?, ?> map) {
            return deepCopy((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(copyValue(v)));
            return copy;
        }
        return value;
    }

    /**
     * A deep copy that cannot be modified at any level; unlike {@code Map.copyOf} it keeps null values, which in a
     * Helm values layer delete a key from the layers below.
     *
     * @param root the tree
     * @return the frozen copy
     */
    public static Map<String, Object> frozenCopy(Map<String, ?> root) {
        Map<String, Object> copy = new LinkedHashMap<>();
        root.forEach((k, v) -> copy.put(k, freeze(v)));
        return java.util.Collections.unmodifiableMap(copy);
    }

    @SuppressWarnings("unchecked")
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            return frozenCopy((Map<String, ?>) map);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>(list.size());
            list.forEach(v -> copy.add(freeze(v)));
            return java.util.Collections.unmodifiableList(copy);
        }
        return value;
    }

    /**
     * Joins path segments the way Helm users write them: {@code server.ha.raft.config}.
     *
     * @param path the keys from the root
     * @return the dotted path
     */
    public static String dotted(String... path) {
        return String.join(".", path);
    }
}
