package dev.vaulttest.engine;

import dev.vaulttest.engine.VaultValuesView.Mount;
import dev.vaulttest.internal.Labels;
import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.internal.rendered.VaultConfig;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the TLS Secret(s) the Vault configuration reads certificates from: when a listener, a raft
 * {@code retry_join} or a {@code VAULT_CACERT}-style variable names a file inside a mounted Secret, that Secret is
 * generated with a self-signed CA and a server certificate for the release's service and pod names.
 */
final class TlsFit {

    /** Generated certificates outlive any test run by far; they are thrown away with the namespace. */
    static final Duration VALIDITY = Duration.ofDays(30);

    private TlsFit() {
    }

    /** What a referenced file must contain. */
    enum Role { CERTIFICATE, KEY, CA }

    /** A file the configuration or environment reads, and which value names it. */
    record FileReference(String path, Role role, String valuePath, String attribute) {
    }

    static void apply(VaultValuesView view, Optional<VaultConfig> config, String fullname, ClusterFit.Context in,
            OverlayBuilder out) {
        Map<String, Map<String, Role>> filesBySecret = new LinkedHashMap<>();
        Map<String, FileReference> firstReference = new LinkedHashMap<>();
        List<Mount> secretMounts = view.mounts().stream()
                .filter(m -> m.kind().equals("Secret") && !m.directory().isEmpty())
                .sorted(Comparator.comparingInt((Mount m) -> m.directory().length()).reversed()).toList();
        for (FileReference reference : references(view, config)) {
            Optional<Mount> mount = secretMounts.stream().filter(m -> reference.path().startsWith(m.directory() + "/"))
                    .findFirst();
            if (mount.isEmpty()) {
                if (reference.path().startsWith(VaultValuesView.USERCONFIG + "/")) {
                    String directory = reference.path().substring(0, reference.path().lastIndexOf('/'));
                    String secret = directory.substring(directory.lastIndexOf('/') + 1);
                    out.problem(reference.valuePath(), reference.attribute() + " reads " + reference.path()
                                    + ", but no Secret is mounted at " + directory + ".",
                            "Mount the Secret with server.extraVolumes: [{type: secret, name: " + secret + "}];"
                                    + " the library then generates its certificates.");
                }
                continue;
            }
            String secret = mount.get().name();
            if (in.providedSecrets().contains(secret)) {
                continue;
            }
            String file = reference.path().substring(mount.get().directory().length() + 1);
            if (file.contains("/")) {
                out.problem(reference.valuePath(), reference.attribute() + " reads " + reference.path()
                                + ", a sub-directory of the Secret mount " + mount.get().directory()
                                + "; Secret keys cannot contain '/'.",
                        "Point " + reference.attribute() + " at a file directly inside " + mount.get().directory() + ".");
                continue;
            }
            filesBySecret.computeIfAbsent(secret, s -> new LinkedHashMap<>()).put(file, reference.role());
            firstReference.putIfAbsent(secret, reference);
        }
        if (filesBySecret.isEmpty()) {
            return;
        }
        TlsMaterial tls = ServerCertificates.generate(fullname, in.namespace(), VALIDITY, Instant.now());
        out.tls = Optional.of(tls);
        filesBySecret.forEach((secret, files) -> {
            Map<String, Role> keys = new LinkedHashMap<>();
            keys.put("ca.crt", Role.CA);
            keys.put("tls.crt", Role.CERTIFICATE);
            keys.put("tls.key", Role.KEY);
            keys.putAll(files);
            Map<String, String> data = new LinkedHashMap<>();
            keys.forEach((file, role) -> data.put(file, base64(content(tls, role))));
            out.object(new SecretBuilder().withNewMetadata().withName(secret).withNamespace(in.namespace())
                    .withLabels(Labels.forEnvironment(in.environment().value())).endMetadata()
                    .withType("Opaque").withData(data).build());
            FileReference first = firstReference.get(secret);
            out.note(first.valuePath(), "created Secret '" + secret + "' with a self-signed CA and a server certificate"
                    + " for " + fullname + ", *." + fullname + "-internal, localhost and 127.0.0.1 (keys "
                    + String.join(", ", keys.keySet()) + "), because " + first.attribute() + " reads " + first.path());
        });
    }

    private static String content(TlsMaterial tls, Role role) {
        return switch (role) {
            case CERTIFICATE -> tls.serverCertificatePem();
            case KEY -> tls.serverPrivateKeyPem();
            case CA -> tls.caCertificatePem();
        };
    }

    private static String base64(String text) {
        return Base64.getEncoder().encodeToString(text.getBytes(StandardCharsets.UTF_8));
    }

    static List<FileReference> references(VaultValuesView view, Optional<VaultConfig> config) {
        List<FileReference> references = new ArrayList<>();
        String configPath = view.configPath().map(NestedMaps::dotted).orElse("server config");
        config.ifPresent(c -> {
            for (VaultConfig.Block listener : c.listeners()) {
                if (listener.flag("tls_disable").orElse(false)) {
                    continue;
                }
                add(references, listener.attributes(), "tls_cert_file", Role.CERTIFICATE, configPath);
                add(references, listener.attributes(), "tls_key_file", Role.KEY, configPath);
                add(references, listener.attributes(), "tls_client_ca_file", Role.CA, configPath);
            }
            c.storage().ifPresent(storage -> storage.nested("retry_join").forEach(join -> {
                add(references, join, "leader_ca_cert_file", Role.CA, configPath);
                add(references, join, "leader_client_cert_file", Role.CERTIFICATE, configPath);
                add(references, join, "leader_client_key_file", Role.KEY, configPath);
            }));
        });
        Map<String, String> env = view.extraEnvironment();
        Map<String, Role> envRoles = new LinkedHashMap<>();
        envRoles.put("VAULT_CACERT", Role.CA);
        envRoles.put("VAULT_CLIENT_CERT", Role.CERTIFICATE);
        envRoles.put("VAULT_CLIENT_KEY", Role.KEY);
        envRoles.forEach((name, role) -> {
            String path = env.get(name);
            if (path != null && path.startsWith("/")) {
                references.add(new FileReference(path, role, "server.extraEnvironmentVars." + name, name));
            }
        });
        return references;
    }

    private static void add(List<FileReference> references, Map<String, Object> attributes, String attribute,
            Role role, String configPath) {
        Object value = attributes.get(attribute);
        if (value instanceof String path && path.startsWith("/")) {
            references.add(new FileReference(path, role, configPath, attribute));
        }
    }
}
