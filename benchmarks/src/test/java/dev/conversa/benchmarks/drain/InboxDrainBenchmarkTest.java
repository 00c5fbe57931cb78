package dev.conversa.benchmarks.drain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.benchmarks.db.BenchmarkDatabases;
import dev.conversa.benchmarks.db.BenchmarkDatabases.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The drain benchmark runs end to end, tiny, on both databases; its figures come from running it by hand. */
class InboxDrainBenchmarkTest {

    @Test
    void drainsATinyBacklogOnH2AndPostgresql() throws Exception {
        InboxDrainBenchmark.Options options = InboxDrainBenchmark.Options.parse("small=40:4", "large=120:12",
                "warmups=1", "rounds=1", "workers=2");

        List<InboxDrainBenchmark.Result> results = InboxDrainBenchmark.run(options);

        assertThat(results).extracting(InboxDrainBenchmark.Result::database).containsExactly(Kind.H2, Kind.POSTGRESQL);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.complete()).isTrue();
            assertThat(result.smallRate()).isPositive();
            assertThat(result.largeRate()).isPositive();
        });
        assertThat(results.get(0).settings()).isEqualTo("WRITE_DELAY=0");
    }

    @Test
    void aTimeBoxedLargeDrainIsReportedAsPartial() throws Exception {
        InboxDrainBenchmark.Options options = InboxDrainBenchmark.Options.parse("databases=h2", "small=40:4",
                "large=300:30", "largeTarget=100", "warmups=1", "rounds=1", "workers=2");

        List<InboxDrainBenchmark.Result> results = InboxDrainBenchmark.run(options);

        assertThat(results).singleElement().satisfies(result -> {
            assertThat(result.complete()).isFalse();
            assertThat(result.toString()).contains("first 100 entries");
        });
    }
}
