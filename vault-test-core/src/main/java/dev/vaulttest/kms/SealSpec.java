package dev.vaulttest.kms;

import java.util.Objects;
import java.util.Optional;

/**
 * How the Vault deployment under test is sealed: {@link Shamir} unseal keys, or {@link AwsKms} auto-unseal.
 *
 * <p>The default is {@code Shamir(3, 2)}: a threshold above one makes every unseal go through Vault's partial
 * progress state (which a 1-of-1 key never exercises), while staying cheap; {@code Shamir(1, 1)} is there for
 * the fastest runs. Production-like 5/3 adds calls without adding coverage.
 */
public sealed interface SealSpec permits SealSpec.Shamir, SealSpec.AwsKms {

    /**
     * The library's default: {@code Shamir(3, 2)}.
     *
     * @return the default seal
     */
    static SealSpec defaults() {
        return new Shamir(3, 2);
    }

    /**
     * Shamir unseal keys.
     *
     * @param shares the number of key shares
     * @param threshold the number of shares that unseal
     * @return the seal spec
     */
    static Shamir shamir(int shares, int threshold) {
        return new Shamir(shares, threshold);
    }

    /**
     * {@code awskms} auto-unseal against a provider, with the region taken from the values' seal stanza (or
     * {@code us-east-1}) and 3 recovery shares, threshold 2.
     *
     * @param provider the KMS to use
     * @return the seal spec
     */
    static AwsKms awsKms(KmsProvider provider) {
        return new AwsKms(provider, Optional.empty(), 3, 2);
    }

    /**
     * Shamir seal: {@code vault operator init} returns unseal keys and every started node needs
     * {@code threshold} of them.
     *
     * @param shares key shares, 1 to 255
     * @param threshold shares needed; 1 only when shares is 1, otherwise 2 to shares (Vault's rule)
     */
    record Shamir(int shares, int threshold) implements SealSpec {

        /**
         * Validates against Vault's rules for {@code secret_shares} and {@code secret_threshold}.
         *
         * @param shares key shares, 1 to 255
         * @param threshold shares needed; 1 only when shares is 1, otherwise 2 to shares (Vault's rule)
         */
        public Shamir {
            validateShares("shares", shares, "threshold", threshold);
        }
    }

    /**
     * {@code awskms} auto-unseal: nodes unseal themselves through KMS; init returns recovery keys.
     *
     * @param provider which KMS
     * @param region the region; empty to use the values' seal stanza region, else {@code us-east-1}
     * @param recoveryShares recovery key shares, 1 to 255
     * @param recoveryThreshold recovery shares needed; same rule as Shamir
     */
    record AwsKms(KmsProvider provider, Optional<String> region, int recoveryShares, int recoveryThreshold)
            implements SealSpec {

        /**
         * Validates.
         *
         * @param provider which KMS
         * @param region the region; empty to use the values' seal stanza region, else {@code us-east-1}
         * @param recoveryShares recovery key shares, 1 to 255
         * @param recoveryThreshold recovery shares needed; same rule as Shamir
         */
        public AwsKms {
            Objects.requireNonNull(provider, "provider");
            Objects.requireNonNull(region, "region");
            validateShares("recoveryShares", recoveryShares, "recoveryThreshold", recoveryThreshold);
        }

        /**
         * The same seal in another region.
         *
         * @param newRegion the AWS region, for example {@code eu-west-1}
         * @return a new spec
         */
        public AwsKms inRegion(String newRegion) {
            return new AwsKms(provider, Optional.of(newRegion), recoveryShares, recoveryThreshold);
        }

        /**
         * The same seal with other recovery key settings.
         *
         * @param shares recovery shares
         * @param threshold recovery threshold
         * @return a new spec
         */
        public AwsKms withRecovery(int shares, int threshold) {
            return new AwsKms(provider, region, shares, threshold);
        }
    }

    private static void validateShares(String sharesName, int shares, String thresholdName, int threshold) {
        boolean valid = shares >= 1 && shares <= 255 && threshold >= 1 && threshold <= shares
                && (shares == 1 || threshold >= 2);
        if (!valid) {
            throw new IllegalArgumentException(sharesName + "=" + shares + ", " + thresholdName + "=" + threshold
                    + " is not accepted by Vault: use 1 of 1, or a threshold from 2 up to the shares (at most 255).");
        }
    }
}
