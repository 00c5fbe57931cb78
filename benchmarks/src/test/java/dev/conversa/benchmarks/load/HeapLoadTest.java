package dev.conversa.benchmarks.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The heap driver runs, tiny, on the in-memory and H2 stores and checks its own counts; its
 * figures come from running it by hand.
 */
class HeapLoadTest {

    @Test
    void answersEveryCustomerOnceInEachStepAndReadsTheHeap() throws Exception {
        for (String stores : List.of("memory", "h2")) {
            List<HeapLoad.Step> steps = HeapLoad.run(HeapLoad.Options.parse("stores=" + stores, "conversations=30",
                    "step=10", "callers=2", "timeout=60"));

            assertThat(steps).extracting(HeapLoad.Step::conversations).containsExactly(10, 20, 30);
            assertThat(steps).allSatisfy(step -> assertThat(step.heapBytes()).isPositive());
        }
    }
}
