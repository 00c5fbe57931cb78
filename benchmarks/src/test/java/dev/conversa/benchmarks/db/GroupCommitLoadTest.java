package dev.conversa.benchmarks.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The group-commit driver runs, tiny; its figures come from running it by hand. */
class GroupCommitLoadTest {

    @Test
    void appendsFromEveryCallerAreStoredAndCounted() throws Exception {
        List<GroupCommitLoad.Level> levels = GroupCommitLoad.run(GroupCommitLoad.Options.parse("callers=1,8",
                "flush=200", "seconds=0.3", "rounds=1"));

        assertThat(levels).extracting(GroupCommitLoad.Level::callers).containsExactly(1, 8);
        assertThat(levels).allSatisfy(level -> {
            assertThat(level.appendsPerSecond()).isPositive();
            assertThat(level.cpuMicrosPerAppend()).isPositive();
        });
        // a lone caller waits out every commit's flush; eight share theirs
        assertThat(levels.get(0).appendsPerSecond()).isLessThan(1_000_000.0 / 200);
    }

    @Test
    void refusesOptionsThatMeasureNothing() {
        assertThatThrownBy(() -> GroupCommitLoad.Options.parse("callers=0"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("positive");
    }
}
