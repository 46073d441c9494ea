package dev.vaulttest.engine;

import dev.vaulttest.chart.Adjustment;
import dev.vaulttest.chart.StorageReclaimPolicy;
import dev.vaulttest.cluster.KubernetesCluster.ClusterFacts;
import dev.vaulttest.engine.VaultValuesView.Mode;
import dev.vaulttest.internal.NestedMaps;
import dev.vaulttest.internal.rendered.VaultConfig;
import dev.vaulttest.kms.SealSpec;
import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Fits the team's values to the cluster they are installed on, adding only what the cluster needs, each addition
 * logged and returned as an {@link Adjustment}:
 * <ul>
 *   <li>the agent injector off, unless the test asks for it;</li>
 *   <li>required pod anti-affinity relaxed when the cluster has fewer nodes than replicas;</li>
 *   <li>StorageClasses the values name, created on k3s backed by local-path with the spec's reclaim policy;</li>
 *   <li>a self-signed TLS Secret when the configuration reads certificates from a mounted Secret;</li>
 *   <li>for {@code awskms} against an emulator: endpoint, region and (through a Secret) credentials in the
 *       environment, keeping the key alias the values name.</li>
 * </ul>
 * Values the cluster cannot satisfy fail early with an {@link UnsupportedValuesException} that names each value
 * and what to do. Install and upgrade both fit through here, with the same {@link Context}.
 */
final class ClusterFit {

    private static final Logger LOG = LoggerFactory.getLogger(ClusterFit.class);

    private ClusterFit() {
    }

    /**
     * Computes the fit for a release.
     *
     * @param values the team's values with the spec's mode layer merged in (without the chart's defaults)
     * @param context the release, the cluster's facts, the seal and the KMS emulator
     * @return the values layer to merge last, its adjustments and the objects to create before the install
     * @throws UnsupportedValuesException when values ask for something the cluster cannot provide
     * @throws dev.vaulttest.base.InvalidVaultConfigException when the Vault configuration string does not parse
     */
    static Fitted fit(Map<String, Object> values, Context context) {
        VaultValuesView view = new VaultValuesView(values);
        OverlayBuilder out = new OverlayBuilder();
        String fullname = view.fullname(context.releaseName());
        if (view.mode() == Mode.EXTERNAL) {
            String path = view.externalVaultAddress().isPresent() ? "global.externalVaultAddr" : "server.enabled";
            out.problem(path, "the values deploy no Vault server (external Vault or server disabled), so there is"
                    + " nothing to test.", "Enable the server in a test values layer (server.enabled: true,"
                    + " global.externalVaultAddr: \"\").");
            throw new UnsupportedValuesException(context.clusterDescription(), out.problems);
        }
        Optional<VaultConfig> config = readConfig(view, out);
        if (view.injectorEnabled() && !context.injector()) {
            out.set("the test did not ask for the agent injector (it adds a webhook, a Deployment and an image);"
                    + " enable it with the spec's injector(true)", false, "injector", "enabled");
        }
        SchedulingFit.apply(view, context, out);
        StorageFit.apply(view, context, out);
        TlsFit.apply(view, config, fullname, context, out);
        AwsKmsFit.apply(view, config, fullname, context, out);
        ReferencedObjectsFit.apply(view, context, out);
        if (!out.problems.isEmpty()) {
            throw new UnsupportedValuesException(context.clusterDescription(), out.problems);
        }
        out.adjustments.forEach(a -> LOG.debug("Fit-up for release {}: {}", context.releaseName(), a));
        return new Fitted(out.values, out.adjustments, out.objects, out.tls, out.kmsKeyAlias, fullname);
    }

    private static Optional<VaultConfig> readConfig(VaultValuesView view, OverlayBuilder out) {
        try {
            return view.config();
        } catch (IllegalStateException e) {
            String path = view.configPath().map(NestedMaps::dotted).orElse("server config");
            out.problem(path, "is a YAML map; the chart accepts the Vault configuration only as a string (HCL or"
                    + " JSON) since 0.29.0 and refuses to render a map.", "Write " + path + " as a string.");
            return Optional.empty();
        }
    }

