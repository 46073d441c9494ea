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

    /** How serious a {@link Finding} is, from most to least severe. */
    public enum Severity {
        /** The deployment will lose data or availability in production. */
        ERROR,
        /** The deployment is fragile; fix it unless there is a reason not to. */
        WARNING,
        /** Worth knowing; usually a procedure the team must follow. */
        INFO;

        /**
         * Tells whether this severity is at least as serious as the given threshold.
         *
         * @param threshold the least serious severity that counts
         * @return {@code true} when this severity is {@code threshold} or more serious
         */
        public boolean isAtLeast(Severity threshold) {
            return compareTo(threshold) <= 0;
        }
    }
}
