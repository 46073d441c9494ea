package dev.vaulttest.internal;

import java.time.Duration;

/** Renders durations for humans: {@code 850ms}, {@code 12.3s}, {@code 2m05s}, {@code 26h03m}. */
public final class Durations {

    private Durations() {
    }

    /**
     * Formats a duration compactly.
     *
     * @param duration a non-negative duration
     * @return the formatted duration
     */
    public static String format(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 1_000) {
            return millis + "ms";
        }
        if (millis < 60_000) {
            return String.format(java.util.Locale.ROOT, "%.1fs", millis / 1000.0);
        }
        long minutes = duration.toMinutes();
        if (minutes < 60) {
            return String.format(java.util.Locale.ROOT, "%dm%02ds", minutes, duration.minusMinutes(minutes).toSeconds());
        }
        long hours = duration.toHours();
        return String.format(java.util.Locale.ROOT, "%dh%02dm", hours, duration.minusHours(hours).toMinutes());
    }
}
