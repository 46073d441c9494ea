package dev.vaulttest.assertj.error;

import java.time.Duration;
import java.util.Locale;

/** Durations as people read them in messages: {@code 2.0 s}, {@code 75.3 s}. */
final class Seconds {

    private Seconds() {
    }

    static String of(Duration duration) {
        return of(duration.toNanos());
    }

    static String of(long nanos) {
        double seconds = nanos / 1e9;
        return String.format(Locale.ROOT, seconds < 10 ? "%.2f s" : "%.1f s", seconds);
    }
}
