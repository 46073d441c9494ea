package dev.vaulttest.check;

import java.util.Objects;

/**
 * One production-readiness problem found in a deployment.
 *
 * @param rule the stable rule id, for example {@code DEV_MODE}; ids are part of the API
 * @param severity how serious the problem is
 * @param resource the object it is about, as {@code Kind/name}, for example {@code StatefulSet/vault}
 * @param message what is wrong in this deployment
 * @param remediation what to change to fix it
 */
public record Finding(String rule, Severity severity, String resource, String message, String remediation) {

    /**
     * Validates that every component is present.
     *
     * @param rule the stable rule id
     * @param severity how serious the problem is
     * @param resource the object it is about, as {@code Kind/name}
     * @param message what is wrong in this deployment
     * @param remediation what to change to fix it
     */
    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(resource, "resource");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(remediation, "remediation");
    }
}
