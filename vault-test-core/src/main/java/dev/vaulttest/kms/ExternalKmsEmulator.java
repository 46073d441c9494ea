package dev.vaulttest.kms;

import dev.vaulttest.kms.KmsEmulator.AwsCredentials;
import java.net.URI;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * An emulator that runs already ({@link KmsProvider#EXTERNAL}), driven through its KMS API: keys, aliases and key
 * states work as with the emulators the library starts. Its reachability cannot be controlled, because there is no
 * container to pause; {@link #close()} only ends this handle, the emulator and its keys stay.
 */
final class ExternalKmsEmulator implements KmsEmulator {

    private static final Logger LOG = LoggerFactory.getLogger(ExternalKmsEmulator.class);

    private final ExternalKms kms;
    private final String region;
    private final KmsApiClient api;
    private volatile boolean closed;

    private ExternalKmsEmulator(ExternalKms kms, String region, KmsApiClient api) {
        this.kms = kms;
        this.region = region;
        this.api = api;
    }

    /**
     * Connects to the emulator and checks that it answers a KMS call (ListAliases) with the given credentials.
     *
     * @param kms where it runs
     * @param sealRegion the region Vault's seal uses; the emulator's own region wins when it names one
     * @return the handle
     * @throws KmsException when it does not answer, or answers the call with an error
     */
    static ExternalKmsEmulator connect(ExternalKms kms, String sealRegion) {
        String region = kms.region().orElse(sealRegion);
        ExternalKmsEmulator emulator = new ExternalKmsEmulator(kms, region,
                new KmsApiClient(kms.endpointForHost(), region, kms.credentials()));
        try {
            int aliases = emulator.api.listAliases().size();
            LOG.debug("External KMS emulator at {} answers ({} alias(es) in {}); pods reach it at {}",
                    kms.endpointForHost(), aliases, region, kms.endpointForPods());
        } catch (KmsException e) {
            throw new KmsException("The external KMS emulator does not answer a KMS call at " + kms.endpointForHost()
                    + " (its endpoint for this JVM): " + e.getMessage() + ". The library does not start an external"
                    + " emulator: start it first, and check the URL, that this machine reaches it and that it"
                    + " accepts the credentials.", e);
        }
        return emulator;
    }

    @Override
    public KmsProvider provider() {
        return KmsProvider.EXTERNAL;
    }

    @Override
    public URI endpointForPods() {
        return kms.endpointForPods();
    }

    @Override
    public URI endpointForHost() {
        return kms.endpointForHost();
    }

    @Override
    public String region() {
        return region;
    }

    @Override
    public AwsCredentials credentials() {
        return kms.credentials();
    }

    @Override
    public String createKeyWithAlias(String alias) {
        requireOpen();
        return api.ensureKeyWithAlias(alias);
    }

    @Override
    public String keyState(String keyIdOrAlias) {
        requireOpen();
        return api.keyState(keyIdOrAlias);
    }

    @Override
    public boolean supportsReachabilityControl() {
        return false;
    }

    /**
     * Always refused: the emulator is not the library's to pause.
     *
     * @throws UnsupportedOperationException always, saying why and what to use instead
     */
    @Override
    public void makeUnreachable() {
        throw new UnsupportedOperationException(unreachableRefusal());
    }

    /**
     * Always refused, like {@link #makeUnreachable()}.
     *
     * @throws UnsupportedOperationException always
     */
    @Override
    public void makeReachable() {
        throw new UnsupportedOperationException(unreachableRefusal());
    }

    /**
     * Why the emulator cannot be made unreachable, and what to do instead.
     *
     * @return the explanation
     */
    String unreachableRefusal() {
        return "The external KMS emulator at " + kms.endpointForHost() + " cannot be made unreachable by the"
                + " library: it runs outside the library (KmsProvider.EXTERNAL), so there is no container to pause."
                + " Disable the seal key with Chaos.disableKmsKey(), cut running pods off with"
                + " Chaos.network().blockKms() (a NetworkPolicy), or stop the emulator yourself.";
    }

    @Override
    public boolean isReachable() {
        return !closed;
    }

    @Override
    public boolean supportsKeyDisable() {
        return true;
    }

    @Override
    public void disableKey(String keyId) {
        requireOpen();
        api.disableKey(keyId);
        LOG.debug("Disabled KMS key {} in the external emulator at {}", keyId, kms.endpointForHost());
    }

    @Override
    public void enableKey(String keyId) {
        requireOpen();
        api.enableKey(keyId);
        LOG.debug("Enabled KMS key {} in the external emulator at {}", keyId, kms.endpointForHost());
    }

    /** Ends this handle; the emulator keeps running with its keys. Idempotent. */
    @Override
    public void close() {
        closed = true;
    }

    private void requireOpen() {
        if (closed) {
            throw new KmsException("The handle to the external KMS emulator at " + kms.endpointForHost() + " is"
                    + " closed (the emulator itself keeps running).");
        }
    }

    @Override
    public String toString() {
        return "EXTERNAL emulator[pods=" + kms.endpointForPods() + ", host=" + kms.endpointForHost() + ", region="
                + region + (closed ? ", closed" : "") + "]";
    }
}
