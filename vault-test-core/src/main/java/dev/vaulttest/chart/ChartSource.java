package dev.vaulttest.chart;

import dev.vaulttest.base.Versions;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * Where a Helm chart comes from: a local chart directory, a packaged {@code .tgz}, or a chart
 * repository by name and exact version (the official HashiCorp chart by default).
 *
 * <p>The factories check what they can without network access: that a path exists, that a directory
 * holds a {@code Chart.yaml}, that a version is an exact {@code MAJOR.MINOR.PATCH}. A repository chart
 * is fetched through a {@link ChartCache} when it is rendered.
 */
public sealed interface ChartSource permits ChartSource.Directory, ChartSource.Archive, ChartSource.Repository {

    /**
     * A short description for messages and reports, for example {@code vault@0.34.1} or a path.
     *
     * @return the description
     */
    String describe();

    /**
     * A chart directory, holding {@code Chart.yaml}, {@code values.yaml} and {@code templates/}.
     *
     * @param path the chart directory
     */
    record Directory(Path path) implements ChartSource {

        /**
         * Requires the path.
         *
         * @param path the chart directory
         */
        public Directory {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /**
     * A chart packaged as a gzipped tar, as {@code helm package} or {@code helm pull} writes it.
     *
     * @param path the {@code .tgz} file
     */
    record Archive(Path path) implements ChartSource {

        /**
         * Requires the path.
         *
         * @param path the {@code .tgz} file
         */
        public Archive {
            Objects.requireNonNull(path, "path");
        }

        @Override
        public String describe() {
            return path.toString();
        }
    }

    /**
     * A chart in a Helm repository, by name and exact version.
     *
     * @param repository the repository URL, the location of its {@code index.yaml}
     * @param name the chart name in that repository
     * @param version the exact chart version
     */
    record Repository(URI repository, String name, String version) implements ChartSource {

        /**
         * Requires every component and an exact version.
         *
         * @param repository the repository URL, the location of its {@code index.yaml}
         * @param name the chart name in that repository
         * @param version the exact chart version
         */
        public Repository {
            Objects.requireNonNull(repository, "repository");
            Objects.requireNonNull(name, "name");
            Objects.requireNonNull(version, "version");
            requireExactVersion(version, name + "@" + version);
        }

        /**
         * Tells whether this is the official HashiCorp repository.
         *
         * @return {@code true} for {@link Versions#CHART_REPOSITORY}
         */
        public boolean isOfficial() {
            return repository.equals(URI.create(Versions.CHART_REPOSITORY));
        }

        @Override
        public String describe() {
            return isOfficial() ? name + "@" + version : name + "@" + version + " from " + repository;
        }
    }

    /**
     * The official HashiCorp {@code vault} chart at the version this library pins.
     *
     * @return the chart {@code vault@}{@value Versions#CHART_VERSION}
     */
    static ChartSource official() {
        return official(Versions.CHART_VERSION);
    }

    /**
     * The official HashiCorp {@code vault} chart at the given version.
     *
     * @param version an exact version such as {@code 0.34.1}
     * @return the chart source
     * @throws InvalidChartSourceException when the version is not an exact {@code MAJOR.MINOR.PATCH}
     */
    static ChartSource official(String version) {
        return new Repository(URI.create(Versions.CHART_REPOSITORY), Versions.CHART_NAME, version);
    }

    /**
     * A chart in any Helm repository.
     *
     * @param repository the repository URL (where its {@code index.yaml} is)
     * @param name the chart name
     * @param version an exact chart version
     * @return the chart source
     * @throws InvalidChartSourceException when the version is not exact
     */
    static ChartSource repository(URI repository, String name, String version) {
        return new Repository(repository, name, version);
    }

    /**
     * A local chart directory.
     *
     * @param path the directory that holds {@code Chart.yaml}
     * @return the chart source
     * @throws InvalidChartSourceException when the path is missing, not a directory, or has no {@code Chart.yaml}
     */
    static ChartSource directory(Path path) {
        if (!Files.isDirectory(path)) {
            throw new InvalidChartSourceException(Files.exists(path)
                    ? "Chart '" + path + "' is not a directory. Give a chart directory, a .tgz file or vault@VERSION."
                    : "Chart directory '" + path + "' does not exist.");
        }
        if (!Files.isRegularFile(path.resolve("Chart.yaml"))) {
            throw new InvalidChartSourceException("Chart directory '" + path
                    + "' has no Chart.yaml, so it is not a Helm chart. Point at the directory that holds Chart.yaml.");
        }
        return new Directory(path);
    }

    /**
     * A packaged chart file.
     *
     * @param path the {@code .tgz} file
     * @return the chart source
     * @throws InvalidChartSourceException when the file is missing or is a directory
     */
    static ChartSource archive(Path path) {
        if (!Files.isRegularFile(path)) {
            throw new InvalidChartSourceException(Files.isDirectory(path)
                    ? "Chart archive '" + path + "' is a directory; use ChartSource.directory for chart directories."
                    : "Chart archive '" + path + "' does not exist.");
        }
        return new Archive(path);
    }

    /**
     * Parses the command-line forms: a chart directory, a {@code .tgz} file, or {@code vault@VERSION}
     * for the official chart.
     *
     * @param text the argument as given
     * @return the chart source
     * @throws InvalidChartSourceException naming the input when it is none of these
     */
    static ChartSource parse(String text) {
        Objects.requireNonNull(text, "text");
        if (text.isBlank()) {
            throw new InvalidChartSourceException(
                    "Chart is empty. Give a chart directory, a .tgz file or vault@VERSION (for example vault@"
                            + Versions.CHART_VERSION + ").");
        }
        int at = text.indexOf('@');
        Path asPath = pathOrNull(text);
        if (at > 0 && (asPath == null || !Files.exists(asPath))) {
            String name = text.substring(0, at);
            String version = text.substring(at + 1);
            if (!Versions.CHART_NAME.equals(name)) {
                throw new InvalidChartSourceException("Chart '" + text + "': only the official chart '"
                        + Versions.CHART_NAME + "' can be given by version (" + Versions.CHART_NAME + "@VERSION); "
                        + "for any other chart give its directory or .tgz file.");
            }
            requireExactVersion(version, text);
            return official(version);
        }
        if (asPath == null) {
            throw new InvalidChartSourceException("Chart '" + text + "' is not a valid path.");
        }
        if (Files.isDirectory(asPath)) {
            return directory(asPath);
        }
        if (Files.isRegularFile(asPath)) {
            return archive(asPath);
        }
        String hint = Versions.CHART_NAME.equals(text)
                ? " To use the official chart, give a version: " + Versions.CHART_NAME + "@" + Versions.CHART_VERSION + "."
                : " Give a chart directory, a .tgz file or " + Versions.CHART_NAME + "@VERSION.";
        throw new InvalidChartSourceException("Chart '" + text + "' does not exist." + hint);
    }

    private static Path pathOrNull(String text) {
        try {
            return Path.of(text);
        } catch (java.nio.file.InvalidPathException e) {
            return null;
        }
    }

    private static void requireExactVersion(String version, String input) {
        if (!Pattern.matches("(0|[1-9]\\d*)\\.(0|[1-9]\\d*)\\.(0|[1-9]\\d*)(-[0-9A-Za-z.-]+)?(\\+[0-9A-Za-z.-]+)?", version)) {
            throw new InvalidChartSourceException("Chart '" + input + "': version '" + version
                    + "' is not an exact chart version. Expected MAJOR.MINOR.PATCH, for example "
                    + Versions.CHART_NAME + "@" + Versions.CHART_VERSION + "; ranges and 'latest' are not accepted.");
        }
    }
}
