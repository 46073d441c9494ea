package dev.vaulttest.junit5;

import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.base.Versions;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.chart.ChartValues;
import dev.vaulttest.chart.InvalidChartSourceException;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.cluster.ExistingClusterSpec;
import dev.vaulttest.cluster.K3sClusterSpec;
import dev.vaulttest.kms.KmsProvider;
import dev.vaulttest.kms.SealSpec;
import java.lang.annotation.Annotation;
import java.lang.reflect.Modifier;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Turns a test class's annotations and the run's settings into the {@link VaultEnvironmentSpec} core
 * understands: the only place where annotations are read. Precedence: an annotation attribute that is
 * set, then a {@code vaulttest.*} setting, then the library's default.
 */
final class DeploymentSpecs {

    private DeploymentSpecs() {
    }

    /**
     * The spec of a test class.
     *
     * @param testClass the test class; for a {@code @Nested} class the enclosing classes are searched too
     * @param settings the run's settings
     * @return the spec
     * @throws VaultTestConfigurationException naming the annotation, attribute and value that cannot be used
     */
    static VaultEnvironmentSpec of(Class<?> testClass, Settings settings) {
        Optional<VaultDeployment> deployment = find(testClass, VaultDeployment.class);
        VaultEnvironmentSpec.Builder builder = VaultEnvironmentSpec.builder()
                .cluster(cluster(testClass, settings))
                .chart(chart(testClass, deployment, settings))
                .values(values(testClass, deployment, settings))
                .seal(seal(testClass, settings))
                .tls(find(testClass, VaultTls.class).isPresent());
        deployment.ifPresent(d -> {
            if (d.replicas() < 1) {
                throw invalid(testClass, "@VaultDeployment(replicas = " + d.replicas() + ")",
                        "a deployment needs at least 1 replica");
            }
            builder.replicas(d.replicas()).mode(d.mode()).injector(d.injector());
            if (!d.namespace().isBlank()) {
                builder.namespace(d.namespace().strip());
            }
        });
        return builder.build();
    }

    /**
     * Tells whether bringing up the class's deployment needs Docker: k3s does, and so does a KMS emulator the
     * library starts (an external one does not).
     *
     * @param spec the class's spec
     * @return {@code true} when Docker is needed
     */
    static boolean needsDocker(VaultEnvironmentSpec spec) {
        boolean kmsContainer = spec.seal() instanceof SealSpec.AwsKms kms && kms.provider().isStartedByLibrary();
        return spec.cluster() instanceof K3sClusterSpec || kmsContainer;
    }

    /**
     * Tells whether a class has a deployment at all (through {@link VaultDeployment} or a composed
     * annotation that brings the extension, such as {@code @VaultTest}).
     *
     * @param testClass the test class
     * @return {@code true} when a deployment annotation is present
     */
    static boolean declaresDeployment(Class<?> testClass) {
        return find(testClass, VaultDeployment.class).isPresent()
                || find(testClass, VaultTest.class).isPresent();
    }

    static <A extends Annotation> Optional<A> find(Class<?> testClass, Class<A> type) {
        for (Class<?> current = testClass; current != null; current = enclosingOfInner(current)) {
            Optional<A> found = AnnotationSupport.findAnnotation(current, type);
            if (found.isPresent()) {
                return found;
            }
        }
        return Optional.empty();
    }

    private static Class<?> enclosingOfInner(Class<?> type) {
        return type.isMemberClass() && !Modifier.isStatic(type.getModifiers()) ? type.getEnclosingClass() : null;
    }

