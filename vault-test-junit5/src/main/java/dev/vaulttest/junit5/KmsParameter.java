package dev.vaulttest.junit5;

import dev.vaulttest.kms.KmsEmulator;
import dev.vaulttest.kms.SealSpec;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;

/** {@code KmsEmulator}: the emulator that auto-unseals the deployment; fails clearly without one. */
final class KmsParameter implements Injectable {

    @Override
    public String describe() {
        return "KmsEmulator (with @AutoUnseal and an emulated KMS only)";
    }

    @Override
    public boolean handles(ParameterContext parameter) {
        return InjectableTypes.isExactly(parameter, KmsEmulator.class);
    }

    @Override
    public Object resolve(ParameterContext parameter, InjectionScope scope) {
        Qualifiers.rejectQualifiers(parameter, "KmsEmulator");
        return scope.environment().kms().orElseThrow(() -> {
            SealSpec seal = scope.environment().spec().seal();
            String why = seal instanceof SealSpec.AwsKms kms
                    ? "its seal uses " + kms.provider() + ", which is not emulated"
                    : "it is sealed with Shamir keys";
            return new ParameterResolutionException(Qualifiers.describe(parameter)
                    + " asks for the KMS emulator, but the deployment has none: " + why
                    + ". Annotate the class with @AutoUnseal(kms = KmsProvider.LOCALSTACK), LOCAL_KMS or EXTERNAL");
        });
    }
}
