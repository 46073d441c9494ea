package dev.vaulttest.internal.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.vaulttest.internal.timing.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

class RunReportCollectorTest {

    @Test
    void recordsAddedFromManyThreadsAtOnceAreAllKept() throws Exception {
        RunReportCollector collector = new RunReportCollector();
        int threads = 8;
        int perThread = 500;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch go = new CountDownLatch(1);
        List<Future<?>> futures = new ArrayList<>();
        try {
            for (int t = 0; t < threads; t++) {
                int thread = t;
                futures.add(pool.submit(() -> {
                    go.await();
                    for (int i = 0; i < perThread; i++) {
                        collector.add(TestRecord.builder("Class" + thread, "test" + i).build());
                        collector.describeEnvironment("env " + (i % 3));
                    }
                    return null;
                }));
            }
            go.countDown();
            for (Future<?> future : futures) {
                future.get(30, TimeUnit.SECONDS);
            }
        } finally {
            pool.shutdownNow();
        }

        RunReport report = collector.toReport();
        assertThat(report.tests()).hasSize(threads * perThread)
                .extracting(test -> test.testClass() + "#" + test.testName())
                .doesNotHaveDuplicates();
        assertThat(report.environmentDescription()).isEqualTo("env 0\nenv 1\nenv 2");
    }

    @Test
    void runStartsAtCreationAndFinishesWhenTheReportIsBuilt() {
        MutableClock clock = new MutableClock(ReportFixtures.START);
        RunReportCollector collector = new RunReportCollector(clock);
        clock.advance(Duration.ofMinutes(7));
        collector.add(TestRecord.builder("A", "b").build());

        RunReport report = collector.toReport();

        assertThat(report.startedAt()).isEqualTo(ReportFixtures.START);
        assertThat(report.duration()).isEqualTo(Duration.ofMinutes(7));
        assertThat(report.environmentDescription()).isEmpty();
        assertThat(collector.size()).isEqualTo(1);
    }
}
