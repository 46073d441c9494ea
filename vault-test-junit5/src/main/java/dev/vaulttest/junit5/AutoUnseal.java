package dev.vaulttest.junit5;

import dev.vaulttest.kms.KmsProvider;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Seals the class's deployment with {@code awskms} auto-unseal. With an emulated KMS the library runs
 * the emulator in Docker on the cluster's network, creates the key the values' seal stanza names, and
 * points Vault at it; the emulator can then be injected as a {@code KmsEmulator} parameter. Not
 * together with {@link Shamir}.
 *
 * <p>On a cluster whose pods cannot reach a container on this machine (an existing cluster), run an emulator
 * where they can and set {@link VaultTestSettings#KMS_ENDPOINT}: every emulated KMS is then that external
 * emulator ({@code KmsProvider.EXTERNAL}), and no Docker is needed for it.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface AutoUnseal {

    /**
     * Which KMS answers Vault's {@code awskms} seal.
     *
     * @return the provider; LocalStack by default; {@code EXTERNAL} needs {@link VaultTestSettings#KMS_ENDPOINT}
     */
    KmsProvider kms() default KmsProvider.LOCALSTACK;

    /**
     * The AWS region. Empty means the region of the values' seal stanza, else {@code us-east-1}.
     *
     * @return the region, or empty
     */
    String region() default "";
}
