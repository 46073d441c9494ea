package dev.vaulttest.engine;

import dev.vaulttest.internal.Labels;
import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Points the values' {@code awskms} seal at the KMS emulator without touching the seal stanza: Vault reads
 * {@code AWS_KMS_ENDPOINT} before the stanza's endpoint, and the region and credentials from the environment.
 * Credentials go through a Secret ({@code server.extraSecretEnvironmentVars}), so they are not in plain values.
 * The key id stays what the values name; the emulator creates that alias. Checks that the spec's seal and the
 * values' seal agree, and that no other auto-unseal is configured.
 */
final class AwsKmsFit {

    /** Variables that would make the AWS SDK look for credentials or roles other than the emulator's. */
    private static final List<String> FOREIGN_CREDENTIALS = List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN", "AWS_PROFILE", "AWS_ROLE_ARN", "AWS_WEB_IDENTITY_TOKEN_FILE",
            "AWS_SHARED_CREDENTIALS_FILE", "AWS_CONFIG_FILE");
    private static final Set<String> SECRET_VARIABLES = Set.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY",
            "AWS_SESSION_TOKEN");
    private static final Set<String> ROLE_ATTRIBUTES = Set.of("role_arn", "web_identity_token_file",
            "shared_creds_filename", "shared_creds_profile");

    private AwsKmsFit() {
    }

    static void apply(VaultValuesView view, Optional<VaultConfig> config, String fullname, ClusterFit.Context in,
            OverlayBuilder out) {
        String configPath = view.configPath().map(NestedMaps::dotted).orElse("server config");
        config.ifPresent(c -> c.seals().stream()
                .filter(b -> !b.type().equals("awskms") && !b.type().equals("shamir"))
                .filter(b -> !b.flag("disabled").orElse(false))
                .forEach(b -> out.problem(configPath, "seal \"" + b.type() + "\" cannot be provided on "
                                + in.clusterDescription() + ": the library emulates only AWS KMS.",
                        "Use seal \"awskms\" (tested against an emulator) or Shamir in a test values layer.")));
        Optional<AwsKmsSeal> seal = AwsKmsSeal.from(view, config);
        boolean autoUnseal = seal.filter(s -> !s.disabled()).isPresent();
        if (in.seal() instanceof SealSpec.Shamir) {
            if (autoUnseal) {
                out.problem(configPath, "the values auto-unseal with seal \"awskms\", but the spec asks for a Shamir"
                                + " seal.", "Use SealSpec.awsKms(KmsProvider.LOCALSTACK, LOCAL_KMS or EXTERNAL) to"
                                + " test the auto-unseal against an emulator.");
            }
            return;
        }
        SealSpec.AwsKms spec = (SealSpec.AwsKms) in.seal();
        if (!autoUnseal) {
            out.problem(configPath, "the spec asks for awskms auto-unseal, but the values configure no active seal"
                            + " \"awskms\" (neither a stanza nor VAULT_SEAL_TYPE=awskms).",
                    "Add seal \"awskms\" { kms_key_id = \"alias/vault-unseal\" } to the configuration, or use"
                            + " SealSpec.shamir(...).");
            return;
        }
        if (!spec.provider().isEmulated()) {
            return;
        }
        wire(view, seal.get(), fullname, in, out);
    }

    private static void wire(VaultValuesView view, AwsKmsSeal seal, String fullname, ClusterFit.Context in,
            OverlayBuilder out) {
        KmsConnection kms = in.kms().orElseThrow();
        SealSpec.AwsKms spec = (SealSpec.AwsKms) in.seal();
        if (seal.keyId().isEmpty()) {
            out.problem(seal.keyIdSource(), "the awskms seal names no key.",
                    "Set kms_key_id = \"alias/vault-unseal\" in the seal stanza; the emulator creates that alias.");
        } else if (!seal.keyIdIsAlias()) {
            out.problem(seal.keyIdSource(), "key '" + seal.keyId().get() + "' is a key id or ARN; an emulator cannot"
                            + " create a key with a given id.",
                    "Name the key by an alias (alias/<name>) in a test values layer; the emulator creates that alias.");
        } else {
            out.kmsKeyAlias = seal.keyId();
        }
        if (seal.region().isPresent() && !seal.region().get().equals(kms.region())) {
            out.problem(seal.regionSource(), "the seal's region " + seal.region().get() + " differs from the"
                            + " emulator's region " + kms.region() + "; the key would not be found.",
                    "Start the emulator in " + seal.emulatorRegion(spec) + " (AwsKmsSeal.emulatorRegion).");
        }
        seal.stanzaAttributes().stream().filter(ROLE_ATTRIBUTES::contains).forEach(attribute -> out.problem(
                seal.keyIdSource().replaceAll("kms_key_id$", attribute), "the awskms seal uses " + attribute
                        + ", which needs AWS STS or shared credential files that the emulator does not provide.",
                "Remove " + attribute + " from the seal stanza in a test values layer."));

        setEnvironment(view, out, "AWS_KMS_ENDPOINT", kms.endpointForPods().toString(),
                "points the awskms seal at the " + spec.provider() + " emulator" + (spec.provider().isStartedByLibrary()
                        ? " by its container IP (pods cannot resolve Docker aliases)" : " at its endpoint for pods")
                        + seal.endpoint().map(e -> "; overrides the values' endpoint " + e)
                        .orElse(""));
        if (view.extraEnvironment().containsKey("AWSKMS_ENDPOINT")) {
            setEnvironment(view, out, "AWSKMS_ENDPOINT", kms.endpointForPods().toString(),
                    "points the newer wrapper's endpoint variable at the emulator too");
        }
        setEnvironment(view, out, "AWS_REGION", kms.region(), "the emulator's region, set explicitly so the AWS SDK"
                + " never probes instance metadata");
        if (view.extraEnvironment().containsKey("AWS_DEFAULT_REGION")) {
            setEnvironment(view, out, "AWS_DEFAULT_REGION", kms.region(), "the emulator's region");
        }
        for (String variable : FOREIGN_CREDENTIALS) {
            for (String key : teamKeys(view, variable)) {
                out.set("removed: the emulator needs its own credentials, set through the Secret below", null,
                        "server", "extraEnvironmentVars", key);
            }
        }
        String secretName = fullname + "-kms-credentials";
        out.object(new SecretBuilder().withNewMetadata().withName(secretName).withNamespace(in.namespace())
                .withLabels(Labels.forEnvironment(in.environment().value())).endMetadata().withType("Opaque")
                .withData(Map.of("AWS_ACCESS_KEY_ID", base64(kms.credentials().accessKeyId()),
                        "AWS_SECRET_ACCESS_KEY", base64(kms.credentials().secretAccessKey())))
                .build());
        List<Object> entries = new ArrayList<>();
        List<String> replaced = new ArrayList<>();
        for (Map<String, Object> entry : view.extraSecretEnvironment()) {
            String name = VaultValuesView.envName(String.valueOf(entry.get("envName")));
            if (SECRET_VARIABLES.contains(name)) {
                replaced.add(name + " from Secret " + entry.get("secretName"));
            } else {
                entries.add(entry);
            }
        }
        for (String variable : List.of("AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("envName", variable);
            entry.put("secretName", secretName);
            entry.put("secretKey", variable);
            entries.add(entry);
        }
        out.set("AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY from Secret '" + secretName + "' with the emulator's"
                + " dummy credentials" + (replaced.isEmpty() ? "" : "; replaces " + String.join(", ", replaced))
                + "; the team's other entries are kept", entries, "server", "extraSecretEnvironmentVars");
    }

    /** Sets a variable, removing the team's spellings of it that the chart would render as a duplicate. */
    private static void setEnvironment(VaultValuesView view, OverlayBuilder out, String variable, String value,
            String reason) {
        for (String key : teamKeys(view, variable)) {
            if (!key.equals(variable)) {
                out.set("removed: duplicates " + variable + ", which the overlay sets", null,
                        "server", "extraEnvironmentVars", key);
            }
        }
        out.set(reason, value, "server", "extraEnvironmentVars", variable);
    }

    private static List<String> teamKeys(VaultValuesView view, String variable) {
        return view.extraEnvironmentKeys().stream().filter(k -> VaultValuesView.envName(k).equals(variable)).toList();
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }
}
