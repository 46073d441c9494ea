package dev.vaulttest.engine;

import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.internal.rendered.VaultConfig;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the team's effective values the way the official vault-helm chart (0.34.x) interprets them: server mode,
 * replicas, the Vault configuration string, storage, scheduling, extra environment and volumes. Absent values
 * take the chart's defaults.
 */
final class VaultValuesView {

    /** The chart's server modes ({@code vault.mode} in {@code _helpers.tpl}). */
    enum Mode { EXTERNAL, DEV, STANDALONE, HA, HA_RAFT }

    static final String USERCONFIG = "/vault/userconfig";

    private final Map<String, Object> values;

    VaultValuesView(Map<String, Object> values) {
        this.values = values;
    }

    Map<String, Object> raw() {
        return values;
    }

    private boolean globalEnabled() {
        return flag(NestedMaps.get(values, "global", "enabled"), true);
    }

    /** Reads a chart toggle: booleans, "true"/"false" strings, and "-" (follow the default). */
    static boolean flag(Optional<Object> value, boolean defaultValue) {
        if (value.isEmpty()) {
            return defaultValue;
        }
        Object v = value.get();
        if (v instanceof Boolean b) {
            return b;
        }
        String text = String.valueOf(v).strip().toLowerCase(Locale.ROOT);
        if (text.equals("-") || text.isEmpty()) {
            return defaultValue;
        }
        return text.equals("true");
    }

    Optional<String> externalVaultAddress() {
        return NestedMaps.string(values, "global", "externalVaultAddr").filter(s -> !s.isBlank())
                .or(() -> NestedMaps.string(values, "injector", "externalVaultAddr").filter(s -> !s.isBlank()));
    }

    boolean serverEnabled() {
        return flag(NestedMaps.get(values, "server", "enabled"), globalEnabled());
    }

    boolean injectorEnabled() {
        return flag(NestedMaps.get(values, "injector", "enabled"), globalEnabled());
    }

    Mode mode() {
        if (externalVaultAddress().isPresent() || !serverEnabled()) {
            return Mode.EXTERNAL;
        }
        if (flag(NestedMaps.get(values, "server", "dev", "enabled"), false)) {
            return Mode.DEV;
        }
        if (flag(NestedMaps.get(values, "server", "ha", "enabled"), false)) {
            return flag(NestedMaps.get(values, "server", "ha", "raft", "enabled"), false) ? Mode.HA_RAFT : Mode.HA;
        }
        return Mode.STANDALONE;
    }

    int replicas() {
        Mode mode = mode();
        if (mode == Mode.HA || mode == Mode.HA_RAFT) {
            Optional<Object> replicas = NestedMaps.get(values, "server", "ha", "replicas");
            return replicas.filter(Number.class::isInstance).map(n -> ((Number) n).intValue()).orElse(3);
        }
        return mode == Mode.EXTERNAL ? 0 : 1;
    }

    /** The values path of the Vault configuration the mode uses; empty in dev and external mode. */
    Optional<String[]> configPath() {
        return switch (mode()) {
            case STANDALONE -> Optional.of(new String[] {"server", "standalone", "config"});
            case HA -> Optional.of(new String[] {"server", "ha", "config"});
            case HA_RAFT -> Optional.of(new String[] {"server", "ha", "raft", "config"});
            default -> Optional.empty();
        };
    }

    /**
     * The configuration as Vault will read it. Absent means the chart's default, which has a plain-HTTP listener
     * and no seal stanza, so it is read as an empty configuration.
     *
     * @throws IllegalStateException with the path when the value is a map (the chart refuses those since 0.29.0)
     */
    Optional<VaultConfig> config() {
        Optional<String[]> path = configPath();
        if (path.isEmpty()) {
            return Optional.empty();
        }
        Optional<Object> raw = NestedMaps.get(values, path.get());
        if (raw.isEmpty()) {
            return Optional.of(VaultConfig.parse("", "chart default for " + NestedMaps.dotted(path.get())));
        }
        if (!(raw.get() instanceof String text)) {
            throw new IllegalStateException(NestedMaps.dotted(path.get()));
        }
        return Optional.of(VaultConfig.parse(text, "values " + NestedMaps.dotted(path.get())));
    }

