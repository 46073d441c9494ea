package dev.vaulttest.junit5;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.extension.ConditionEvaluationResult;
import org.junit.jupiter.api.extension.ExecutionCondition;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Marks a fixture class: it runs only inside {@link EngineRuns} (which sets {@value #ENABLED}), and is
 * disabled anywhere else, for example when an IDE runs every class of the package.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@ExtendWith(Fixture.OnlyInEngineRuns.class)
public @interface Fixture {

    /** The configuration parameter EngineRuns sets. */
    String ENABLED = "dev.vaulttest.junit5.fixtures";

    /** Enables fixtures only inside EngineRuns. */
    final class OnlyInEngineRuns implements ExecutionCondition {

        @Override
        public ConditionEvaluationResult evaluateExecutionCondition(
                org.junit.jupiter.api.extension.ExtensionContext context) {
            return context.getConfigurationParameter(ENABLED).filter("true"::equals).isPresent()
                    ? ConditionEvaluationResult.enabled("inside EngineRuns")
                    : ConditionEvaluationResult.disabled("fixture class: runs only through EngineRuns");
        }
    }
}
