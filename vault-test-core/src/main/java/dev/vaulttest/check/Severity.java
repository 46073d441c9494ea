package dev.vaulttest.check;

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
