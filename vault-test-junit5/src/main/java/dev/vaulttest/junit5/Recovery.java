package dev.vaulttest.junit5;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.kms.SealSpec;
import dev.vaulttest.timing.Phase;
import dev.vaulttest.timing.PhaseTimeline.PhaseTiming;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.support.AnnotationSupport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Brings the class's deployment back to health after a {@code @Disruptive} test: the test's resources
 * are closed (chaos healed), Shamir-sealed nodes are unsealed with the keys from init, and the ready gate
 * must hold within the recovery timeout. Otherwise the deployment is rebuilt.
 */
final class Recovery {

    /** The name of the recovery phase in the report. */
    static final Phase PHASE = Phase.RECOVERY;

    /** The report entry that says how the deployment came back. */
    static final String REPORT_ENTRY = "vault-test.recovery";

    private static final Logger LOG = LoggerFactory.getLogger(Recovery.class);

    private Recovery() {
    }

    /** {@code @Disruptive(rebuild = true)} on the test method or, failing that, on its class. */
    private static boolean rebuildsByDesign(ExtensionContext context) {
        Optional<Disruptive> onMethod = context.getTestMethod()
                .flatMap(method -> AnnotationSupport.findAnnotation(method, Disruptive.class));
        Optional<Disruptive> found = onMethod.isPresent() ? onMethod
                : context.getTestClass().flatMap(type -> AnnotationSupport.findAnnotation(type, Disruptive.class));
        return found.map(Disruptive::rebuild).orElse(false);
    }

    /**
     * Recovers or rebuilds the deployment after a disruptive test.
     *
     * @param context the test's context
     * @throws Exception when the test's resources failed to close, or the deployment could not be rebuilt
     */
    static void afterDisruptiveTest(ExtensionContext context) throws Exception {
        Optional<DeploymentResource> found = Deployments.existing(context);
        if (found.isEmpty() || found.get().environmentIfUp().isEmpty()) {
            return;
        }
        DeploymentResource deployment = found.get();
        Exception healFailure = null;
        ContextResources resources = Stores.own(context).get(ContextResources.class, ContextResources.class);
        if (resources != null) {
            try {
                resources.close();
            } catch (Exception e) {
                healFailure = e;
            }
        }
        Duration timeout = Settings.of(context).recoveryTimeout();
        boolean keepBroken = Settings.of(context).keepOnFailure() && context.getExecutionException().isPresent();
        VaultEnvironment environment = deployment.environment();
        Clock clock = Clock.systemUTC();
        Instant start = clock.instant();
        if (rebuildsByDesign(context)) {
            try {
                deployment.rebuild(keepBroken);
            } catch (RuntimeException rebuildFailure) {
                if (healFailure != null) {
                    rebuildFailure.addSuppressed(healFailure);
                }
                throw rebuildFailure;
            }
            context.publishReportEntry(REPORT_ENTRY, "rebuilt: the test destroys its deployment by design"
                    + " (@Disruptive(rebuild = true)); the rebuild took " + Duration.between(start, clock.instant()));
            if (healFailure != null) {
                throw healFailure;
            }
            return;
        }
        try {
            if (environment.spec().seal() instanceof SealSpec.Shamir) {
                environment.unsealAll(timeout);
            }
            environment.awaitReady(timeout);
            Duration took = Duration.between(start, clock.instant());
            deployment.addPhase(new PhaseTiming(PHASE, start, took));
            context.publishReportEntry(REPORT_ENTRY, "ready again after " + took);
        } catch (RuntimeException notRecovered) {
            Duration checked = Duration.between(start, clock.instant());
            deployment.addPhase(new PhaseTiming(PHASE, start, checked));
            LOG.warn("The Vault deployment of {} did not recover within {} after the @Disruptive test {}; it is"
                    + " rebuilt: {}", deployment.owner(), timeout, context.getDisplayName(),
                    FailureHandling.summary(notRecovered));
            Instant rebuildStart = clock.instant();
            try {
                deployment.rebuild(keepBroken);
            } catch (RuntimeException rebuildFailure) {
                rebuildFailure.addSuppressed(notRecovered);
                if (healFailure != null) {
                    rebuildFailure.addSuppressed(healFailure);
                }
                throw rebuildFailure;
            }
            context.publishReportEntry(REPORT_ENTRY, "rebuilt: not ready within " + timeout + " ("
                    + FailureHandling.summary(notRecovered) + "); the rebuild took "
                    + Duration.between(rebuildStart, clock.instant()));
        }
        if (healFailure != null) {
            throw healFailure;
        }
    }
}