    private static ClusterSpec cluster(Class<?> testClass, Settings settings) {
        Optional<K3sCluster> k3s = find(testClass, K3sCluster.class);
        Optional<ExistingCluster> existing = find(testClass, ExistingCluster.class);
        if (k3s.isPresent() && existing.isPresent()) {
            throw invalid(testClass, "@K3sCluster and @ExistingCluster", "choose one cluster");
        }
        if (existing.isPresent()) {
            return existingCluster(testClass, existing.get(), settings);
        }
        if (k3s.isEmpty() && settings.kubeconfig().isPresent()) {
            return existingCluster(settings.kubeconfig().get(), settings.context(), settings);
        }
        String image = k3s.map(K3sCluster::image).filter(value -> !value.isBlank()).map(String::strip)
                .or(settings::k3sImage).orElse(Versions.K3S_IMAGE);
        // The images the library starts in the cluster, as configured: preloaded when the host's Docker has them.
        List<String> preload = List.of(settings.vaultImage().orElse(Versions.VAULT_IMAGE),
                settings.canaryImage().orElse(Versions.CANARY_IMAGE));
        try {
            return K3sClusterSpec.builder().image(image).preloadImages(preload)
                    .registryMirrors(settings.registryMirrors()).build();
        } catch (IllegalArgumentException e) {
            throw new VaultTestConfigurationException(VaultTestSettings.K3S_REGISTRY_MIRRORS + ": " + e.getMessage());
        }
    }

    private static ClusterSpec existingCluster(Class<?> testClass, ExistingCluster annotation, Settings settings) {
        Path kubeconfig;
        if (!annotation.kubeconfig().isBlank()) {
            kubeconfig = Path.of(annotation.kubeconfig().strip());
            if (!Files.isRegularFile(kubeconfig)) {
                throw invalid(testClass, "@ExistingCluster(kubeconfig = \"" + annotation.kubeconfig() + "\")",
                        "no such file (resolved to " + kubeconfig.toAbsolutePath() + ")");
            }
        } else {
            kubeconfig = settings.kubeconfig().orElseGet(DeploymentSpecs::defaultKubeconfig);
            if (!Files.isRegularFile(kubeconfig)) {
                throw invalid(testClass, "@ExistingCluster", "no kubeconfig: set kubeconfig, " + VaultTestSettings.KUBECONFIG
                        + " or KUBECONFIG, or create " + kubeconfig);
            }
        }
        Optional<String> context = Optional.of(annotation.context().strip()).filter(value -> !value.isEmpty())
                .or(settings::context);
        return existingCluster(kubeconfig, context, settings);
    }

    private static ExistingClusterSpec existingCluster(Path kubeconfig, Optional<String> context, Settings settings) {
        ExistingClusterSpec spec = ExistingClusterSpec.of(kubeconfig);
        spec = settings.reapAfter().map(spec::withReapAfter).orElseGet(spec::withoutReaping);
        return context.map(spec::withContext).orElse(spec);
    }

    private static Path defaultKubeconfig() {
        String fromEnvironment = System.getenv("KUBECONFIG");
        if (fromEnvironment != null && !fromEnvironment.isBlank()) {
            return Path.of(fromEnvironment.split(java.io.File.pathSeparator)[0]);
        }
        return Path.of(System.getProperty("user.home"), ".kube", "config");
    }

    private static ChartSource chart(Class<?> testClass, Optional<VaultDeployment> deployment, Settings settings) {
        String version = deployment.map(VaultDeployment::chartVersion).orElse("").strip();
        String path = deployment.map(VaultDeployment::chartPath).orElse("").strip();
        if (!version.isEmpty() && !path.isEmpty()) {
            throw invalid(testClass, "@VaultDeployment(chartVersion = \"" + version + "\", chartPath = \"" + path + "\")",
                    "give a chart version or a chart path, not both");
        }
        if (!path.isEmpty()) {
            Path chart = ClasspathOrFile.resolve(testClass, path, "@VaultDeployment(chartPath)");
            try {
                return Files.isDirectory(chart) ? ChartSource.directory(chart) : ChartSource.archive(chart);
            } catch (InvalidChartSourceException e) {
                throw invalid(testClass, "@VaultDeployment(chartPath = \"" + path + "\")", e.getMessage(), e);
            }
        }
        if (!version.isEmpty()) {
            return officialChart(version, "@VaultDeployment(chartVersion = \"" + version + "\") on " + testClass.getName());
        }
        return settings.chartVersion().map(v -> officialChart(v, VaultTestSettings.CHART_VERSION + "=" + v))
                .orElseGet(ChartSource::official);
    }

