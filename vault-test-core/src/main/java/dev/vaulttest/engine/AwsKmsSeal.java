package dev.vaulttest.engine;

import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.kms.SealSpec;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code awskms} seal the team's values configure, read the way Vault reads it: environment variables in
 * {@code server.extraEnvironmentVars} beat the {@code seal "awskms"} stanza for the key id and endpoint. Read it
 * before starting an emulator, to create the right alias in the right region, which is the stanza's region when
 * it names one. (Vault 1.21.1, run by the build's own tests, also lets {@code AWS_REGION} beat the stanza's
 * region, and ignores the stanza's {@code disallow_env_vars} for all of these: it merges the {@code AWS_*}
 * variables into the seal configuration itself. Older Vault versions let the stanza's region win, so the emulator
 * is started in the stanza's region, which is right either way.)
 *
 * @param keyId the key id, ARN or alias Vault will use, if any is configured
 * @param keyIdSource the value (path and attribute or variable) the key id comes from
 * @param region the region the values configure, if any
 * @param regionSource the value the region comes from
 * @param endpoint the endpoint the values configure, if any
 * @param disabled whether the stanza is {@code disabled = "true"} (the old seal during a migration)
 * @param stanzaAttributes the names of the stanza's attributes (not their values: they may hold credentials)
 */
record AwsKmsSeal(Optional<String> keyId, String keyIdSource, Optional<String> region, String regionSource,
        Optional<String> endpoint, boolean disabled, Set<String> stanzaAttributes) {

    /** The region used when neither the spec nor the values name one. */
    public static final String DEFAULT_REGION = "us-east-1";

    /**
     * Validates and copies.
     *
     * @param keyId the key id, ARN or alias Vault will use, if any is configured
     * @param keyIdSource the value (path and attribute or variable) the key id comes from
     * @param region the region the values configure, if any
     * @param regionSource the value the region comes from
     * @param endpoint the endpoint the values configure, if any
     * @param disabled whether the stanza is {@code disabled = "true"} (the old seal during a migration)
     * @param stanzaAttributes the names of the stanza's attributes (not their values: they may hold credentials)
     */
    public AwsKmsSeal {
        Objects.requireNonNull(keyId, "keyId");
        Objects.requireNonNull(keyIdSource, "keyIdSource");
        Objects.requireNonNull(region, "region");
        Objects.requireNonNull(regionSource, "regionSource");
        Objects.requireNonNull(endpoint, "endpoint");
        stanzaAttributes = Set.copyOf(stanzaAttributes);
    }

    /**
     * Reads the {@code awskms} seal from effective values.
     *
     * @param values the team's effective values
     * @return the seal, or empty when the values configure none (no stanza and no {@code VAULT_SEAL_TYPE=awskms})
     * @throws dev.vaulttest.base.InvalidVaultConfigException when the configuration string does not parse
     */
    public static Optional<AwsKmsSeal> fromValues(Map<String, Object> values) {
        VaultValuesView view = new VaultValuesView(values);
        return from(view, view.config());
    }

    static Optional<AwsKmsSeal> from(VaultValuesView view, Optional<VaultConfig> config) {
        String configPath = view.configPath().map(NestedMaps::dotted).orElse("server config");
        Optional<VaultConfig.Block> stanza = config.flatMap(c -> c.seals().stream()
                .filter(b -> b.type().equals("awskms")).findFirst());
        Map<String, String> env = view.extraEnvironment();
        boolean byEnv = "awskms".equalsIgnoreCase(String.valueOf(env.get("VAULT_SEAL_TYPE")));
        if (stanza.isEmpty() && !byEnv) {
            return Optional.empty();
        }
        String stanzaName = configPath + " seal \"awskms\" ";
        Optional<String> keyId = Optional.empty();
        String keyIdSource = stanzaName + "kms_key_id";
        for (String variable : new String[] {"VAULT_AWSKMS_SEAL_KEY_ID", "AWSKMS_WRAPPER_KEY_ID"}) {
            if (keyId.isEmpty() && env.get(variable) != null && !env.get(variable).isBlank()) {
                keyId = Optional.of(env.get(variable));
                keyIdSource = "server.extraEnvironmentVars." + variable;
            }
        }
        if (keyId.isEmpty()) {
            keyId = stanza.flatMap(s -> s.string("kms_key_id")).filter(s -> !s.isBlank());
        }
        Optional<String> region = stanza.flatMap(s -> s.string("region")).filter(s -> !s.isBlank());
        String regionSource = stanzaName + "region";
        for (String variable : new String[] {"AWS_REGION", "AWS_DEFAULT_REGION"}) {
            if (region.isEmpty() && env.get(variable) != null && !env.get(variable).isBlank()) {
                region = Optional.of(env.get(variable));
                regionSource = "server.extraEnvironmentVars." + variable;
            }
        }
        Optional<String> endpoint = Optional.ofNullable(env.get("AWS_KMS_ENDPOINT"))
                .or(() -> Optional.ofNullable(env.get("AWSKMS_ENDPOINT")))
                .or(() -> stanza.flatMap(s -> s.string("endpoint"))).filter(s -> !s.isBlank());
        boolean disabled = stanza.flatMap(s -> s.flag("disabled")).orElse(false);
        return Optional.of(new AwsKmsSeal(keyId, keyIdSource, region, regionSource, endpoint, disabled,
                stanza.map(s -> new TreeSet<>(s.attributes().keySet())).orElseGet(TreeSet::new)));
    }

    /**
     * The region an emulator must use: the spec's region, else the values' region, else {@value #DEFAULT_REGION}.
     *
     * @param spec the seal spec
     * @return the region
     */
    public String emulatorRegion(SealSpec.AwsKms spec) {
        return spec.region().or(this::region).orElse(DEFAULT_REGION);
    }

    /**
     * Tells whether the key id is an alias name ({@code alias/<name>}), the only form an emulator can create on
     * demand.
     *
     * @return {@code true} for {@code alias/<name>}
     */
    public boolean keyIdIsAlias() {
        return keyId.filter(k -> k.startsWith("alias/") && k.length() > "alias/".length()
                && !k.startsWith("alias/aws/")).isPresent();
    }
}
