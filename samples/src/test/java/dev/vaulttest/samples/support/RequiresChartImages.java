package dev.vaulttest.samples.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the annotated class or method, saying why, when {@code vaulttest.vault.image} replaces the chart's own Vault
 * images: for samples that assert those images, such as an upgrade from one chart release's image to the next.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(ChartImagesCondition.class)
public @interface RequiresChartImages {
}
