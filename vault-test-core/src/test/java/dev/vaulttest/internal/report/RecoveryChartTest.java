package dev.vaulttest.internal.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import dev.vaulttest.timing.RecoveryMeasurement;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

class RecoveryChartTest {

    /** Parses the chart as XML: it must be well-formed to be inline SVG that every browser accepts. */
    private static Document parse(String svg) throws Exception {
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setNamespaceAware(true);
        factory.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return factory.newDocumentBuilder().parse(new ByteArrayInputStream(svg.getBytes(StandardCharsets.UTF_8)));
    }

    private static List<Element> byClass(Document svg, String cssClass) {
        List<Element> found = new ArrayList<>();
        NodeList all = svg.getElementsByTagName("*");
        for (int i = 0; i < all.getLength(); i++) {
            Element element = (Element) all.item(i);
            if (List.of(element.getAttribute("class").split(" ")).contains(cssClass)) {
                found.add(element);
            }
        }
        return found;
    }

    private static List<String> texts(Document svg, String cssClass) {
        return byClass(svg, cssClass).stream().map(e -> e.getLastChild().getTextContent()).toList();
    }

    private static String chart(TestRecord... tests) {
        return RecoveryChart.render(RecoveryGroup.of(List.of(tests)));
    }

    @Test
    void oneRowPerFailureModeOneDotPerRecoveryOneMedianPerRowWithTimes() throws Exception {
        Document svg = parse(RecoveryChart.render(new ReportModel(ReportFixtures.typicalRun(
                java.nio.file.Path.of("r")), java.nio.file.Path.of("r")).groups()));

        assertThat(byClass(svg, "mode")).extracting(g -> g.getAttribute("data-disruption"))
                .containsExactly("block-kms", "delete-pod", "delete-pvc");
        assertThat(byClass(svg, "point")).hasSize(4);
        assertThat(byClass(svg, "range")).hasSize(2);
        assertThat(byClass(svg, "median")).hasSize(2);
        assertThat(texts(svg, "mode-label")).containsExactly("block-kms", "delete-pod", "delete-pvc");
        assertThat(texts(svg, "mode-condition")).containsExactly("until unsealed", "until ready gate", "until ready gate");
        assertThat(texts(svg, "no-recovery")).containsExactly("no recovery time: stayed broken as expected");
        assertThat(texts(svg, "problem")).containsExactly("1 of 2 did not recover");
        assertThat(svg.getDocumentElement().getElementsByTagName("title").item(0).getTextContent())
                .contains("in seconds");
    }

    @Test
    void axisIsLabelledInRoundSecondsUpToTheSlowestRecovery() throws Exception {
        Document svg = parse(chart(TestRecord.builder("A", "b")
                .recovery(ReportFixtures.recovered("delete-pod", "pod/vault-0", 0, 41_000)).build()));

        assertThat(texts(svg, "tick")).containsExactly("0", "10", "20", "30", "40", "50");
        assertThat(byClass(svg, "axis-title").get(0).getTextContent()).contains("(seconds)");
        double x = Double.parseDouble(byClass(svg, "point").get(0).getAttribute("cx"));
        double expected = RecoveryChart.PLOT_LEFT + (RecoveryChart.PLOT_RIGHT - RecoveryChart.PLOT_LEFT) * 41 / 50;
        assertThat(x).isCloseTo(expected, within(0.01));
    }

    @Test
    void scaleIsRoundForAnyRange() {
        assertThat(RecoveryChart.Scale.of(Duration.ofSeconds(41))).isEqualTo(new RecoveryChart.Scale(50, 10));
        assertThat(RecoveryChart.Scale.of(Duration.ofSeconds(100))).isEqualTo(new RecoveryChart.Scale(100, 20));
        assertThat(RecoveryChart.Scale.of(Duration.ofSeconds(1))).isEqualTo(new RecoveryChart.Scale(1, 0.2));
        assertThat(RecoveryChart.Scale.of(Duration.ofMinutes(7))).isEqualTo(new RecoveryChart.Scale(500, 100));
        RecoveryChart.Scale small = RecoveryChart.Scale.of(Duration.ofMillis(350));
        assertThat(small.max()).isCloseTo(0.4, within(1e-9));
        assertThat(small.step()).isCloseTo(0.1, within(1e-9));
    }