    private static ChartSource officialChart(String version, String origin) {
        try {
            return ChartSource.official(version);
        } catch (InvalidChartSourceException e) {
            throw new VaultTestConfigurationException(origin + " is not usable: " + e.getMessage(), e);
        }
    }

    private static ChartValues values(Class<?> testClass, Optional<VaultDeployment> deployment, Settings settings) {
        ChartValues.Builder values = ChartValues.builder();
        deployment.ifPresent(d -> {
            for (String file : d.values()) {
                values.file(ClasspathOrFile.resolve(testClass, file.strip(), "@VaultDeployment(values)"));
            }
            for (String set : d.set()) {
                if (set.isBlank()) {
                    throw invalid(testClass, "@VaultDeployment(set = \"\")", "an override needs the form key=value");
                }
                values.set(set.strip());
            }
        });
        settings.vaultImage().ifPresent(image -> {
            VaultImage parsed = VaultImage.parse(VaultTestSettings.VAULT_IMAGE, image);
            values.setString("server.image.repository=" + parsed.repository())
                    .setString("server.image.tag=" + parsed.tag());
        });
        return values.build();
    }

    /**
     * The seal. With {@value VaultTestSettings#KMS_ENDPOINT} set, an emulated KMS is the external emulator there
     * instead of a container; {@code EXTERNAL} without it is an error unless a factory of the test's own (which
     * wires its own KMS starter) is configured.
     */
    private static SealSpec seal(Class<?> testClass, Settings settings) {
        Optional<Shamir> shamir = find(testClass, Shamir.class);
        Optional<AutoUnseal> autoUnseal = find(testClass, AutoUnseal.class);
        if (shamir.isPresent() && autoUnseal.isPresent()) {
            throw invalid(testClass, "@Shamir and @AutoUnseal", "choose one seal");
        }
        if (shamir.isPresent()) {
            try {
                return SealSpec.shamir(shamir.get().shares(), shamir.get().threshold());
            } catch (IllegalArgumentException e) {
                throw invalid(testClass, "@Shamir(shares = " + shamir.get().shares() + ", threshold = "
                        + shamir.get().threshold() + ")", e.getMessage(), e);
            }
        }
        return autoUnseal.<SealSpec>map(a -> {
            KmsProvider provider = a.kms().isEmulated() && settings.externalKms().isPresent()
                    ? KmsProvider.EXTERNAL : a.kms();
            if (provider == KmsProvider.EXTERNAL && settings.externalKms().isEmpty()
                    && settings.factoryClass().isEmpty()) {
                throw invalid(testClass, "@AutoUnseal(kms = EXTERNAL)", "the emulator runs already, but "
                        + VaultTestSettings.KMS_ENDPOINT + " does not say where: set it to the URL Vault pods reach"
                        + " it at, for example -D" + VaultTestSettings.KMS_ENDPOINT + "=http://10.0.0.5:8080");
            }
            SealSpec.AwsKms kms = SealSpec.awsKms(provider);
            return a.region().isBlank() ? kms : kms.inRegion(a.region().strip());
        }).orElseGet(SealSpec::defaults);
    }

    static VaultTestConfigurationException invalid(Class<?> testClass, String what, String problem) {
        return new VaultTestConfigurationException(what + " on " + testClass.getName() + ": " + problem);
    }

    static VaultTestConfigurationException invalid(Class<?> testClass, String what, String problem, Throwable cause) {
        return new VaultTestConfigurationException(what + " on " + testClass.getName() + ": " + problem, cause);
    }
}
