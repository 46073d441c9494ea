package dev.vaulttest.internal.cli;

import dev.vaulttest.base.VaultTestException;
import dev.vaulttest.chart.ChartCache;
import dev.vaulttest.chart.ChartSource;
import dev.vaulttest.check.CheckReport;
import dev.vaulttest.check.OfflineCheck;
import java.io.PrintStream;
import java.util.Objects;

/**
 * The command line: {@code java -jar vault-test-check.jar --chart <dir|file.tgz|vault@VERSION> ...}.
 * Renders the chart with the given values and prints the production-readiness findings.
 *
 * <p>Exit status: 0 when no finding is at or above {@code --fail-on} (default ERROR), 1 when one is,
 * 2 for bad input (the message on standard error names the input and the cause), 3 for an internal error.
 */
public final class CheckCommand {

    /** No finding at or above the threshold. */
    public static final int EXIT_PASSED = 0;
    /** At least one finding at or above the threshold. */
    public static final int EXIT_FINDINGS = 1;
    /** The input could not be used: options, files, YAML, chart. */
    public static final int EXIT_BAD_INPUT = 2;
    /** A bug in vault-test; the stack trace is printed. */
    public static final int EXIT_INTERNAL_ERROR = 3;

    private static final String NAME = "vault-test-check";

    private final ChartCache cache;

    /**
     * Creates the command with the cache repository charts are taken from.
     *
     * @param cache the chart cache
     */
    public CheckCommand(ChartCache cache) {
        this.cache = Objects.requireNonNull(cache, "cache");
    }

    /**
     * Runs the command line and exits with its status.
     *
     * @param args the arguments; {@code --help} prints the usage
     */
    public static void main(String[] args) {
        quietLibraryLogging();
        System.exit(new CheckCommand(ChartCache.atDefaultLocation()).run(args, System.out, System.err));
    }

    /**
     * Runs the command line.
     *
     * @param args the arguments
     * @param out where the report (or the usage) goes
     * @param err where problems go
     * @return the exit status: {@link #EXIT_PASSED}, {@link #EXIT_FINDINGS}, {@link #EXIT_BAD_INPUT} or {@link #EXIT_INTERNAL_ERROR}
     */
    public int run(String[] args, PrintStream out, PrintStream err) {
        try {
            CommandLineArguments arguments = CommandLineArguments.parse(args);
            if (arguments.help()) {
                out.print(usage());
                return EXIT_PASSED;
            }
            ChartSource chart = ChartSource.parse(arguments.chart());
            OfflineCheck.Builder check = OfflineCheck.builder().chart(chart).cache(cache);
            arguments.valuesFiles().forEach(check::valuesFile);
            arguments.sets().forEach(check::set);
            arguments.stringSets().forEach(check::setString);
            arguments.storageClassManifests().forEach(check::storageClassManifest);
            arguments.nodes().ifPresent(check::nodeCount);
            arguments.releaseName().ifPresent(check::releaseName);
            arguments.namespace().ifPresent(check::namespace);
            OfflineCheck offlineCheck = check.build();
            CheckReport report = offlineCheck.run();
            if (arguments.format() == CommandLineArguments.OutputFormat.JSON) {
                ReportPrinter.json(report, out);
            } else {
                ReportPrinter.text(report, chart.describe() + " (release " + offlineCheck.releaseName() + ", namespace "
                        + offlineCheck.namespace() + ")", arguments.failOn(), out);
            }
            out.flush();
            return report.hasFindingAtOrAbove(arguments.failOn()) ? EXIT_FINDINGS : EXIT_PASSED;
        } catch (CommandLineArguments.UsageException e) {
            err.println(NAME + ": " + e.getMessage());
            err.println("Run '" + NAME + " --help' for usage.");
            return EXIT_BAD_INPUT;
        } catch (VaultTestException e) {
            err.println(NAME + ": " + e.getMessage());
            return EXIT_BAD_INPUT;
        } catch (RuntimeException e) {
            err.println(NAME + ": internal error, please report it with this output: " + e);
            e.printStackTrace(err);
            return EXIT_INTERNAL_ERROR;
        }
    }

    /**
     * The usage text printed by {@code --help}.
     *
     * @return the usage
     */
    static String usage() {
        return String.join(System.lineSeparator(),
                "Usage: java -jar vault-test-check.jar --chart <dir|file.tgz|vault@VERSION> [options]",
                "",
                "Checks a Vault deployment on Kubernetes for production mistakes without a cluster: renders the",
                "Helm chart with your values, as 'helm template' would, and checks the rendered objects.",
                "",
                "Options:",
                "  --chart <dir|file.tgz|vault@VERSION>  the chart (required). vault@VERSION is the official",
                "                             HashiCorp chart, downloaded once into the chart cache",
                "  --values, -f <file>        a values file; repeat to layer several, later files win",
                "  --set <key=value[,...]>    Helm --set syntax, applied after all values files; repeatable",
                "  --set-string <key=value>   like --set, but every value stays a string; repeatable",
                "  --storage-classes <file>   YAML with the target cluster's StorageClass objects",
                "                             (kubectl get storageclass -o yaml); repeatable",
                "  --nodes <N>                the target cluster's number of schedulable nodes",
                "  --release <name>           Helm release name (default: vault)",
                "  --namespace <name>         namespace to render for (default: default)",
                "  --format text|json         output format (default: text)",
                "  --fail-on ERROR|WARNING|INFO  least severe finding that fails the run (default: ERROR)",
                "  --help, -h                 print this help",
                "",
                "Exit status: 0 no finding at or above --fail-on; 1 at least one; 2 bad input (missing file,",
                "bad YAML, a chart that does not render, unknown option); 3 internal error.",
                "",
                "Chart cache: system property " + ChartCache.ROOT_PROPERTY + ", else $" + ChartCache.ROOT_ENVIRONMENT_VARIABLE
                        + ", else ~/.cache/vault-test/charts.",
                "Offline: put the chart archive at <cache>/helm.releases.hashicorp.com/vault-<VERSION>.tgz.",
                "");
    }

    /** Keeps third-party INFO logging off the terminal unless the user configured slf4j-simple. */
    private static void quietLibraryLogging() {
        if (System.getProperty("org.slf4j.simpleLogger.defaultLogLevel") == null) {
            System.setProperty("org.slf4j.simpleLogger.defaultLogLevel", "warn");
            System.setProperty("org.slf4j.simpleLogger.log.dev.vaulttest", "info");
        }
    }
}
