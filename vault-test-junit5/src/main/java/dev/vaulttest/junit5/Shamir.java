package dev.vaulttest.junit5;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Seals the class's deployment with Shamir unseal keys (the default seal, with 3 shares and threshold
 * 2). The library keeps the keys from init and unseals restarted nodes after {@link Disruptive} tests.
 * Not together with {@link AutoUnseal}.
 */
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
public @interface Shamir {

    /**
     * The number of key shares, 1 to 255.
     *
     * @return the shares
     */
    int shares() default 3;

    /**
     * The number of shares that unseal: 1 only with 1 share, otherwise 2 up to the shares.
     *
     * @return the threshold
     */
    int threshold() default 2;
}