    /** {@code fullname} from {@code _helpers.tpl}: fullnameOverride, else the release name if it contains the chart name. */
    String fullname(String releaseName) {
        Optional<String> override = NestedMaps.string(values, "fullnameOverride").filter(s -> !s.isBlank());
        String full;
        if (override.isPresent()) {
            full = override.get();
        } else {
            String name = NestedMaps.string(values, "nameOverride").filter(s -> !s.isBlank()).orElse("vault");
            full = releaseName.contains(name) ? releaseName : releaseName + "-" + name;
        }
        if (full.length() > 63) {
            full = full.substring(0, 63);
        }
        return full.replaceAll("-+$", "");
    }

    /** One of the chart's volumeClaimTemplates. */
    record Storage(String key, boolean used, Optional<String> storageClass, String accessMode) {

        String path(String leaf) {
            return "server." + key + "." + leaf;
        }
    }

    Storage dataStorage() {
        Mode mode = mode();
        boolean enabled = flag(NestedMaps.get(values, "server", "dataStorage", "enabled"), true);
        return storage("dataStorage", enabled && (mode == Mode.STANDALONE || mode == Mode.HA_RAFT));
    }

    Storage auditStorage() {
        Mode mode = mode();
        boolean enabled = flag(NestedMaps.get(values, "server", "auditStorage", "enabled"), false);
        return storage("auditStorage", enabled && mode != Mode.DEV && mode != Mode.EXTERNAL);
    }

    private Storage storage(String key, boolean used) {
        Optional<String> storageClass = NestedMaps.string(values, "server", key, "storageClass")
                .filter(s -> !s.isBlank() && !s.equals("null"));
        String accessMode = NestedMaps.string(values, "server", key, "accessMode").orElse("ReadWriteOnce");
        return new Storage(key, used, storageClass, accessMode);
    }

    /** {@code server.affinity} as a tree: the chart default when absent, empty when set to "" or null. */
    Optional<Map<String, Object>> affinity() {
        if (!NestedMaps.contains(values, "server", "affinity")) {
            return Optional.of(chartDefaultAffinity());
        }
        return yamlTree(NestedMaps.get(values, "server", "affinity").orElse(null));
    }

    boolean affinityExplicit() {
        return NestedMaps.contains(values, "server", "affinity");
    }

