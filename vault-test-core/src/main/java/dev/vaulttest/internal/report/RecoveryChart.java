package dev.vaulttest.internal.report;

import static dev.vaulttest.internal.report.Format.coord;

import dev.vaulttest.internal.Redactor;
import java.time.Duration;
import java.util.List;

/**
 * Draws recovery times per failure mode as an inline SVG dot chart: one row per disruption kind and
 * condition, a bar from the fastest to the slowest recovery, a dot per recovery, a dark vertical mark at
 * the median (drawn under the dots so none is hidden), a linear axis in seconds starting at zero, and on
 * the right the median, the count, and how many did not recover. Rows are sorted by name so the chart of
 * one night lines up with the next. Long names are shortened, with the full name as a tooltip.
 */
final class RecoveryChart {

    static final int WIDTH = 960;
    static final double LABEL_RIGHT = 270;
    static final double PLOT_LEFT = 284;
    static final double PLOT_RIGHT = 740;
    static final double STATS_LEFT = 756;
    static final double TOP = 12;
    static final double ROW_HEIGHT = 46;
    static final double AXIS_HEIGHT = 48;
    static final int LABEL_CHARS = 32;
    static final int CONDITION_CHARS = 38;

    private RecoveryChart() {
    }

    /** Renders the chart, or an explanatory paragraph when the run applied no disruption. */
    static String render(List<RecoveryGroup> groups) {
        if (groups.isEmpty()) {
            return "<p class=\"empty\">No disruption was applied in this run, so there are no recovery times"
                    + " to chart.</p>\n";
        }
        Scale scale = Scale.of(groups.stream()
                .flatMap(group -> group.max().stream())
                .max(Duration::compareTo)
                .orElse(Duration.ZERO));
        double plotBottom = TOP + groups.size() * ROW_HEIGHT;
        double height = plotBottom + AXIS_HEIGHT;
        StringBuilder svg = new StringBuilder(4096);
        svg.append("<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"recovery-chart\" role=\"img\"")
                .append(" viewBox=\"0 0 ").append(WIDTH).append(' ').append(coord(height)).append('"')
                .append(" width=\"").append(WIDTH).append("\" height=\"").append(coord(height)).append('"')
                .append(" aria-labelledby=\"recovery-chart-title\">\n")
                .append("<title id=\"recovery-chart-title\">Recovery time per failure mode, in seconds</title>\n");
        for (int i = 0; i < groups.size(); i++) {
            if (i % 2 == 0) {
                svg.append("<rect class=\"band\" x=\"0\" y=\"").append(coord(TOP + i * ROW_HEIGHT))
                        .append("\" width=\"").append(WIDTH).append("\" height=\"").append(coord(ROW_HEIGHT))
                        .append("\"/>\n");
            }
        }
        axis(svg, scale, plotBottom, height);
        for (int i = 0; i < groups.size(); i++) {
            row(svg, groups.get(i), scale, TOP + i * ROW_HEIGHT + ROW_HEIGHT / 2);
        }
        svg.append("</svg>\n");
        return svg.toString();
    }

    private static void axis(StringBuilder svg, Scale scale, double plotBottom, double height) {
        svg.append("<g class=\"axis\">\n");
        long ticks = Math.round(scale.max / scale.step);
        for (long i = 0; i <= ticks; i++) {
            double tick = i * scale.step;
            double x = scale.x(tick);
            svg.append("<line class=\"grid\" x1=\"").append(coord(x)).append("\" x2=\"").append(coord(x))
                    .append("\" y1=\"").append(coord(TOP)).append("\" y2=\"").append(coord(plotBottom + 4))
                    .append("\"/>\n")
                    .append("<text class=\"tick\" x=\"").append(coord(x)).append("\" y=\"")
                    .append(coord(plotBottom + 18)).append("\" text-anchor=\"middle\">")
                    .append(Format.seconds(tick)).append("</text>\n");
        }
        svg.append("<line class=\"axis-line\" x1=\"").append(coord(PLOT_LEFT)).append("\" x2=\"")
                .append(coord(PLOT_RIGHT)).append("\" y1=\"").append(coord(plotBottom)).append("\" y2=\"")
                .append(coord(plotBottom)).append("\"/>\n")
                .append("<text class=\"axis-title\" x=\"").append(coord((PLOT_LEFT + PLOT_RIGHT) / 2))
                .append("\" y=\"").append(coord(height - 8)).append("\" text-anchor=\"middle\">")
                .append("recovery time after the disruption (seconds)</text>\n")
                .append("</g>\n");
    }

