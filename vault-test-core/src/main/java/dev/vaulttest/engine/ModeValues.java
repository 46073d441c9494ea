package dev.vaulttest.engine;

import dev.vaulttest.DeploymentMode;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.InvalidValuesException;
import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.kms.SealSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The values layer that sets the topology the spec asks for ({@link DeploymentMode}) and, when the spec asks
 * for TLS and the values do not configure it, a TLS listener whose certificates come from a mounted Secret
 * (the k3s overlay then generates that Secret). Merged after the team's values, before the k3s overlay.
 *
 * @param values the layer; empty for {@link DeploymentMode#FROM_VALUES} without TLS
 * @param adjustments why each value was set, for the report
 */
record ModeValues(Map<String, Object> values, List<Adjustment> adjustments) {

    /** The Secret the generated TLS listener reads its certificate and key from. */
    static final String TLS_SECRET = "vault-test-tls";

    static final String TLS_DIRECTORY = "/vault/userconfig/" + TLS_SECRET;

    /** The KMS key alias of the seal the library adds when the values configure none. */
    static final String KMS_KEY_ALIAS = "alias/vault-test-unseal";

    ModeValues {
        values = Map.copyOf(values);
        adjustments = List.copyOf(adjustments);
    }

    /**
     * Computes the layer.
     *
     * @param spec the environment spec
     * @param teamValues the team's effective values (their files and overrides merged)
     * @return the layer
     * @throws InvalidValuesException when the spec asks for TLS but the values bring their own configuration
     *     without a TLS listener, or ask for TLS in dev mode
     */
    static ModeValues of(VaultEnvironmentSpec spec, Map<String, Object> teamValues) {
        Map<String, Object> values = new LinkedHashMap<>();
        List<Adjustment> adjustments = new ArrayList<>();
        switch (spec.mode()) {
            case HA_RAFT -> {
                String why = "the spec asks for HA with integrated storage on " + spec.replicas() + " node(s)";
                set(values, adjustments, why, false, "server", "dev", "enabled");
                set(values, adjustments, why, true, "server", "ha", "enabled");
                set(values, adjustments, why, (long) spec.replicas(), "server", "ha", "replicas");
                set(values, adjustments, why, true, "server", "ha", "raft", "enabled");
                set(values, adjustments, "node ids equal pod names, so raft peers are readable in reports",
                        true, "server", "ha", "raft", "setNodeId");
            }
            case STANDALONE -> {
                String why = "the spec asks for a standalone node";
                set(values, adjustments, why, false, "server", "dev", "enabled");
                set(values, adjustments, why, false, "server", "ha", "enabled");
                set(values, adjustments, why, true, "server", "standalone", "enabled");
            }
            case DEV -> set(values, adjustments, "the spec asks for dev mode", true, "server", "dev", "enabled");
            case FROM_VALUES -> {
                // The values decide the topology.
            }
        }
        if (spec.tls()) {
            addTls(spec.mode(), teamValues, values, adjustments);
        }
        return new ModeValues(values, adjustments);
    }

    /**
     * Adds an {@code awskms} seal through the environment when the spec asks for KMS auto-unseal and the values
     * configure no {@code awskms} seal: {@code VAULT_SEAL_TYPE=awskms} and the key alias {@value #KMS_KEY_ALIAS},
     * which the emulator creates. Values that bring their own stanza are left as they are.
     *
     * @param spec the environment spec
     * @param merged the team's values with this layer merged in
     * @return this layer, or a copy with the seal variables
     */
    ModeValues withSeal(VaultEnvironmentSpec spec, Map<String, Object> merged) {
        if (!(spec.seal() instanceof SealSpec.AwsKms) || AwsKmsSeal.fromValues(merged).isPresent()) {
            return this;
        }
        Map<String, Object> copy = NestedMaps.deepCopy(values);
        List<Adjustment> more = new ArrayList<>(adjustments);
        String why = "the spec asks for awskms auto-unseal and the values configure no awskms seal";
        set(copy, more, why, "awskms", "server", "extraEnvironmentVars", "VAULT_SEAL_TYPE");
        set(copy, more, why + "; the emulator creates this alias", KMS_KEY_ALIAS, "server", "extraEnvironmentVars",
                "VAULT_AWSKMS_SEAL_KEY_ID");
        return new ModeValues(copy, more);
    }

    private static void addTls(DeploymentMode mode, Map<String, Object> team, Map<String, Object> values,
            List<Adjustment> adjustments) {
        if (mode == DeploymentMode.DEV) {
            throw new InvalidValuesException("The spec asks for TLS in dev mode, but a dev server listens on plain"
                    + " HTTP. Use tls(false) with DeploymentMode.DEV, or another mode.");
        }
        if (Boolean.FALSE.equals(NestedMaps.get(team, "global", "tlsDisable").orElse(null))) {
            return;
        }
        Optional<String[]> configPath = configPath(mode, team);
        if (configPath.isEmpty() || NestedMaps.get(team, configPath.get()).isPresent()) {
            String where = configPath.map(NestedMaps::dotted).orElse("the server configuration");
            throw new InvalidValuesException("The spec asks for TLS, but the values bring their own " + where
                    + " and keep global.tlsDisable true. Configure the TLS listener in the values (and set"
                    + " global.tlsDisable: false), or build the spec with tls(false).");
        }
        String why = "the spec asks for TLS: a listener with certificates from Secret " + TLS_SECRET
                + " (generated for the release, self-signed CA)";
        set(values, adjustments, why, false, "global", "tlsDisable");
        set(values, adjustments, why, tlsConfig(configPath.get()[1].equals("ha")), configPath.get());
        set(values, adjustments, why, List.of(Map.of("type", "secret", "name", TLS_SECRET)), "server", "extraVolumes");
    }

    /** Where the active mode reads its configuration string, when the library can write it. */
    private static Optional<String[]> configPath(DeploymentMode mode, Map<String, Object> team) {
        return switch (mode) {
            case HA_RAFT -> Optional.of(new String[] {"server", "ha", "raft", "config"});
            case STANDALONE -> Optional.of(new String[] {"server", "standalone", "config"});
            default -> {
                boolean ha = Boolean.TRUE.equals(NestedMaps.get(team, "server", "ha", "enabled").orElse(null));
                boolean raft = Boolean.TRUE.equals(NestedMaps.get(team, "server", "ha", "raft", "enabled").orElse(null));
                if (ha && raft) {
                    yield Optional.of(new String[] {"server", "ha", "raft", "config"});
                }
                yield ha ? Optional.empty() : Optional.of(new String[] {"server", "standalone", "config"});
            }
        };
    }

    private static String tlsConfig(boolean raft) {
        String storage = raft
                ? "storage \"raft\" {\n  path = \"/vault/data\"\n}\n\nservice_registration \"kubernetes\" {}\n"
                : "storage \"file\" {\n  path = \"/vault/data\"\n}\n";
        return "ui = true\n\n"
                + "listener \"tcp\" {\n"
                + "  address = \"[::]:8200\"\n"
                + "  cluster_address = \"[::]:8201\"\n"
                + "  tls_cert_file = \"" + TLS_DIRECTORY + "/tls.crt\"\n"
                + "  tls_key_file = \"" + TLS_DIRECTORY + "/tls.key\"\n"
                + "}\n\n" + storage;
    }

    private static void set(Map<String, Object> values, List<Adjustment> adjustments, String why, Object value,
            String... path) {
        NestedMaps.put(values, value, path);
        adjustments.add(new Adjustment(NestedMaps.dotted(path), "set to " + describe(value) + ": " + why));
    }

    private static String describe(Object value) {
        if (value instanceof String text && text.contains("\n")) {
            return "a generated configuration";
        }
        return String.valueOf(value);
    }
}