    Map<String, Object> nodeSelector() {
        return yamlTree(NestedMaps.get(values, "server", "nodeSelector").orElse(null)).orElse(Map.of());
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> topologySpreadConstraints() {
        Object raw = NestedMaps.get(values, "server", "topologySpreadConstraints").orElse(null);
        if (raw instanceof String text && !text.isBlank()) {
            raw = Serialization.unmarshal(withoutTemplates(text), List.class);
        }
        List<Map<String, Object>> constraints = new ArrayList<>();
        if (raw instanceof List<?> list) {
            list.stream().filter(Map.class::isInstance).forEach(m -> constraints.add((Map<String, Object>) m));
        }
        return constraints;
    }

    Optional<String> priorityClassName() {
        return NestedMaps.string(values, "server", "priorityClassName").filter(s -> !s.isBlank());
    }

    /** {@code server.extraEnvironmentVars}, keys as the chart renders them: upper case, '.' as '_'. */
    Map<String, String> extraEnvironment() {
        Map<String, String> env = new LinkedHashMap<>();
        NestedMaps.map(values, "server", "extraEnvironmentVars").forEach((k, v) -> env.put(envName(k),
                v == null ? null : String.valueOf(v)));
        return env;
    }

    /** The keys of {@code server.extraEnvironmentVars} as the team wrote them. */
    List<String> extraEnvironmentKeys() {
        return List.copyOf(NestedMaps.map(values, "server", "extraEnvironmentVars").keySet());
    }

    static String envName(String key) {
        return key.toUpperCase(Locale.ROOT).replace('.', '_');
    }

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> extraSecretEnvironment() {
        List<Map<String, Object>> entries = new ArrayList<>();
        NestedMaps.list(values, "server", "extraSecretEnvironmentVars").stream().filter(Map.class::isInstance)
                .forEach(m -> entries.add((Map<String, Object>) m));
        return entries;
    }

    /** A Secret or ConfigMap mounted into the Vault pod, and the directory it appears in. */
    record Mount(String kind, String name, String directory, String valuePath) {
    }

    @SuppressWarnings("unchecked")
    List<Mount> mounts() {
        List<Mount> mounts = new ArrayList<>();
        List<Object> extra = NestedMaps.list(values, "server", "extraVolumes");
        for (int i = 0; i < extra.size(); i++) {
            if (extra.get(i) instanceof Map<?, ?> volume) {
                Map<String, Object> v = (Map<String, Object>) volume;
                String type = String.valueOf(v.getOrDefault("type", ""));
                String name = String.valueOf(v.getOrDefault("name", ""));
                String base = v.get("path") == null ? USERCONFIG : String.valueOf(v.get("path"));
                String kind = type.equalsIgnoreCase("secret") ? "Secret" : type.equalsIgnoreCase("configMap")
                        ? "ConfigMap" : null;
                if (kind != null && !name.isEmpty()) {
                    mounts.add(new Mount(kind, name, stripSlash(base) + "/" + name, "server.extraVolumes[" + i + "]"));
                }
            }
        }
        Map<String, Mount> byVolume = new LinkedHashMap<>();
        List<Object> volumes = NestedMaps.list(values, "server", "volumes");
        for (int i = 0; i < volumes.size(); i++) {
            if (volumes.get(i) instanceof Map<?, ?> volume) {
                Map<String, Object> v = (Map<String, Object>) volume;
                String volumeName = String.valueOf(v.get("name"));
                NestedMaps.string(v, "secret", "secretName").ifPresent(s -> byVolume.put(volumeName,
                        new Mount("Secret", s, "", "server.volumes[" + volumeName + "]")));
                NestedMaps.string(v, "configMap", "name").ifPresent(s -> byVolume.put(volumeName,
                        new Mount("ConfigMap", s, "", "server.volumes[" + volumeName + "]")));
            }
        }
        for (Object m : NestedMaps.list(values, "server", "volumeMounts")) {
            if (m instanceof Map<?, ?> mount) {
                Mount volume = byVolume.get(String.valueOf(mount.get("name")));
                if (volume != null && mount.get("mountPath") != null) {
                    mounts.add(new Mount(volume.kind(), volume.name(), stripSlash(String.valueOf(mount.get("mountPath"))),
                            volume.valuePath()));
                }
            }
        }
        byVolume.forEach((volumeName, volume) -> {
            if (mounts.stream().noneMatch(m -> m.valuePath().equals(volume.valuePath()))) {
                mounts.add(new Mount(volume.kind(), volume.name(), "", volume.valuePath()));
            }
        });
        return mounts;
    }

    private static String stripSlash(String path) {
        return path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /** A map, or a YAML string holding a map (the chart renders strings with {@code tpl}); templates neutralised. */
    @SuppressWarnings("unchecked")
    static Optional<Map<String, Object>> yamlTree(Object raw) {
        if (raw instanceof Map<?, ?> map) {
            return map.isEmpty() ? Optional.empty() : Optional.of((Map<String, Object>) map);
        }
        if (raw instanceof String text && !text.isBlank()) {
            Object parsed = Serialization.unmarshal(withoutTemplates(text), Map.class);
            return parsed instanceof Map<?, ?> map && !map.isEmpty() ? Optional.of((Map<String, Object>) map)
                    : Optional.empty();
        }
        return Optional.empty();
    }

    /** Replaces Helm template actions with a placeholder so the surrounding YAML parses. */
    static String withoutTemplates(String text) {
        return text.replaceAll("\\{\\{-?[^}]*-?\\}\\}", "TEMPLATE");
    }

    /** The chart's default {@code server.affinity}: required anti-affinity between server pods per hostname. */
    static Map<String, Object> chartDefaultAffinity() {
        return Map.of("podAntiAffinity", Map.of("requiredDuringSchedulingIgnoredDuringExecution", List.of(
                Map.of("labelSelector", Map.of("matchLabels", Map.of("app.kubernetes.io/name", "TEMPLATE",
                                "app.kubernetes.io/instance", "TEMPLATE", "component", "server")),
                        "topologyKey", "kubernetes.io/hostname"))));
    }
}
