package dev.vaulttest.junit5;

import dev.vaulttest.VaultEnvironment;
import dev.vaulttest.internal.Redactor;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What happens when a test or its setup fails: diagnostics are written to
 * {@code <reports dir>/<class>/<test>/}, published through JUnit's reporting, and, with keep-on-failure,
 * the way to reach the deployment is written next to them. Whatever goes wrong here is added to the
 * original failure as suppressed; the original failure is never replaced.
 */
final class FailureHandling {

    static final String FAILURE_FILE = "failure.txt";
    static final String REPORT_ENTRY = "vault-test.diagnostics";
    static final String KEPT_ENTRY = "vault-test.kept";

    private static final Logger LOG = LoggerFactory.getLogger(FailureHandling.class);

    private FailureHandling() {
    }

    /**
     * Handles a failure.
     *
     * @param context the context that failed
     * @param failure the failure; problems while handling it are added to it as suppressed
     * @param phase the lifecycle phase when the failure is not a test method's, for example {@code beforeAll}
     * @param collector what collects the deployment's diagnostics
     * @return the same failure, to rethrow
     */
    static Throwable handle(ExtensionContext context, Throwable failure, Optional<String> phase,
            DiagnosticsCollector collector) {
        try {
            Settings settings = Settings.of(context);
            Path directory = DiagnosticsPaths.of(settings.reportsDir(), context, phase);
            Optional<DeploymentResource> deployment = Deployments.existing(context);
            deployment.ifPresent(DeploymentResource::markTestFailed);
            prepare(directory);
            TestNotes.of(context).diagnostics(context.getUniqueId(), directory);
            Files.writeString(directory.resolve(FAILURE_FILE), Redactor.redact(stackTrace(failure)),
                    StandardCharsets.UTF_8);
            Optional<VaultEnvironment> environment = deployment.flatMap(DeploymentResource::environmentIfUp);
            try {
                if (environment.isPresent()) {
                    collector.collect(environment.get(), directory);
                }
            } finally {
                publish(context, directory);
                deployment.flatMap(DeploymentResource::keepAfterTestFailure)
                        .ifPresent(instructions -> context.publishReportEntry(KEPT_ENTRY, instructions));
            }
        } catch (Throwable problem) {
            if (problem != failure) {
                failure.addSuppressed(problem);
            }
        }
        return failure;
    }

    private static void prepare(Path directory) throws IOException {
        if (Files.isDirectory(directory)) {
            try (Stream<Path> old = Files.walk(directory)) {
                for (Path path : old.sorted(Comparator.reverseOrder()).filter(p -> !p.equals(directory)).toList()) {
                    Files.delete(path);
                }
            }
        }
        Files.createDirectories(directory);
    }

    private static void publish(ExtensionContext context, Path directory) {
        context.publishReportEntry(REPORT_ENTRY, directory.toAbsolutePath().toString());
        try {
            context.publishDirectory("vault-test-diagnostics", target -> copyTree(directory, target));
        } catch (RuntimeException | LinkageError e) {
            LOG.debug("JUnit could not publish the diagnostics directory {} as a file entry: {}", directory, e.toString());
        }
    }

    private static void copyTree(Path from, Path to) throws IOException {
        try (Stream<Path> files = Files.walk(from)) {
            List<Path> paths = files.toList();
            for (Path source : paths) {
                Path target = to.resolve(from.relativize(source).toString());
                if (Files.isDirectory(source)) {
                    Files.createDirectories(target);
                } else {
                    Files.copy(source, target, StandardCopyOption.REPLACE_EXISTING);
                }
            }
        }
    }

    static String stackTrace(Throwable failure) {
        StringWriter text = new StringWriter();
        failure.printStackTrace(new PrintWriter(text));
        return text.toString();
    }

    /**
     * The first line of a failure, for the report.
     *
     * @param failure the failure
     * @return the exception's class and the first line of its message
     */
    static String summary(Throwable failure) {
        String message = failure.getMessage();
        String firstLine = message == null ? "" : message.lines().findFirst().orElse("");
        return Redactor.redact(failure.getClass().getName() + (firstLine.isEmpty() ? "" : ": " + firstLine));
    }
}
