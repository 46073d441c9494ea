package dev.vaulttest.chaos;

import io.fabric8.kubernetes.api.model.ServiceAccount;
import io.fabric8.kubernetes.api.model.ServiceAccountBuilder;
import java.util.LinkedHashMap;
import java.util.Optional;

/** Copies of service accounts without their server-set fields, for recreating and renaming. */
final class ServiceAccounts {

    private ServiceAccounts() {
    }

    /** A service account like the given one under another name, without UID, version or token secrets. */
    static ServiceAccount copy(ServiceAccount original, String name) {
        return new ServiceAccountBuilder()
                .withNewMetadata()
                .withName(name)
                .withNamespace(original.getMetadata().getNamespace())
                .withLabels(Optional.ofNullable(original.getMetadata().getLabels()).map(LinkedHashMap::new)
                        .orElse(null))
                .withAnnotations(Optional.ofNullable(original.getMetadata().getAnnotations()).map(LinkedHashMap::new)
                        .orElse(null))
                .endMetadata()
                .withAutomountServiceAccountToken(original.getAutomountServiceAccountToken())
                .withImagePullSecrets(original.getImagePullSecrets())
                .build();
    }
}