    @Test
    void zeroDurationsStillDrawOnAOneSecondAxis() throws Exception {
        Document svg = parse(chart(TestRecord.builder("A", "b")
                .recovery(ReportFixtures.recovered("delete-pod", "pod/vault-0", 0, 0)).build()));

        assertThat(texts(svg, "tick")).containsExactly("0", "0.2", "0.4", "0.6", "0.8", "1");
        assertThat(Double.parseDouble(byClass(svg, "point").get(0).getAttribute("cx")))
                .isCloseTo(RecoveryChart.PLOT_LEFT, within(0.01));
    }

    @Test
    void aSingleRecoveryIsADotWithItsMedianAndAZeroWidthRange() throws Exception {
        Document svg = parse(chart(TestRecord.builder("A", "b")
                .recovery(ReportFixtures.recovered("delete-pod", "pod/vault-0", 0, 7_000)).build()));

        assertThat(byClass(svg, "point")).hasSize(1);
        assertThat(byClass(svg, "median")).hasSize(1);
        assertThat(byClass(svg, "range").get(0).getAttribute("width")).isEqualTo("0");
        assertThat(texts(svg, "stats")).contains("median 7.000 s · n=1");
    }

    @Test
    void aModeThatNeverRecoveredHasARowButNoMarks() throws Exception {
        Document svg = parse(chart(TestRecord.builder("A", "b").failed("x")
                .recovery(RecoveryMeasurement.didNotRecover("block-apiserver", "networkpolicy/deny-api",
                        ReportFixtures.START, Optional.empty(), "login succeeds", "403"))
                .build()));

        assertThat(byClass(svg, "mode")).hasSize(1);
        assertThat(byClass(svg, "point")).isEmpty();
        assertThat(byClass(svg, "median")).isEmpty();
        assertThat(texts(svg, "no-recovery")).containsExactly("no recovery time: none of 1 recovered");
        assertThat(texts(svg, "tick")).first().isEqualTo("0");
    }

    @Test
    void noDisruptionGivesAnExplanationInsteadOfAnEmptyChart() {
        assertThat(RecoveryChart.render(List.of())).doesNotContain("<svg").contains("No disruption was applied");
    }

    @Test
    void longNamesAreShortenedWithTheFullNameInATooltipAndSpecialCharactersEscaped() throws Exception {
        String longName = "partition-raft-<leader>-from-every-standby-&-the-kms-endpoint";
        String svgText = chart(TestRecord.builder("A", "b")
                .recovery(ReportFixtures.recovered(longName, "pod/vault-0", 0, 3_000)).build());
        Document svg = parse(svgText);

        Element label = byClass(svg, "mode-label").get(0);
        assertThat(label.getLastChild().getTextContent()).hasSize(RecoveryChart.LABEL_CHARS).endsWith("…");
        assertThat(label.getElementsByTagName("title").item(0).getTextContent()).isEqualTo(longName);
        assertThat(byClass(svg, "mode").get(0).getAttribute("data-disruption")).isEqualTo(longName);
        assertThat(svgText).doesNotContain("<leader>");
    }

    @Test
    void overlappingDotsAreNudgedApartSoEachStaysVisible() throws Exception {
        TestRecord.Builder test = TestRecord.builder("A", "b");
        for (int i = 0; i < 3; i++) {
            test.recovery(ReportFixtures.recovered("delete-pod", "pod/vault-" + i, i, 10_000));
        }
        Document svg = parse(chart(test.build()));

        assertThat(byClass(svg, "point")).extracting(p -> p.getAttribute("cy")).doesNotHaveDuplicates();
        assertThat(byClass(svg, "point")).extracting(p -> p.getAttribute("cx")).containsOnly(
                byClass(svg, "point").get(0).getAttribute("cx"));
    }

    @Test
    void rowsAreSortedByNameSoNightlyChartsLineUp() throws Exception {
        Document svg = parse(chart(TestRecord.builder("A", "b")
                .recovery(ReportFixtures.recovered("scale-down", "statefulset/vault", 0, 3_000))
                .recovery(ReportFixtures.recovered("cluster-reboot", "k3s", 0, 90_000))
                .recovery(ReportFixtures.recovered("delete-pod", "pod/vault-0", 0, 8_000))
                .build()));

        assertThat(byClass(svg, "mode")).extracting(g -> g.getAttribute("data-disruption"))
                .containsExactly("cluster-reboot", "delete-pod", "scale-down");
    }
}
