package dev.vaulttest.internal.rendered;

import com.bertramlabs.plugins.hcl4j.HCLParser;
import dev.vaulttest.base.InvalidVaultConfigException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * A parsed Vault server configuration, HCL or JSON, with the stanzas bring-up, the fit step and the checks read.
 *
 * <p>HCL is parsed with hcl4j after a strict syntax check ({@link HclSyntax}), because hcl4j
 * accepts some broken input silently; JSON is parsed with Jackson. Blocks are normalised so that
 * {@code listener "tcp" {...}} in HCL and {@code "listener": [{"tcp": {...}}]} or
 * {@code "listener": {"tcp": {...}}} in JSON read the same.
 */
public final class VaultConfig {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final String source;
    private final Map<String, Object> root;

    private VaultConfig(String source, Map<String, Object> root) {
        this.source = source;
        this.root = root;
    }

    /**
     * Parses a configuration. Text that starts with <code>{</code> is read as JSON, anything else as HCL.
     *
     * @param text the configuration as Vault would read it
     * @param source where it came from, used in error messages
     * @return the parsed configuration
     * @throws InvalidVaultConfigException when the text is not valid HCL or JSON
     */
    public static VaultConfig parse(String text, String source) {
        Objects.requireNonNull(text, "text");
        Objects.requireNonNull(source, "source");
        String trimmed = text.strip();
        return new VaultConfig(source, trimmed.startsWith("{") ? parseJson(trimmed, source) : parseHcl(text, source));
    }

    private static Map<String, Object> parseJson(String text, String source) {
        try {
            return JSON.readValue(text, new TypeReference<LinkedHashMap<String, Object>>() { });
        } catch (JacksonException e) {
            throw new InvalidVaultConfigException(source, "JSON parse error: " + e.getOriginalMessage()
                    + locationOf(e), e);
        }
    }

    private static String locationOf(JacksonException e) {
        return e.getLocation() == null ? ""
                : " (line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")";
    }

    private static Map<String, Object> parseHcl(String text, String source) {
        HclSyntax.check(text).ifPresent(problem -> {
            throw new InvalidVaultConfigException(source, "HCL syntax error: " + problem, null);
        });
        try {
            return new HCLParser().parse(text);
        } catch (Exception e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new InvalidVaultConfigException(source, "HCL parse error: " + cause.getMessage(), e);
        } catch (NoClassDefFoundError e) {
            // hcl4j evaluates its own functions (jsonencode, ...) and "data" lookups (HTTP requests); the
            // libraries they load are left out of vault-test's dependencies, and Vault has neither.
            throw new InvalidVaultConfigException(source, "HCL parse error: the document calls an HCL function or "
                    + "data lookup, which Vault's configuration language does not have", e);
        }
    }

    /**
     * Where this configuration came from.
     *
     * @return the source description given to {@link #parse(String, String)}
     */
    public String source() {
        return source;
    }

    /**
     * The {@code listener} stanzas.
     *
     * @return every listener, possibly none
     */
    public List<Block> listeners() {
        return blocks("listener");
    }

    /**
     * The {@code storage} stanza ({@code backend} is the legacy name Vault still accepts).
     *
     * @return the storage stanza, or empty when the configuration has none
     */
    public Optional<Block> storage() {
        List<Block> storage = blocks("storage");
        if (storage.isEmpty()) {
            storage = blocks("backend");
        }
        return storage.stream().findFirst();
    }

    /**
     * The {@code seal} stanzas.
     *
     * @return every seal stanza, possibly none
     */
    public List<Block> seals() {
        return blocks("seal");
    }

    /**
     * The labelled stanzas under a top-level key, for example {@code listener}.
     *
     * @param key the top-level key
     * @return the stanzas, in order, possibly none
     */
    public List<Block> blocks(String key) {
        List<Block> blocks = new ArrayList<>();
        collect(root.get(key), blocks);
        return List.copyOf(blocks);
    }

    private void collect(Object node, List<Block> out) {
        if (node instanceof List<?> list) {
            list.forEach(item -> collect(item, out));
        } else if (node instanceof Map<?, ?> map) {
            map.forEach((label, body) -> {
                if (body instanceof List<?> bodies) {
                    bodies.forEach(b -> out.add(new Block(String.valueOf(label), asMap(b))));
                } else {
                    out.add(new Block(String.valueOf(label), asMap(body)));
                }
            });
        }
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> asMap(Object body) {
        return body instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    /**
     * One labelled stanza such as {@code listener "tcp" { ... }}.
     *
     * @param type the label, for example {@code tcp}, {@code raft} or {@code awskms}
     * @param attributes the stanza's body as parsed
     */
    public record Block(String type, Map<String, Object> attributes) {

        /**
         * Copies the attributes, keeping their order.
         *
         * @param type the label
         * @param attributes the stanza's body
         */
        public Block {
            Objects.requireNonNull(type, "type");
            attributes = Collections.unmodifiableMap(new LinkedHashMap<>(attributes));
        }

        /**
         * A scalar attribute as text.
         *
         * @param key the attribute name
         * @return its value as text, or empty when absent or not a scalar
         */
        public Optional<String> string(String key) {
            Object value = attributes.get(key);
            if (value == null || value instanceof Map || value instanceof List) {
                return Optional.empty();
            }
            if (value instanceof Double d && d == Math.rint(d)) {
                return Optional.of(Long.toString(d.longValue()));
            }
            return Optional.of(String.valueOf(value));
        }

        /**
         * A boolean attribute read the way Vault reads one: {@code true}, {@code 1}, {@code "true"},
         * {@code "1"}, {@code "t"} and so on.
         *
         * @param key the attribute name
         * @return the value, or empty when absent or not a boolean
         */
        public Optional<Boolean> flag(String key) {
            Object value = attributes.get(key);
            if (value instanceof Boolean b) {
                return Optional.of(b);
            }
            if (value instanceof Number n) {
                return Optional.of(n.doubleValue() != 0);
            }
            return string(key).flatMap(Block::parseBool);
        }

        private static Optional<Boolean> parseBool(String text) {
            switch (text.strip().toLowerCase(Locale.ROOT)) {
                case "1", "t", "true":
                    return Optional.of(true);
                case "0", "f", "false", "":
                    return Optional.of(false);
                default:
                    return Optional.empty();
            }
        }

        /**
         * Nested unlabelled blocks, such as the {@code retry_join} blocks of a raft stanza.
         *
         * @param key the block name
         * @return each block's body, possibly none
         */
        @SuppressWarnings("unchecked")
        public List<Map<String, Object>> nested(String key) {
            Object value = attributes.get(key);
            List<Map<String, Object>> out = new ArrayList<>();
            if (value instanceof Map<?, ?> map) {
                out.add((Map<String, Object>) map);
            } else if (value instanceof List<?> list) {
                list.stream().filter(Map.class::isInstance).forEach(m -> out.add((Map<String, Object>) m));
            }
            return List.copyOf(out);
        }
    }
}
