package dev.conversa.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import dev.conversa.benchmarks.db.BenchmarkDatabases.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The durable intake load runs end to end, tiny, on both databases; its figures come from running it by hand. */
class DurableIntakeLoadTest {

    @Test
    void drivesEveryLevelOnH2AndDurablePostgresqlAndChecksEveryWebhookWasStored() throws Exception {
        DurableIntakeLoad.Options options = DurableIntakeLoad.Options.parse("callers=1,4", "seconds=0.3",
                "warmup=0.1", "paced=0.2", "pacedCallers=8", "requests=1000");

        List<DurableIntakeLoad.DatabaseResult> results = DurableIntakeLoad.run(options);

        assertThat(results).extracting(DurableIntakeLoad.DatabaseResult::database)
                .containsExactly(Kind.POSTGRESQL, Kind.H2);
        assertThat(results.get(0).settings()).contains("fsync=on", "synchronous_commit=on", "autovacuum_naptime=1min");
        assertThat(results.get(1).settings()).isEqualTo("WRITE_DELAY=0");
        assertThat(results).allSatisfy(result -> {
            assertThat(result.ceiling()).isPositive();
            assertThat(result.levels()).extracting(DurableIntakeLoad.Level::name)
                    .containsExactly("1 caller", "4 callers", result.levels().get(2).name());
            assertThat(result.levels()).allSatisfy(level -> {
                assertThat(level.answered()).isPositive();
                assertThat(level.failed()).isZero();
            });
        });
    }
}
