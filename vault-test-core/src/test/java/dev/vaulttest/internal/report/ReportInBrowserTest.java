package dev.vaulttest.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import dev.vaulttest.timing.RecoveryMeasurement;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Opens the written index.html in headless Chromium and checks what a browser actually shows: the chart
 * is parsed into SVG elements, laid out with the right number of rows and marks, its labels fit, the page
 * does not overflow sideways, and the screenshot contains the chart's colours. Skipped without Chromium.
 */
@Timeout(value = 90, unit = TimeUnit.SECONDS)
class ReportInBrowserTest {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Duration PROCESS_TIMEOUT = Duration.ofSeconds(30);
    private static final String WINDOW = "--window-size=1280,1600";

    /** Measures the laid-out page; appended to a copy of the page only (the report itself has no script). */
    private static final String MEASURE = """
            <script>
            (() => {
              const svg = document.querySelector('svg.recovery-chart');
              const box = e => { const b = e.getBBox(); return {x: b.x, width: b.width}; };
              const result = {
                title: document.querySelector('h1').innerText,
                chartTitle: svg.querySelector('title').textContent,
                svgWidth: svg.getBoundingClientRect().width,
                svgHeight: svg.getBoundingClientRect().height,
                rows: svg.querySelectorAll('g.mode').length,
                points: svg.querySelectorAll('circle.point').length,
                medians: svg.querySelectorAll('rect.median').length,
                ticks: [...svg.querySelectorAll('text.tick')].map(t => t.textContent),
                labels: [...svg.querySelectorAll('text.mode-label, text.mode-condition')].map(t => ({
                  text: t.lastChild.textContent, ...box(t)})),
                stats: [...svg.querySelectorAll('text.stats')].map(box),
                pageOverflow: document.documentElement.scrollWidth - window.innerWidth,
                testArticles: document.querySelectorAll('article.test').length,
                headings: [...document.querySelectorAll('article.test h3')].map(h => h.innerText)
              };
              const out = document.createElement('pre');
              out.id = 'measurements';
              out.textContent = JSON.stringify(result);
              document.body.appendChild(out);
            })();
            </script>
            """;

    @TempDir
    Path dir;

    private WrittenReport written;

