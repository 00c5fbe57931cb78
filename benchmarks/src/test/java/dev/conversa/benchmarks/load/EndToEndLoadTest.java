package dev.conversa.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import dev.conversa.benchmarks.db.BenchmarkDatabases.Kind;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The end-to-end load runs, tiny, on both databases and checks its own counts; its figures come from running it by hand. */
class EndToEndLoadTest {

    @Test
    void answersEveryCustomerOnceOnDurablePostgresqlAndH2() throws Exception {
        EndToEndLoad.Options options = EndToEndLoad.Options.parse("conversations=20", "callers=2", "timeout=60",
                "statements=3", "planning=true", "warmup=5", "connections=8");

        List<EndToEndLoad.Result> results = EndToEndLoad.run(options);

        assertThat(results).extracting(EndToEndLoad.Result::database).containsExactly(Kind.POSTGRESQL, Kind.H2);
        assertThat(results).allSatisfy(result -> {
            assertThat(result.replies()).isPositive();
            assertThat(result.intakeAlone()).isPositive();
            assertThat(result.intakeWithWorkers()).isPositive();
            assertThat(result.toString()).contains("after 5 warm-up conversations");
        });
        assertThat(results.get(0).statements()).as("PostgreSQL's busiest statements").hasSize(3)
                .allSatisfy(line -> assertThat(line).contains(" calls ", " plans "));
        assertThat(results.get(1).statements()).as("none counted on H2").isEmpty();
        EndToEndLoad.PerReply postgresql = results.get(0).perReply();
        assertThat(postgresql.statements()).as("a reply reads and writes several tables").isGreaterThan(10);
        assertThat(postgresql.commits()).isGreaterThan(1);
        assertThat(postgresql.begun()).as("the transactions that write, each with a statement or more")
                .isGreaterThan(1).isLessThan(postgresql.statements());
        assertThat(postgresql.jvmCpuMillis()).isPositive();
        assertThat(postgresql.databaseCpuMillis()).as("the server's processes, from /proc").isPositive();
        assertThat(results.get(0).toString()).contains(" transactions begun and ")
                .contains("statements besides BEGIN and COMMIT per reply")
                .contains("processor time per reply: JVM ").contains(" ms, PostgreSQL ");
        EndToEndLoad.PerReply h2 = results.get(1).perReply();
        assertThat(h2.statements()).as("not counted on H2").isNegative();
        assertThat(h2.begun()).as("not counted on H2").isNegative();
        assertThat(h2.databaseCpuMillis()).as("H2 runs in the JVM").isNegative();
        assertThat(h2.jvmCpuMillis()).isPositive();
    }

    @Test
    void warmsUpUnlessAskedNotTo() {
        assertThat(EndToEndLoad.Options.parse().warmup()).isEqualTo(2000);
        assertThat(EndToEndLoad.Options.parse("warmup=0").warmup()).isZero();
        assertThat(EndToEndLoad.Options.parse().connections()).isEqualTo(32);
    }

    @Test
    void webhooksFirstIsTrueOrFalseAndNothingElse() {
        assertThat(EndToEndLoad.Options.parse().webhooksFirst()).isTrue();
        assertThat(EndToEndLoad.Options.parse("webhooksFirst=false").webhooksFirst()).isFalse();
        assertThatIllegalArgumentException().isThrownBy(() -> EndToEndLoad.Options.parse("webhooksFirst=no"))
                .withMessageContaining("webhooksFirst must be true or false");
    }
}
