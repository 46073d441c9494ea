package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.kms.KmsEmulator;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/**
 * The KMS emulator made unreachable by pausing its container: connections are accepted and never answered, as
 * with a black-holed endpoint or a stalled KMS; closing makes it reachable again. Running Vault nodes keep serving
 * with the root key in memory. A node that starts during the outage <em>hangs</em>: Vault 1.21.1 waits on its
 * seal's first KMS call without a timeout, logs nothing, never opens its listener and ignores SIGTERM, so the pod
 * stays up but unready until Kubernetes kills it after its grace period (seen on real processes,
 * {@code KmsOutageRealVaultTest}). For a KMS that <em>refuses</em> instead, where the node exits at once and the
 * pod crash-loops, use {@link NetworkChaos#blockKms()}.
 */
final class KmsOutage extends AbstractDisruption {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(KmsOutage.class);

    private static final Duration PROBE_TIMEOUT = Duration.ofSeconds(3);

    private final KmsEmulator kms;
    private final KmsReachability reachability = new KmsReachability(PROBE_TIMEOUT);
    /** Whether the host endpoint answered before the outage; only then does its silence prove anything. */
    private boolean endpointAnswered;

    private KmsOutage(VaultEnvironment env, ChaosOptions options, KmsEmulator kms) {
        super(env, options, "kms-outage", "kms/" + kms.provider().name().toLowerCase(java.util.Locale.ROOT));
        this.kms = kms;
    }

    static KmsOutage apply(VaultEnvironment env, ChaosOptions options) {
        KmsEmulator kms = env.kms().orElseThrow(() -> new ChaosPreconditionException("This deployment has no KMS"
                + " emulator (it uses Shamir or real AWS KMS), so there is no KMS to take down. Start it with"
                + " SealSpec.awsKms(...)."));
        if (!kms.supportsReachabilityControl()) {
            throw new ChaosPreconditionException("The " + kms.provider() + " KMS emulator at "
                    + kms.endpointForHost() + " cannot be taken down by the library: it runs outside the library, so"
                    + " there is no container to pause. To keep a restarting node from its seal, disable the key with"
                    + " disableKmsKey(); network().blockKms() cuts running pods off (a NetworkPolicy: refused, not"
                    + " hanging) but kube-router lets a restarted pod through for about its first second; or pause"
                    + " the emulator process yourself.");
        }
        KmsOutage outage = new KmsOutage(env, options, kms);
        outage.run();
        return outage;
    }

    private void run() {
        KmsReachability.Answer before = reachability.ask(kms.endpointForHost());
        endpointAnswered = before.answered();
        if (!endpointAnswered) {
            LOG.warn("The KMS endpoint {} did not answer before the outage ({}); the outage is verified by the"
                    + " emulator's own state only", kms.endpointForHost(), before.detail());
        }
        markApplied(now());
        kms.makeUnreachable();
        verifyWithin("the KMS endpoint " + kms.endpointForHost() + " not answering", options.faultTimeout(),
                this::observe, answer -> !answer.answered(), KmsReachability.Answer::detail,
                "The emulator still answers; check that its container can be paused.");
    }

    private KmsReachability.Answer observe() {
        if (kms.isReachable()) {
            return new KmsReachability.Answer(true, "the emulator reports itself reachable");
        }
        return endpointAnswered ? reachability.ask(kms.endpointForHost())
                : new KmsReachability.Answer(false, "the emulator reports itself unreachable (its endpoint "
                        + kms.endpointForHost() + " did not answer before the outage either)");
    }

    @Override
    Optional<Instant> heal() {
        kms.makeReachable();
        try {
            Wait.until("the KMS endpoint to answer again", options.faultTimeout(), options.pollInterval(),
                    () -> endpointAnswered ? reachability.ask(kms.endpointForHost())
                            : new KmsReachability.Answer(kms.isReachable(), "the emulator reports itself "
                                    + (kms.isReachable() ? "reachable" : "unreachable")),
                    KmsReachability.Answer::answered, KmsReachability.Answer::detail);
        } catch (WaitTimeoutException e) {
            throw new VaultTestException("Made the KMS emulator reachable again, but it does not answer: "
                    + e.lastObserved(), e);
        }
        return Optional.of(now());
    }
}
