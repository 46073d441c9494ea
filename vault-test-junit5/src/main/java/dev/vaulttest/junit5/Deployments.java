package dev.vaulttest.junit5;

import dev.vaulttest.EnvironmentFactory;
import dev.vaulttest.VaultEnvironmentSpec;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.cluster.ClusterSpec;
import dev.vaulttest.kms.ExternalKms;
import dev.vaulttest.kms.SealSpec;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Finds or brings up the deployment of the test class a context belongs to: the cluster from the root
 * store (keyed by factory and cluster spec), the deployment from the class store (keyed by its spec, so a
 * {@code @Nested} class with the same spec shares its outer class's deployment). A {@link SharedDeployment}
 * class finds its deployment in the root store instead (keyed by factory and spec), and its class store holds
 * only a lease on it, so JUnit removes the deployment when the run ends rather than after the class.
 */
final class Deployments {

    /** The root-store key of a cluster: which factory opened it, and its spec. */
    private record ClusterKey(Optional<String> factory, ClusterSpec spec) {
    }

    /** The class-store key of a deployment (or of the lease on a shared one). */
    private record DeploymentKey(VaultEnvironmentSpec spec) {
    }

    /** The root-store key of a shared deployment: which factory deployed it, and its spec. */
    private record SharedKey(Optional<String> factory, VaultEnvironmentSpec spec) {
    }

    /**
     * A class's use of a shared deployment. Not closeable, so the end of the class leaves the deployment alone;
     * the root store closes it at the end of the run.
     */
    private record SharedLease(DeploymentResource deployment) {
    }

    /** The root-store key of the environment factory: its class, or the settings the standard one uses. */
    private record FactoryKey(Optional<String> className, Optional<ExternalKms> externalKms,
            Optional<String> kmsImage) {
    }

    private Deployments() {
    }

    /**
     * The deployment of a context's test class, brought up on first use.
     *
     * @param context a class, method or lifecycle context
     * @return the deployment resource (which may hold a bring-up failure)
     */
    static DeploymentResource of(ExtensionContext context) {
        ExtensionContext classContext = Stores.classContext(context).orElseThrow(() -> new VaultTestException(
                "A Vault deployment belongs to a test class, but " + context.getDisplayName() + " has none"));
        Class<?> testClass = classContext.getRequiredTestClass();
        Settings settings = Settings.of(context);
        VaultEnvironmentSpec spec = DeploymentSpecs.of(testClass, settings);
        Object held = Stores.own(classContext).getOrComputeIfAbsent(new DeploymentKey(spec),
                key -> DeploymentSpecs.find(testClass, SharedDeployment.class).isPresent()
                        ? new SharedLease(borrowShared(classContext, testClass, spec, settings))
                        : bringUp(context, testClass, spec, settings, false));
        return resource(held);
    }

    private static DeploymentResource resource(Object held) {
        return held instanceof SharedLease lease ? lease.deployment() : (DeploymentResource) held;
    }

    /**
     * The shared deployment of a spec, brought up by the first class that asks for it and handed over to
     * every later one.
     */
    private static DeploymentResource borrowShared(ExtensionContext classContext, Class<?> testClass,
            VaultEnvironmentSpec spec, Settings settings) {
        // The cluster goes into the root store before the deployment does: JUnit closes the root store's values
        // in reverse order of insertion, so the deployment is removed while its cluster is still there.
        cluster(classContext, spec, settings);
        DeploymentResource shared = Stores.root(classContext).getOrComputeIfAbsent(
                new SharedKey(settings.factoryClass(), spec),
                key -> bringUp(classContext, testClass, spec, settings, true), DeploymentResource.class);
        shared.handOver(testClass.getName(), settings.recoveryTimeout())
                .ifPresent(found -> classContext.publishReportEntry(SharedDeployment.REPORT_ENTRY, found));
        return shared;
    }

    /**
     * The deployment of a context's test class if it was already brought up; never starts one.
     *
     * @param context any context
     * @return the deployment resource, empty when none exists (yet)
     */
    static Optional<DeploymentResource> existing(ExtensionContext context) {
        Optional<ExtensionContext> classContext = Stores.classContext(context);
        if (classContext.isEmpty()) {
            return Optional.empty();
        }
        try {
            Settings settings = Settings.of(context);
            VaultEnvironmentSpec spec = DeploymentSpecs.of(classContext.get().getRequiredTestClass(), settings);
            return Optional.ofNullable(Stores.own(classContext.get()).get(new DeploymentKey(spec)))
                    .map(Deployments::resource);
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    private static DeploymentResource bringUp(ExtensionContext context, Class<?> testClass,
            VaultEnvironmentSpec spec, Settings settings, boolean shared) {
        DeploymentResource deployment = DeploymentResource.start(testClass.getName(), shared, spec,
                factory(context, settings), cluster(context, spec, settings),
                new KeepOnFailure(settings.keepOnFailure(), settings.reportsDir()));
        deployment.environmentIfUp().ifPresent(environment -> RunReportResource.of(context, settings)
                .describeEnvironment(describe(environment.cluster().description(), spec)));
        return deployment;
    }

    private static ClusterResource cluster(ExtensionContext context, VaultEnvironmentSpec spec, Settings settings) {
        EnvironmentFactory factory = factory(context, settings);
        return Stores.root(context).getOrComputeIfAbsent(new ClusterKey(settings.factoryClass(), spec.cluster()),
                key -> ClusterResource.open(factory, spec.cluster()), ClusterResource.class);
    }

    private static EnvironmentFactory factory(ExtensionContext context, Settings settings) {
        FactoryKey factoryKey = settings.factoryClass().isPresent()
                ? new FactoryKey(settings.factoryClass(), Optional.empty(), Optional.empty())
                : new FactoryKey(Optional.empty(), settings.externalKms(), settings.kmsImage());
        return Stores.root(context).getOrComputeIfAbsent(factoryKey,
                key -> settings.factoryClass()
                        .map(name -> Instances.create(VaultTestSettings.ENVIRONMENT_FACTORY, name, EnvironmentFactory.class))
                        .orElseGet(() -> StandardFactory.create(settings)),
                EnvironmentFactory.class);
    }

    static String describe(String cluster, VaultEnvironmentSpec spec) {
        String topology = switch (spec.mode()) {
            case HA_RAFT -> spec.replicas() + " raft nodes";
            case STANDALONE -> "standalone";
            case DEV -> "dev mode";
            case FROM_VALUES -> "topology from values";
        };
        String seal = spec.seal() instanceof SealSpec.Shamir shamir
                ? "Shamir " + shamir.threshold() + "/" + shamir.shares()
                : "awskms (" + ((SealSpec.AwsKms) spec.seal()).provider() + ")";
        return cluster + ", chart " + spec.chart().describe() + ", " + topology + ", " + seal
                + (spec.tls() ? ", TLS" : "");
    }
}
