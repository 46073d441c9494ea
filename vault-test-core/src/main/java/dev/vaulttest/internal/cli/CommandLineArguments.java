package dev.vaulttest.internal.cli;

import dev.vaulttest.check.Finding.Severity;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalInt;

/** The parsed command line of {@link CheckCommand}; parsing is strict and every problem names the argument. */
record CommandLineArguments(boolean help, String chart, List<Path> valuesFiles, List<String> sets, List<String> stringSets,
                            List<Path> storageClassManifests, OptionalInt nodes, OutputFormat format, Severity failOn,
                            Optional<String> releaseName, Optional<String> namespace) {

    /** How the report is printed. */
    enum OutputFormat { TEXT, JSON }

    /** A command line that cannot be run; the message says which argument and why. */
    static final class UsageException extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UsageException(String message) {
            super(message);
        }
    }

    static CommandLineArguments parse(String... args) {
        Parser parser = new Parser();
        for (int i = 0; i < args.length; i++) {
            String arg = args[i];
            if (arg.equals("--help") || arg.equals("-h")) {
                return helpOnly();
            }
            String option = arg;
            String inlineValue = null;
            int equals = arg.indexOf('=');
            if (arg.startsWith("--") && equals > 0) {
                option = arg.substring(0, equals);
                inlineValue = arg.substring(equals + 1);
            }
            if (!parser.takesValue(option)) {
                throw new UsageException(arg.startsWith("-")
                        ? "unknown option '" + option + "'"
                        : "unexpected argument '" + arg + "' (every input is given with an option, for example --chart " + arg + ")");
            }
            String value = inlineValue;
            if (value == null) {
                if (i + 1 >= args.length) {
                    throw new UsageException("option " + option + " needs a value");
                }
                value = args[++i];
            }
            parser.accept(option, value);
        }
        return parser.build();
    }

    private static CommandLineArguments helpOnly() {
        return new CommandLineArguments(true, "", List.of(), List.of(), List.of(), List.of(), OptionalInt.empty(),
                OutputFormat.TEXT, Severity.ERROR, Optional.empty(), Optional.empty());
    }

    /** Accumulates options in order. */
    private static final class Parser {
        private String chart;
        private final List<Path> valuesFiles = new ArrayList<>();
        private final List<String> sets = new ArrayList<>();
        private final List<String> stringSets = new ArrayList<>();
        private final List<Path> storageClassManifests = new ArrayList<>();
        private OptionalInt nodes = OptionalInt.empty();
        private OutputFormat format;
        private Severity failOn;
        private String releaseName;
        private String namespace;

        boolean takesValue(String option) {
            return switch (option) {
                case "--chart", "--values", "-f", "--set", "--set-string", "--storage-classes", "--nodes", "--format",
                     "--fail-on", "--release", "--namespace" -> true;
                default -> false;
            };
        }

        void accept(String option, String value) {
            switch (option) {
                case "--chart" -> chart = once(option, chart, nonBlank(option, value));
                case "--values", "-f" -> valuesFiles.add(path(option, value));
                case "--set" -> sets.add(nonBlank(option, value));
                case "--set-string" -> stringSets.add(nonBlank(option, value));
                case "--storage-classes" -> storageClassManifests.add(path(option, value));
                case "--nodes" -> {
                    once(option, nodes.isPresent() ? "" : null, value);
                    nodes = OptionalInt.of(positive(option, value));
                }
                case "--format" -> format = once(option, format, format(value));
                case "--fail-on" -> failOn = once(option, failOn, severity(value));
                case "--release" -> releaseName = once(option, releaseName, nonBlank(option, value));
                case "--namespace" -> namespace = once(option, namespace, nonBlank(option, value));
                default -> throw new UsageException("unknown option '" + option + "'");
            }
        }

        CommandLineArguments build() {
            if (chart == null) {
                throw new UsageException("missing --chart: give a chart directory, a .tgz file or vault@VERSION");
            }
            return new CommandLineArguments(false, chart, valuesFiles, sets, stringSets, storageClassManifests, nodes,
                    format == null ? OutputFormat.TEXT : format, failOn == null ? Severity.ERROR : failOn,
                    Optional.ofNullable(releaseName), Optional.ofNullable(namespace));
        }

        private static <T> T once(String option, Object previous, T value) {
            if (previous != null) {
                throw new UsageException("option " + option + " is given more than once");
            }
            return value;
        }

        private static String nonBlank(String option, String value) {
            if (value.isBlank()) {
                throw new UsageException("option " + option + " needs a non-empty value");
            }
            return value;
        }

        private static Path path(String option, String value) {
            try {
                return Path.of(nonBlank(option, value));
            } catch (java.nio.file.InvalidPathException e) {
                throw new UsageException("option " + option + ": '" + value + "' is not a valid path");
            }
        }

        private static int positive(String option, String value) {
            if (value.matches("[0-9]{1,9}") && Integer.parseInt(value) >= 1) {
                return Integer.parseInt(value);
            }
            throw new UsageException("option " + option + " must be a positive whole number, got '" + value + "'");
        }

        private static OutputFormat format(String value) {
            return switch (value.toLowerCase(Locale.ROOT)) {
                case "text" -> OutputFormat.TEXT;
                case "json" -> OutputFormat.JSON;
                default -> throw new UsageException("unknown --format '" + value + "': expected text or json");
            };
        }

        private static Severity severity(String value) {
            try {
                return Severity.valueOf(value.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new UsageException("unknown --fail-on '" + value + "': expected ERROR, WARNING or INFO");
            }
        }
    }
}
