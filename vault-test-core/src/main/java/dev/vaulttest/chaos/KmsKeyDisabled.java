package dev.vaulttest.chaos;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.base.WaitTimeoutException;
import dev.vaulttest.internal.Wait;
import dev.vaulttest.kms.KmsEmulator;
import java.time.Instant;
import java.util.Optional;

/**
 * The seal's KMS key disabled in the emulator: KMS refuses Encrypt and Decrypt with it, so a Vault node that
 * starts cannot unseal, while running nodes keep serving. Closing enables the key again.
 */
final class KmsKeyDisabled extends AbstractDisruption {

    private final KmsEmulator kms;
    private final String keyId;

    private KmsKeyDisabled(VaultEnvironment env, ChaosOptions options, KmsEmulator kms, String keyId) {
        super(env, options, "kms-key-disabled", "kms-key/" + keyId);
        this.kms = kms;
        this.keyId = keyId;
    }

    static KmsKeyDisabled apply(VaultEnvironment env, ChaosOptions options, Optional<String> keyIdOrAlias) {
        KmsEmulator kms = env.kms().orElseThrow(() -> new ChaosPreconditionException("This deployment has no KMS"
                + " emulator (it uses Shamir or real AWS KMS), so there is no key to disable."));
        if (!kms.supportsKeyDisable()) {
            throw new ChaosPreconditionException("The " + kms.provider() + " emulator cannot disable keys; use"
                    + " a KMS outage (Chaos.kmsOutage()) instead.");
        }
        String key = keyIdOrAlias.or(() -> new KmsKeyLocator(new ReleaseObjects(env)).sealKey())
                .orElseThrow(() -> new ChaosPreconditionException("Could not find the seal's KMS key: neither "
                        + KmsKeyLocator.KEY_ENV + " on the Vault container nor kms_key_id in an awskms seal stanza of"
                        + " the release's ConfigMaps. Name the key: Chaos.disableKmsKey(\"alias/...\")."));
        String keyId = key.startsWith("alias/") ? kms.createKeyWithAlias(key) : key;
        KmsKeyDisabled disabled = new KmsKeyDisabled(env, options, kms, keyId);
        disabled.run();
        return disabled;
    }

    private void run() {
        markApplied(now());
        kms.disableKey(keyId);
        verifyWithin("key " + keyId + " in state Disabled", options.faultTimeout(), () -> kms.keyState(keyId),
                "Disabled"::equals, state -> "key state " + state, "The emulator did not disable the key.");
    }

    @Override
    Optional<Instant> heal() {
        kms.enableKey(keyId);
        try {
            Wait.until("KMS key " + keyId + " enabled again", options.faultTimeout(), options.pollInterval(),
                    () -> kms.keyState(keyId), "Enabled"::equals, state -> "key state " + state);
        } catch (WaitTimeoutException e) {
            throw new VaultTestException("Enabled KMS key " + keyId + " again, but the emulator reports "
                    + e.lastObserved(), e);
        }
        return Optional.of(now());
    }
}
