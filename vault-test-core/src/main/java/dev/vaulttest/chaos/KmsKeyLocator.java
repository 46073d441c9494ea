package dev.vaulttest.chaos;

import dev.vaulttest.internal.rendered.RenderedDeployment;
import dev.vaulttest.internal.rendered.VaultConfig;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the KMS key a deployment's {@code awskms} seal uses: the {@code VAULT_AWSKMS_SEAL_KEY_ID} (or
 * {@code AWSKMS_WRAPPER_KEY_ID}) variable of the Vault container when set (it wins over the stanza), else {@code kms_key_id} in the seal stanza of the release's
 * configuration ConfigMap.
 */
final class KmsKeyLocator {

    static final String KEY_ENV = "VAULT_AWSKMS_SEAL_KEY_ID";
    /** The seal wrapper's own name for the same setting, which Vault also reads. */
    static final String WRAPPER_KEY_ENV = "AWSKMS_WRAPPER_KEY_ID";

    private final ReleaseObjects release;

    KmsKeyLocator(ReleaseObjects release) {
        this.release = release;
    }

    Optional<String> sealKey() {
        return fromEnvironment().or(this::fromConfigMaps);
    }

    private Optional<String> fromEnvironment() {
        StatefulSet set = release.statefulSet();
        List<Container> containers = set.getSpec().getTemplate().getSpec().getContainers();
        return containers.stream().filter(c -> RenderedDeployment.VAULT_CONTAINER.equals(c.getName()))
                .flatMap(c -> c.getEnv() == null ? java.util.stream.Stream.<EnvVar>empty() : c.getEnv().stream())
                .filter(e -> (KEY_ENV.equals(e.getName()) || WRAPPER_KEY_ENV.equals(e.getName()))
                        && e.getValue() != null && !e.getValue().isBlank())
                .map(EnvVar::getValue).findFirst();
    }

    private Optional<String> fromConfigMaps() {
        List<ConfigMap> maps = release.client().configMaps().inNamespace(release.namespace())
                .withLabel(ReleaseObjects.INSTANCE_LABEL, release.serverPodLabels().get(ReleaseObjects.INSTANCE_LABEL))
                .list().getItems();
        for (ConfigMap map : maps) {
            Map<String, String> data = map.getData() == null ? Map.of() : map.getData();
            for (Map.Entry<String, String> entry : data.entrySet()) {
                if (!entry.getKey().endsWith(".hcl") && !entry.getKey().endsWith(".json")) {
                    continue;
                }
                Optional<String> key = keyIn(entry.getValue(), map.getMetadata().getName() + "/" + entry.getKey());
                if (key.isPresent()) {
                    return key;
                }
            }
        }
        return Optional.empty();
    }

    static Optional<String> keyIn(String config, String source) {
        try {
            return VaultConfig.parse(config, source).seals().stream()
                    .filter(seal -> "awskms".equals(seal.type()))
                    .map(seal -> seal.string("kms_key_id")).flatMap(Optional::stream).findFirst();
        } catch (RuntimeException unparseable) {
            return Optional.empty();
        }
    }
}
