package dev.vaulttest.kms;

import dev.vaulttest.kms.KmsEmulator.KmsEmulatorSpec;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns a failed LocalStack start into a message that says what to do, in particular for exit code 55. */
final class LocalStackStartFailure {

    /** LocalStack's exit code when it needs an auth token (or the token is refused). */
    static final int AUTH_REQUIRED_EXIT_CODE = 55;
    private static final Pattern EXIT_CODE = Pattern.compile("exited with code (\\d+)");

    private LocalStackStartFailure() {
    }

    static KmsException explain(RuntimeException failure, KmsEmulatorSpec spec) {
        Optional<Integer> exitCode = exitCode(failure);
        if (exitCode.isPresent() && exitCode.get() == AUTH_REQUIRED_EXIT_CODE) {
            String what = spec.authToken().isPresent()
                    ? "LocalStack refused the auth token from " + KmsEmulatorSpec.LOCALSTACK_AUTH_TOKEN
                            + ": check that it is valid and not expired."
                    : "this LocalStack release needs an auth token (releases from March 2026, after 4.14, exit with"
                            + " 55 without one). Set " + KmsEmulatorSpec.LOCALSTACK_AUTH_TOKEN + " in the environment,"
                            + " or use a token-free tag such as the default " + dev.vaulttest.base.Versions.LOCALSTACK_IMAGE
                            + ", or use KmsProvider.LOCAL_KMS.";
            return new KmsException("LocalStack " + spec.image() + " exited with code 55: " + what, failure);
        }
        return new KmsException("LocalStack " + spec.image() + " did not start within " + spec.startupTimeout()
                + exitCode.map(c -> " (container exited with code " + c + ")").orElse("")
                + ". Check the container log above; raise KmsEmulatorSpec.startupTimeout if the image was pulled"
                + " slowly. Cause: " + failure.getMessage(), failure);
    }

    /** Finds Testcontainers' "Container exited with code N" anywhere in the cause chain. */
    static Optional<Integer> exitCode(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t.getMessage() != null) {
                Matcher matcher = EXIT_CODE.matcher(t.getMessage());
                if (matcher.find()) {
                    return Optional.of(Integer.parseInt(matcher.group(1)));
                }
            }
        }
        return Optional.empty();
    }
}
