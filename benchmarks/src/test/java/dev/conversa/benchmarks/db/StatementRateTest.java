package dev.conversa.benchmarks.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The statement-rate driver runs, tiny, on durable PostgreSQL; its figures come from running it by hand. */
class StatementRateTest {

    @Test
    void runsTransactionsOnDurablePostgresqlAndCountsTheirStatementsAndCommits() throws Exception {
        List<StatementRate.Round> rounds = StatementRate.run(StatementRate.Options.parse("callers=2",
                "perTransaction=3", "seconds=0.3", "rounds=1"));

        assertThat(rounds).singleElement().satisfies(round -> {
            assertThat(round.settings()).contains("fsync=on", "synchronous_commit=on");
            assertThat(round.commitsPerSecond()).isPositive();
            assertThat(round.statementsPerSecond()).isCloseTo(3 * round.commitsPerSecond(),
                    withinPercentage(1));
        });
    }

    @Test
    void refusesOptionsThatMeasureNothing() {
        assertThatThrownBy(() -> StatementRate.Options.parse("callers=0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
