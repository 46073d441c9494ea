package dev.vaulttest.internal.report;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Human formats for durations and instants, independent of the machine's locale and time zone. */
final class Format {

    private static final DateTimeFormatter DATE_TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss.SSS'Z'", Locale.ROOT).withZone(ZoneOffset.UTC);

    private Format() {
    }

    /** Formats an instant as {@code 2025-06-01 02:00:00Z}. */
    static String dateTime(Instant instant) {
        return DATE_TIME.format(instant);
    }

    /** Formats an instant as {@code 02:00:00.125Z}. */
    static String time(Instant instant) {
        return TIME.format(instant);
    }

    /** Formats a duration for people: {@code 0.250 s}, {@code 12.3 s}, {@code 4 min 05 s}, {@code 1 h 02 min}. */
    static String duration(Duration duration) {
        long millis = duration.toMillis();
        if (millis < 10_000) {
            return String.format(Locale.ROOT, "%.3f s", millis / 1000.0);
        }
        if (millis < 60_000) {
            return String.format(Locale.ROOT, "%.1f s", millis / 1000.0);
        }
        long seconds = Math.round(millis / 1000.0);
        if (seconds < 3600) {
            return String.format(Locale.ROOT, "%d min %02d s", seconds / 60, seconds % 60);
        }
        return String.format(Locale.ROOT, "%d h %02d min", seconds / 3600, (seconds % 3600) / 60);
    }

    /** Formats seconds for an axis label: {@code 0}, {@code 2.5}, {@code 30}. */
    static String seconds(double seconds) {
        if (Math.abs(seconds - Math.rint(seconds)) < 1e-9) {
            return String.format(Locale.ROOT, "%d", Math.round(seconds));
        }
        return String.format(Locale.ROOT, "%s", trimZeros(String.format(Locale.ROOT, "%.3f", seconds)));
    }

    /** Formats a coordinate with at most two decimals. */
    static String coord(double value) {
        return trimZeros(String.format(Locale.ROOT, "%.2f", value));
    }

    private static String trimZeros(String number) {
        if (!number.contains(".")) {
            return number;
        }
        String trimmed = number.replaceAll("0+$", "");
        return trimmed.endsWith(".") ? trimmed.substring(0, trimmed.length() - 1) : trimmed;
    }
}
