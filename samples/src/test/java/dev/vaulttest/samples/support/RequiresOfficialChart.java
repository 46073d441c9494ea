package dev.vaulttest.samples.support;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Skips the annotated class or method, with a reason that says how to pre-seed the chart cache, when the official
 * {@code vault} chart is neither cached nor downloadable. The check runs once per test run and takes a few seconds
 * at most. With {@code -D}{@value OfficialChartCondition#REQUIRED_PROPERTY}{@code =true} the tests fail instead,
 * for CI jobs that must not skip them.
 */
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(OfficialChartCondition.class)
public @interface RequiresOfficialChart {
}