    private static void row(StringBuilder svg, RecoveryGroup group, Scale scale, double cy) {
        svg.append("<g class=\"mode\" data-disruption=\"").append(Html.text(group.disruption()))
                .append("\" data-condition=\"").append(Html.text(group.condition())).append("\">\n");
        svg.append("<text class=\"mode-label\" x=\"").append(coord(LABEL_RIGHT)).append("\" y=\"")
                .append(coord(cy - 3)).append("\" text-anchor=\"end\"><title>").append(Html.text(group.disruption()))
                .append("</title>").append(Html.text(shorten(group.disruption(), LABEL_CHARS))).append("</text>\n");
        svg.append("<text class=\"mode-condition\" x=\"").append(coord(LABEL_RIGHT)).append("\" y=\"")
                .append(coord(cy + 13)).append("\" text-anchor=\"end\"><title>until ")
                .append(Html.text(group.condition())).append("</title>until ")
                .append(Html.text(shorten(group.condition(), CONDITION_CHARS))).append("</text>\n");
        if (group.samples().isEmpty()) {
            boolean problem = group.problems() > 0;
            svg.append("<text class=\"").append(problem ? "no-recovery problem" : "no-recovery")
                    .append("\" x=\"").append(coord(PLOT_LEFT + 6)).append("\" y=\"").append(coord(cy + 4))
                    .append("\">no recovery time: ")
                    .append(problem ? "none of " + group.measurements() + " recovered" : "stayed broken as expected")
                    .append("</text>\n");
        } else {
            double x1 = scale.x(seconds(group.min().orElseThrow()));
            double x2 = scale.x(seconds(group.max().orElseThrow()));
            svg.append("<rect class=\"range\" x=\"").append(coord(x1)).append("\" y=\"").append(coord(cy - 4))
                    .append("\" width=\"").append(coord(x2 - x1)).append("\" height=\"8\" rx=\"4\"><title>")
                    .append("fastest ").append(Format.duration(group.min().orElseThrow())).append(", slowest ")
                    .append(Format.duration(group.max().orElseThrow())).append("</title></rect>\n");
            double xm = scale.x(seconds(group.median().orElseThrow()));
            svg.append("<rect class=\"median\" x=\"").append(coord(xm - 1.5)).append("\" y=\"").append(coord(cy - 11))
                    .append("\" width=\"3\" height=\"22\"><title>median ")
                    .append(Format.duration(group.median().orElseThrow())).append("</title></rect>\n");
            points(svg, group, scale, cy);
        }
        stats(svg, group, cy);
        svg.append("</g>\n");
    }

    /** Dots, nudged up and down when they would overlap, so every recovery stays visible. */
    private static void points(StringBuilder svg, RecoveryGroup group, Scale scale, double cy) {
        double lastX = Double.NEGATIVE_INFINITY;
        int stacked = 0;
        for (RecoveryGroup.Sample sample : group.samples()) {
            double x = scale.x(seconds(sample.after()));
            stacked = x - lastX < 5 ? stacked + 1 : 0;
            lastX = x;
            int level = (stacked + 1) / 2 % 3;
            double y = cy + (stacked % 2 == 1 ? -1 : 1) * level * 6;
            svg.append("<circle class=\"point\" cx=\"").append(coord(x)).append("\" cy=\"").append(coord(y))
                    .append("\" r=\"4.5\"><title>").append(Format.duration(sample.after())).append(": ")
                    .append(Html.text(sample.test())).append(" (").append(Html.text(sample.target()))
                    .append(")</title></circle>\n");
        }
    }

    private static void stats(StringBuilder svg, RecoveryGroup group, double cy) {
        svg.append("<text class=\"stats\" x=\"").append(coord(STATS_LEFT)).append("\" y=\"").append(coord(cy - 3))
                .append("\">");
        if (group.samples().isEmpty()) {
            svg.append("median n/a");
        } else {
            svg.append("median ").append(Format.duration(group.median().orElseThrow()));
        }
        svg.append(" · n=").append(group.samples().size()).append("</text>\n");
        String note;
        String kind;
        if (group.problems() > 0) {
            note = group.problems() + " of " + group.measurements() + " did not recover";
            kind = "stats problem";
        } else if (group.stayedBroken() > 0) {
            note = group.stayedBroken() + " stayed broken as expected";
            kind = "stats note";
        } else {
            note = "all " + group.measurements() + " recovered";
            kind = "stats ok";
        }
        svg.append("<text class=\"").append(kind).append("\" x=\"").append(coord(STATS_LEFT)).append("\" y=\"")
                .append(coord(cy + 13)).append("\">").append(note).append("</text>\n");
    }

    /** Redacts, then cuts to at most {@code chars} characters (so a cut can never hide a secret from redaction). */
    static String shorten(String text, int chars) {
        String redacted = Redactor.redact(text);
        return redacted.length() <= chars ? redacted : redacted.substring(0, chars - 1) + "…";
    }

    private static double seconds(Duration duration) {
        return duration.toMillis() / 1000.0;
    }

    /** A linear axis from zero to a round number of seconds, with round tick steps. */
    record Scale(double max, double step) {

        static Scale of(Duration slowest) {
            double seconds = slowest.toMillis() / 1000.0;
            if (seconds <= 0) {
                return new Scale(1, 0.2);
            }
            double raw = seconds / 5;
            double magnitude = Math.pow(10, Math.floor(Math.log10(raw)));
            double normalized = raw / magnitude;
            double step = (normalized <= 1 ? 1 : normalized <= 2 ? 2 : normalized <= 5 ? 5 : 10) * magnitude;
            double max = Math.ceil(seconds / step - 1e-9) * step;
            return new Scale(max, step);
        }

        double x(double seconds) {
            return PLOT_LEFT + (PLOT_RIGHT - PLOT_LEFT) * seconds / max;
        }
    }
}