    /**
     * What the fit needs besides the values.
     *
     * @param environment the environment id
     * @param releaseName the release
     * @param namespace the release namespace
     * @param clusterDescription the cluster, for messages
     * @param facts what the cluster offers
     * @param seal the seal
     * @param kms the emulator's pod-side connection, when an emulator runs
     * @param reclaimPolicy the reclaim policy of created StorageClasses
     * @param injector whether the agent injector stays on
     * @param providedSecrets Secrets that exist in the namespace before the install, so the fit neither generates
     *     nor reports them (bring-up creates the namespace, so it provides none)
     * @param providedConfigMaps ConfigMaps that exist in the namespace before the install
     */
    record Context(EnvironmentId environment, String releaseName, String namespace, String clusterDescription,
            ClusterFacts facts, SealSpec seal, Optional<KmsConnection> kms, StorageReclaimPolicy reclaimPolicy,
            boolean injector, Set<String> providedSecrets, Set<String> providedConfigMaps) {

        Context {
            Objects.requireNonNull(environment, "environment");
            Objects.requireNonNull(releaseName, "releaseName");
            Objects.requireNonNull(namespace, "namespace");
            Objects.requireNonNull(clusterDescription, "clusterDescription");
            Objects.requireNonNull(facts, "facts");
            Objects.requireNonNull(seal, "seal");
            Objects.requireNonNull(kms, "kms");
            Objects.requireNonNull(reclaimPolicy, "reclaimPolicy");
            providedSecrets = Set.copyOf(providedSecrets);
            providedConfigMaps = Set.copyOf(providedConfigMaps);
            if (seal instanceof SealSpec.AwsKms aws && aws.provider().isEmulated() && kms.isEmpty()) {
                throw new IllegalArgumentException("The seal uses the " + aws.provider() + " emulator, so the fit"
                        + " needs its KmsConnection; start the emulator first.");
            }
        }

        /** The context of a bring-up, which provides no objects of its own before the install. */
        Context(EnvironmentId environment, String releaseName, String namespace, String clusterDescription,
                ClusterFacts facts, SealSpec seal, Optional<KmsConnection> kms, StorageReclaimPolicy reclaimPolicy,
                boolean injector) {
            this(environment, releaseName, namespace, clusterDescription, facts, seal, kms, reclaimPolicy, injector,
                    Set.of(), Set.of());
        }

        /**
         * A context with the environment's own release and namespace, the default seal, Retain, no injector and
         * nothing provided; the builder changes one part at a time.
         */
        static Builder builder(EnvironmentId environment, ClusterFacts facts) {
            return new Builder(environment, facts);
        }
    }

    /** Builds a {@link Context} one part at a time. */
    static final class Builder {

        private final EnvironmentId environment;
        private final ClusterFacts facts;
        private String releaseName;
        private String namespace;
        private String clusterDescription = "the test cluster";
        private SealSpec seal = SealSpec.defaults();
        private KmsConnection kms;
        private StorageReclaimPolicy reclaimPolicy = StorageReclaimPolicy.RETAIN;
        private boolean injector;
        private final Set<String> providedSecrets = new LinkedHashSet<>();
        private final Set<String> providedConfigMaps = new LinkedHashSet<>();

        private Builder(EnvironmentId environment, ClusterFacts facts) {
            this.environment = environment;
            this.facts = facts;
            this.releaseName = environment.releaseName();
            this.namespace = environment.namespace();
        }

        Builder releaseName(String name) {
            this.releaseName = name;
            return this;
        }

        Builder namespace(String name) {
            this.namespace = name;
            return this;
        }

        Builder clusterDescription(String description) {
            this.clusterDescription = description;
            return this;
        }

        Builder seal(SealSpec spec) {
            this.seal = spec;
            return this;
        }

        Builder kms(KmsConnection connection) {
            this.kms = connection;
            return this;
        }

        Builder reclaimPolicy(StorageReclaimPolicy policy) {
            this.reclaimPolicy = policy;
            return this;
        }

        Builder injectorEnabled(boolean enabled) {
            this.injector = enabled;
            return this;
        }

        Builder providedSecret(String name) {
            this.providedSecrets.add(name);
            return this;
        }

        Builder providedConfigMap(String name) {
            this.providedConfigMaps.add(name);
            return this;
        }

        Context build() {
            return new Context(environment, releaseName, namespace, clusterDescription, facts, seal,
                    Optional.ofNullable(kms), reclaimPolicy, injector, providedSecrets, providedConfigMaps);
        }
    }

    /**
     * The fit's result.
     *
     * @param values the layer to merge last; {@code null} values delete keys from the team's values, as in Helm
     * @param adjustments every addition or change, in the order made
     * @param objects StorageClasses first, then Secrets in the release namespace, to create before the install;
     *     they hold credentials and keys, so never print them
     * @param tls the generated TLS material, when the configuration reads certificates from a Secret the fit
     *     created; the library's clients trust its CA
     * @param kmsKeyAlias the alias the KMS emulator must create, when Vault auto-unseals through an emulator
     * @param fullname the chart's fullname for this release (names of the StatefulSet and services)
     */
    record Fitted(Map<String, Object> values, List<Adjustment> adjustments, List<HasMetadata> objects,
            Optional<TlsMaterial> tls, Optional<String> kmsKeyAlias, String fullname) {

        Fitted {
            values = NestedMaps.frozenCopy(values);
            adjustments = List.copyOf(adjustments);
            objects = List.copyOf(objects);
            Objects.requireNonNull(tls, "tls");
            Objects.requireNonNull(kmsKeyAlias, "kmsKeyAlias");
            Objects.requireNonNull(fullname, "fullname");
        }

        /** The CA of generated listener certificates, which the library's clients trust. */
        Optional<String> caCertificatePem() {
            return tls.map(TlsMaterial::caCertificatePem);
        }

        /** The adjustments made at a values path, for example {@code server.affinity}. */
        List<Adjustment> adjustmentsAt(String valuePath) {
            return adjustments.stream().filter(a -> a.valuePath().equals(valuePath)).toList();
        }

        @Override
        public String toString() {
            return "Fitted[fullname=" + fullname + ", adjustments=" + adjustments + ", objects="
                    + objects.stream().map(o -> o.getKind() + "/" + o.getMetadata().getName())
                            .collect(Collectors.joining(", ", "[", "]"))
                    + ", tls=" + tls.isPresent() + ", kmsKeyAlias=" + kmsKeyAlias.orElse("none") + "]";
        }
    }
}
