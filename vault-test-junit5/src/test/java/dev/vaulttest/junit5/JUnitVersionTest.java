package dev.vaulttest.junit5;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.engine.JupiterTestEngine;

/**
 * Proves which JUnit the extension tests ran on: the build runs this module's tests twice, on JUnit 5
 * ({@code vault-test-junit5}) and on JUnit 6 ({@code vault-test-junit5-on-junit6}), each telling the
 * expected major version through the system property {@value #EXPECTED}.
 */
class JUnitVersionTest {

    static final String EXPECTED = "junit.expected.major";

    @Test
    void theTestsRunOnTheJUnitThisBuildAsksFor() {
        String expected = System.getProperty(EXPECTED);
        assumeTrue(expected != null, EXPECTED + " is set by the Maven build only");

        for (Class<?> junitType : new Class<?>[] {ExtensionContext.class, JupiterTestEngine.class}) {
            assertThat(junitType.getPackage().getImplementationVersion()).as(junitType.getName())
                    .startsWith(expected + ".");
        }
    }
}
