package dev.vaulttest.engine;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.internal.NestedMaps;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * What the library adds to the team's values so they run on the test cluster: a values layer to merge last, the
 * adjustments it made (each one logged and reported), and the objects to create before the install.
 *
 * @param values the overlay layer; {@code null} values delete keys from the team's values, as in Helm
 * @param adjustments every addition or change, in the order made
 * @param objectsToCreate StorageClasses first, then Secrets in the release namespace; contain credentials and
 *     keys, so never print them
 * @param tls the generated TLS material, when the configuration reads certificates from a Secret the overlay
 *     created; the library's clients trust its CA
 * @param kmsKeyAlias the alias the KMS emulator must create, when Vault auto-unseals through an emulator
 * @param fullname the chart's fullname for this release (names of the StatefulSet and services)
 */
record ValuesOverlay(Map<String, Object> values, List<Adjustment> adjustments,
        List<HasMetadata> objectsToCreate, Optional<TlsMaterial> tls, Optional<String> kmsKeyAlias, String fullname) {

    /**
     * Copies and freezes.
     *
     * @param values the overlay layer; {@code null} values delete keys from the team's values, as in Helm
     * @param adjustments every addition or change, in the order made
     * @param objectsToCreate StorageClasses first, then Secrets in the release namespace; contain credentials and keys,
     *     so never print them
     * @param tls the generated TLS material, when the configuration reads certificates from a Secret the overlay
     *     created; the library's clients trust its CA
     * @param kmsKeyAlias the alias the KMS emulator must create, when Vault auto-unseals through an emulator
     * @param fullname the chart's fullname for this release (names of the StatefulSet and services)
     */
    public ValuesOverlay {
        values = NestedMaps.frozenCopy(values);
        adjustments = List.copyOf(adjustments);
        objectsToCreate = List.copyOf(objectsToCreate);
        Objects.requireNonNull(tls, "tls");
        Objects.requireNonNull(kmsKeyAlias, "kmsKeyAlias");
        Objects.requireNonNull(fullname, "fullname");
    }

    /**
     * The adjustment made at a values path, if any.
     *
     * @param valuePath for example {@code server.affinity}
     * @return the adjustments at that path
     */
    public List<Adjustment> adjustmentsAt(String valuePath) {
        return adjustments.stream().filter(a -> a.valuePath().equals(valuePath)).toList();
    }

    @Override
    public String toString() {
        return "ValuesOverlay[fullname=" + fullname + ", adjustments=" + adjustments + ", objects="
                + objectsToCreate.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName())
                        .collect(Collectors.joining(", ", "[", "]"))
                + ", tls=" + tls.isPresent() + ", kmsKeyAlias=" + kmsKeyAlias.orElse("none") + "]";
    }
}
