package dev.vaulttest.kms;

import java.util.Objects;

/**
 * An AWS access key pair. Never printed: {@link #toString()} shows only the first characters of the key id.
 *
 * @param accessKeyId the access key id
 * @param secretAccessKey the secret access key
 */
public record AwsCredentials(String accessKeyId, String secretAccessKey) {

    /**
     * Validates.
     *
     * @param accessKeyId the access key id
     * @param secretAccessKey the secret access key
     */
    public AwsCredentials {
        Objects.requireNonNull(accessKeyId, "accessKeyId");
        Objects.requireNonNull(secretAccessKey, "secretAccessKey");
    }

    /**
     * The dummy pair the emulators accept ({@code test}/{@code test}; LocalStack maps it to account 000000000000).
     *
     * @return the emulator credentials
     */
    public static AwsCredentials emulatorDefaults() {
        return new AwsCredentials("test", "test");
    }

    @Override
    public String toString() {
        String prefix = accessKeyId.length() > 4 ? accessKeyId.substring(0, 4) : "";
        return "AwsCredentials[accessKeyId=" + prefix + "****, secretAccessKey=****]";
    }
}