    @BeforeEach
    void writeReport() {
        Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "Chromium is not installed at " + CHROMIUM
                + ", so the report is not checked in a real browser (Debian: apt-get install -y chromium)");
        RunReport typical = ReportFixtures.typicalRun(dir.resolve("report"));
        List<TestRecord> tests = new ArrayList<>(typical.tests());
        tests.add(TestRecord.builder("com.example.vault.NetworkTest", "partitionSurvives()")
                .recovery(RecoveryMeasurement.recovered("partition-raft-leader-from-every-standby-and-the-kms",
                        "networkpolicy/partition-vault-1", ReportFixtures.at(800), Optional.of(ReportFixtures.at(860)),
                        "a new leader is elected and every standby follows it again", Duration.ofMillis(96_000)))
                .recovery(RecoveryMeasurement.recovered("partition-raft-leader-from-every-standby-and-the-kms",
                        "networkpolicy/partition-vault-0", ReportFixtures.at(900), Optional.of(ReportFixtures.at(960)),
                        "a new leader is elected and every standby follows it again", Duration.ofMillis(187_500)))
                .build());
        written = new ReportWriter(dir.resolve("report")).write(new RunReport(typical.startedAt(),
                typical.finishedAt(), typical.environmentDescription(), tests));
    }

    @Test
    void browserParsesTheChartAndEverythingFits() throws Exception {
        Path measured = written.directory().resolve("measured.html");
        Files.writeString(measured, Files.readString(written.indexHtml()).replace("</body>", MEASURE + "</body>"));

        String dom = chromium("--dump-dom", measured.toUri().toString());

        Matcher json = Pattern.compile("<pre id=\"measurements\">(.*?)</pre>", Pattern.DOTALL).matcher(dom);
        assertThat(json.find()).as("measurements in the DOM dumped by Chromium:%n%s", dom).isTrue();
        JsonNode m = JsonMapper.builder().build().readTree(json.group(1).replace("&amp;", "&")
                .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\""));
        assertThat(m.get("title").asString()).isEqualTo("vault-test resilience report");
        assertThat(m.get("chartTitle").asString()).isEqualTo("Recovery time per failure mode, in seconds");
        assertThat(m.get("rows").asInt()).isEqualTo(4);
        assertThat(m.get("points").asInt()).isEqualTo(6);
        assertThat(m.get("medians").asInt()).isEqualTo(3);
        assertThat(m.get("ticks").valueStream().map(JsonNode::asString))
                .containsExactly("0", "50", "100", "150", "200");
        assertThat(m.get("svgWidth").asDouble()).isEqualTo(RecoveryChart.WIDTH);
        assertThat(m.get("svgHeight").asDouble()).isGreaterThan(100);
        for (JsonNode label : m.get("labels")) {
            assertThat(label.get("x").asDouble()).as("left edge of label %s", label.get("text")).isNotNegative();
            assertThat(label.get("x").asDouble() + label.get("width").asDouble())
                    .as("right edge of label %s", label.get("text")).isLessThanOrEqualTo(RecoveryChart.PLOT_LEFT);
        }
        assertThat(m.get("labels")).hasSize(8);
        assertThat(m.get("labels").get(6).get("text").asString()).startsWith("partition-raft").endsWith("…");
        assertThat(m.get("labels").get(7).get("text").asString()).startsWith("until a new leader").endsWith("…");
        for (JsonNode stats : m.get("stats")) {
            assertThat(stats.get("x").asDouble() + stats.get("width").asDouble()).as("right edge of the stats column")
                    .isLessThanOrEqualTo(RecoveryChart.WIDTH);
        }
        assertThat(m.get("pageOverflow").asInt()).as("horizontal overflow of the page in pixels").isLessThanOrEqualTo(0);
        assertThat(m.get("testArticles").asInt()).isEqualTo(4);
        assertThat(m.get("headings").valueStream().map(JsonNode::asString))
                .anySatisfy(heading -> assertThat(heading).contains("pvcLoss <3 nodes> & recovery"));
    }

    @Test
    void screenshotShowsTheChartAndTheBadges() throws Exception {
        Path png = dir.resolve("report.png");

        chromium("--screenshot=" + png, written.indexHtml().toUri().toString());

        Path kept = Path.of("target", "browser-check", "index.png");
        Files.createDirectories(kept.getParent());
        Files.copy(png, kept, StandardCopyOption.REPLACE_EXISTING);
        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo(1280);
        assertThat(image.getHeight()).isEqualTo(1600);
        assertThat(pixels(image, 0x9ec5fe)).as("pixels of the min-max bars").isGreaterThan(200);
        assertThat(pixels(image, 0xcf222e)).as("pixels of the failure badges and alerts").isGreaterThan(100);
        assertThat(pixels(image, 0x1a7f37)).as("pixels of the passed badges").isGreaterThan(100);
    }

    /** Counts pixels within a small distance of a colour (rendering may shift colours by a few steps). */
    private static long pixels(BufferedImage image, int rgb) {
        long count = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int pixel = image.getRGB(x, y);
                if (near(pixel >> 16, rgb >> 16) && near(pixel >> 8, rgb >> 8) && near(pixel, rgb)) {
                    count++;
                }
            }
        }
        return count;
    }

    private static boolean near(int a, int b) {
        return Math.abs((a & 0xff) - (b & 0xff)) <= 6;
    }

    /** Runs headless Chromium on a fresh profile, bounded by a timeout; returns its standard output. */
    private String chromium(String action, String url) throws IOException, InterruptedException {
        Path profile = Files.createTempDirectory(dir, "chromium-profile");
        Path out = dir.resolve("chromium-out-" + System.nanoTime() + ".txt");
        Path err = dir.resolve("chromium-err-" + System.nanoTime() + ".txt");
        List<String> command = List.of(CHROMIUM.toString(), "--headless", "--no-sandbox", "--disable-gpu",
                "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update",
                "--disable-sync", "--hide-scrollbars", "--user-data-dir=" + profile, WINDOW, action, url);
        Process process = new ProcessBuilder(command).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
        if (!process.waitFor(PROCESS_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
            fail("Chromium did not finish within " + PROCESS_TIMEOUT + "; command " + command + "; stderr:\n"
                    + tail(err));
        }
        assertThat(process.exitValue()).as("Chromium exit code; stderr:%n%s", tail(err)).isZero();
        return Files.readString(out, StandardCharsets.UTF_8);
    }

    private static String tail(Path file) throws IOException {
        String text = Files.exists(file) ? Files.readString(file) : "";
        return text.length() > 4000 ? text.substring(text.length() - 4000) : text;
    }
}
